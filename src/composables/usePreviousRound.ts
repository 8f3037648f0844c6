import { watch } from 'vue'
import { storeToRefs } from 'pinia'
import type { AssessmentRecord } from '@/domain/assessment/records'
import { usePreviousRoundStore } from '@/stores/previous'

/**
 * The round before the assessment shown, read as it changes (the store reads it once per
 * assessment, whichever of the results' parts asks first): the round comparison and the plan's
 * follow-up share it.
 */
export function usePreviousRound(assessment: () => AssessmentRecord) {
  const rounds = usePreviousRoundStore()
  watch(
    () => assessment().id,
    () => void rounds.load(assessment()),
    { immediate: true },
  )
  return storeToRefs(rounds).previous
}
