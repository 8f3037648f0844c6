import { computed, onMounted, onScopeDispose, ref, shallowRef, toRaw, watch } from 'vue'
import { useCohortStore } from '@/stores/cohort'
import { useCohortChoiceStore } from '@/stores/cohort-choice'
import { useStandardsStore } from '@/stores/standards'
import { useTrainingStore } from '@/stores/training'
import type { Standard } from '@/domain/standard/schema'
import type { CohortRef, OpenedCohort } from '@/workers/training-protocol'
import type { TrainingClient } from '@/workers/training'

export type CohortPageState = 'idle' | 'loading' | 'ready' | 'no-standard' | 'failed'

/** A plain copy of a small value held in a store (a filter, a choice), to post to the worker. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * The chosen cohort of a trainer's plan page, read by the trainer's worker: lists the cohorts,
 * keeps the choice (the cohort-choice store, shared with the other cohort pages), finds the
 * cohort's standard and has the worker read it, with the filter options it answers.
 */
export function useTrainingCohort(): {
  client: TrainingClient
  state: typeof state
  opened: typeof opened
  standard: typeof standard
  cohortRef: typeof cohortRef
  refOf: (key: string) => CohortRef | null
} {
  const store = useCohortStore()
  const standards = useStandardsStore()
  const choice = useCohortChoiceStore()
  const training = useTrainingStore()
  const client = training.take()
  onScopeDispose(() => training.release())

  const state = ref<CohortPageState>('idle')
  const opened = shallowRef<OpenedCohort | null>(null)
  const standard = shallowRef<Standard | null>(null)
  const summary = computed(() => store.cohorts.find((c) => c.key === choice.key))

  /** A cohort of the device as the worker reads it, or null where its standard is missing. */
  function refOf(key: string): CohortRef | null {
    const found = store.cohorts.find((c) => c.key === key)
    const std = found && standards.get(found.standard.id)
    return found && std
      ? { key, standard: toRaw(std), scale: found.scale, stamp: training.stamp }
      : null
  }
  const cohortRef = computed(() => (state.value === 'ready' ? refOf(choice.key) : null))

  let opening = 0
  async function open(): Promise<void> {
    const mine = ++opening
    opened.value = null
    if (!summary.value) {
      state.value = 'idle'
      return
    }
    state.value = 'loading'
    await standards.load()
    const found = standards.get(summary.value.standard.id) ?? null
    standard.value = found
    if (!found) {
      state.value = 'no-standard'
      return
    }
    choice.opened(choice.key)
    void training.loadCourses(found.id)
    const target = refOf(choice.key)!
    try {
      const answer = await client.ask<'open'>({ type: 'open', cohort: target })
      if (mine !== opening || typeof answer === 'symbol') return
      opened.value = answer
      state.value = 'ready'
    } catch {
      if (mine === opening) state.value = 'failed'
    }
  }

  onMounted(async () => {
    await store.load()
    if (!store.cohorts.some((c) => c.key === choice.key)) choice.key = store.cohorts[0]?.key ?? ''
    watch([() => choice.key, () => training.stamp], () => void open(), { immediate: true })
  })

  return { client, state, opened, standard, cohortRef, refOf }
}
