import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { TrainingAnswers } from '@/workers/training-protocol'
import { SKIPPED_ANSWER, type TrainingAsk, type TrainingClient } from '@/workers/training'

export type AnswerState = 'idle' | 'working' | 'ready' | 'failed'

/**
 * Keeps the answer of the trainer's worker to a request that follows the page's choices: each
 * change of the request (a filter, a course taken out) asks again, and only the newest answer is
 * kept; one the worker skipped for a newer one changes nothing. `state` is 'working' from the
 * change to its answer, so a page (or a test) knows when what it shows is the request's.
 */
export function useTrainingAnswer<K extends TrainingAsk['type']>(
  client: TrainingClient,
  request: () => Extract<TrainingAsk, { type: K }> | null,
): { value: ShallowRef<TrainingAnswers[K] | null>; state: Ref<AnswerState> } {
  const value: ShallowRef<TrainingAnswers[K] | null> = shallowRef(null)
  const state = ref<AnswerState>('idle')
  let latest = 0
  watch(
    request,
    async (ask) => {
      const mine = ++latest
      if (!ask) {
        value.value = null
        state.value = 'idle'
        return
      }
      state.value = 'working'
      try {
        const answer = await client.ask<K>(ask)
        if (mine !== latest || answer === SKIPPED_ANSWER) return
        value.value = answer
        state.value = 'ready'
      } catch {
        if (mine === latest) state.value = 'failed'
      }
    },
    { immediate: true },
  )
  return { value, state }
}
