import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { getAssessment, loadResponses, saveResponse, updateAssessment } from '@/db/assessments'
import type { AssessmentRecord, ItemResponse, TargetOverrides } from '@/domain/assessment/records'
import { rateableItems } from '@/domain/assessment/items'
import {
  detectStraightLine,
  nextUnrated,
  progress,
  progressByDuty,
  type RatingValue,
} from '@/domain/assessment/ratings'
import { getScale } from '@/domain/assessment/scales'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

export type SaveState = 'saving' | 'saved' | 'error'

/** The name under which each save's input → commit time is measured (User Timing). */
export const AUTOSAVE_MEASURE = 'gaplens:autosave'
const TEXT_DEBOUNCE_MS = 400

function emptyResponse(): ItemResponse {
  return { rating: null, note: '', evidence: '', updatedAt: new Date(0).toISOString() }
}

/** The assessment being rated: its responses, and the save state of every item. */
export const useRatingStore = defineStore('rating', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()

  const assessment = ref<AssessmentRecord | null>(null)
  const responses = shallowRef<ReadonlyMap<string, ItemResponse>>(new Map())
  const saveStates = shallowRef<ReadonlyMap<string, SaveState>>(new Map())
  const status = ref<'idle' | 'loading' | 'ready' | 'missing'>('idle')
  const lastSavedAt = ref<string | null>(null)
  /** The save state of the assessment's targets, shown where they are set. */
  const targetsState = ref<SaveState | undefined>()
  let targetsSequence = 0

  const standard = computed(() =>
    assessment.value ? standards.get(assessment.value.standardId) : undefined,
  )
  const scale = computed(() => (assessment.value ? getScale(assessment.value.scaleId) : undefined))
  const items = computed(() => (standard.value ? rateableItems(standard.value) : []))
  const order = computed(() => items.value.map((i) => i.key))
  const overall = computed(() => progress(items.value, responses.value))
  const byDuty = computed(() =>
    progressByDuty(items.value, responses.value, standard.value?.duties.map((d) => d.code) ?? []),
  )
  const straightLine = computed(() => detectStraightLine(responses.value.values()))
  const pendingCount = computed(
    () => [...saveStates.value.values()].filter((s) => s === 'saving').length,
  )
  const failedCount = computed(
    () => [...saveStates.value.values()].filter((s) => s === 'error').length,
  )

  // The latest write per item: an older write finishing late must not mark a newer one saved.
  const sequence = new Map<string, number>()
  const textTimers = new Map<string, ReturnType<typeof setTimeout>>()

  function setSaveState(key: string, state: SaveState): void {
    const next = new Map(saveStates.value)
    next.set(key, state)
    saveStates.value = next
  }

  /** Opens an assessment and its responses; status 'missing' when it does not exist. */
  async function open(id: string): Promise<void> {
    if (assessment.value?.id === id && status.value === 'ready') return
    status.value = 'loading'
    await standards.load()
    const record = await getAssessment(id)
    if (!record) {
      assessment.value = null
      status.value = 'missing'
      return
    }
    responses.value = await loadResponses(id)
    saveStates.value = new Map()
    targetsState.value = undefined
    assessment.value = record
    status.value = 'ready'
  }

  async function write(key: string, startedAt: number): Promise<void> {
    const current = assessment.value
    const response = responses.value.get(key)
    if (!current || !response) return
    const seq = (sequence.get(key) ?? 0) + 1
    sequence.set(key, seq)
    setSaveState(key, 'saving')
    try {
      await saveResponse(current.id, key, response)
      if (sequence.get(key) !== seq) return
      setSaveState(key, 'saved')
      lastSavedAt.value = response.updatedAt
      current.lastItemKey = key
      performance.measure(AUTOSAVE_MEASURE, { start: startedAt, end: performance.now() })
    } catch (error) {
      if (sequence.get(key) !== seq) return
      setSaveState(key, 'error')
      storage.report(error)
    }
  }

  function patch(key: string, changes: Partial<ItemResponse>): void {
    const next = new Map(responses.value)
    next.set(key, {
      ...(responses.value.get(key) ?? emptyResponse()),
      ...changes,
      updatedAt: new Date().toISOString(),
    })
    responses.value = next
  }

  /**
   * Sets an item's rating (a scale value, 'na', or null to clear it) and stores it at once.
   * `startedAt` is the input event's time, so the measured latency starts at the input.
   */
  function rate(key: string, rating: RatingValue | null, startedAt = performance.now()) {
    patch(key, { rating })
    return write(key, startedAt)
  }

  /** Sets a note or evidence text; stored after a short pause in typing, or on flush. */
  function setText(key: string, field: 'note' | 'evidence', text: string): void {
    patch(key, { [field]: text })
    // A write already under way holds the older text: it must not mark this item saved.
    sequence.set(key, (sequence.get(key) ?? 0) + 1)
    setSaveState(key, 'saving')
    const started = performance.now()
    clearTimeout(textTimers.get(key))
    textTimers.set(
      key,
      setTimeout(() => {
        textTimers.delete(key)
        void write(key, started)
      }, TEXT_DEBOUNCE_MS),
    )
  }

  /** Writes every pending text at once (on blur, or when the page is hidden). */
  function flush(): Promise<void[]> {
    const keys = [...textTimers.keys()]
    for (const key of keys) clearTimeout(textTimers.get(key))
    textTimers.clear()
    const now = performance.now()
    return Promise.all(keys.map((key) => write(key, now)))
  }

  /** Retries every write that failed (after the person freed space, say). */
  function retryFailed(): Promise<void[]> {
    const keys = [...saveStates.value].filter(([, s]) => s === 'error').map(([k]) => k)
    storage.clearProblem()
    return Promise.all(keys.map((key) => write(key, performance.now())))
  }

  /** Saves the assessment's target overrides (per duty and per task). */
  async function setTargets(targets: TargetOverrides): Promise<void> {
    const current = assessment.value
    if (!current) return
    // Shown at once, so a second change builds on the first; undone if it cannot be stored.
    assessment.value = { ...current, targets }
    const seq = ++targetsSequence
    targetsState.value = 'saving'
    try {
      await updateAssessment(current.id, { targets })
      if (seq === targetsSequence) targetsState.value = 'saved'
    } catch (error) {
      if (assessment.value?.id === current.id)
        assessment.value = { ...assessment.value, targets: current.targets }
      if (seq === targetsSequence) targetsState.value = 'error'
      storage.report(error)
    }
  }

  function next(afterKey?: string): string | undefined {
    return nextUnrated(order.value, responses.value, afterKey)
  }

  function close(): void {
    assessment.value = null
    status.value = 'idle'
  }

  return {
    assessment,
    responses,
    saveStates,
    targetsState,
    status,
    lastSavedAt,
    standard,
    scale,
    items,
    order,
    overall,
    byDuty,
    straightLine,
    pendingCount,
    failedCount,
    open,
    rate,
    setText,
    flush,
    retryFailed,
    setTargets,
    next,
    close,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRatingStore, import.meta.hot))
