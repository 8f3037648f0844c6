import { acceptHMRUpdate, defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { loadResponses } from '@/db/assessments'
import { findPreviousRound } from '@/db/rounds'
import type { AssessmentRecord, ItemResponse } from '@/domain/assessment/records'

/** An earlier round of an assessment and its responses. */
export interface PreviousRound {
  record: AssessmentRecord
  responses: Map<string, ItemResponse>
}

/**
 * The round an assessment is compared with (its results' round comparison and the follow-up of
 * the plan it carried), read once per assessment shown.
 */
export const usePreviousRoundStore = defineStore('previous-round', () => {
  /** The assessment the answer is about, and the answer: undefined while there is none. */
  const of = shallowRef<string | null>(null)
  const previous = shallowRef<PreviousRound | undefined>()
  let reading: Promise<PreviousRound | undefined> | undefined

  /** Reads the earlier round of `record` (once per assessment; a later call waits for it). */
  function load(record: AssessmentRecord): Promise<PreviousRound | undefined> {
    if (of.value === record.id && reading) return reading
    of.value = record.id
    previous.value = undefined
    const id = record.id
    reading = (async () => {
      try {
        const found = await findPreviousRound(record)
        const result = found
          ? { record: found, responses: await loadResponses(found.id) }
          : undefined
        // Another assessment's results were opened meanwhile: its answer is the one shown.
        if (of.value === id) previous.value = result
        return result
      } catch {
        // Unreadable storage: the page shows this round alone, as without an earlier one.
        return undefined
      }
    })()
    return reading
  }

  /** Forgets what was read (a rating changed in the earlier round, an assessment deleted). */
  function forget(): void {
    of.value = null
    previous.value = undefined
    reading = undefined
  }

  return { of, previous, load, forget }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePreviousRoundStore, import.meta.hot))
