import { acceptHMRUpdate, defineStore } from 'pinia'
import { latestTurn } from '@/composables/latest'
import { computed, ref, shallowReactive, shallowRef, toRaw } from 'vue'
import { getAssessment, loadResponses, saveResponse, updateAssessment } from '@/db/assessments'
import type { AssessmentRecord, ItemResponse, TargetOverrides } from '@/domain/assessment/records'
import { rateableItems, type RateableItem } from '@/domain/assessment/items'
import { ratingLayout, type RatingLayout } from '@/domain/assessment/layout'
import {
  nextUnrated,
  progress,
  progressByDuty,
  ratingCounts,
  ratingState,
  straightLineOf,
  type Progress,
  type RatingState,
  type RatingValue,
  type StraightLine,
} from '@/domain/assessment/ratings'
import { getScale } from '@/domain/assessment/scales'
import { useAutosave, type SaveState } from '@/composables/useAutosave'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

export type { SaveState }

/** The name under which each save's input → commit time is measured (User Timing). */
export const AUTOSAVE_MEASURE = 'gaplens:autosave'
/** Typed text is written this long after the last keystroke (and at once when the page hides). */
export const TEXT_DEBOUNCE_MS = 100
/** A rating's write that takes longer than this is shown before it is stored, as saving. */
export const REVEAL_MS = 100

function emptyResponse(): ItemResponse {
  return { rating: null, note: '', evidence: '', updatedAt: new Date(0).toISOString() }
}

/** The progress a count of rated and n/a items out of `total` makes. */
function progressOf(total: number, rated: number, na: number): Progress {
  return { total, rated, na, answered: rated + na, unrated: total - rated - na }
}

/**
 * The assessment being rated: its responses, and the save state of every item.
 *
 * A rating costs the same however many items the standard has: the write is issued first;
 * responses and save states are reactive per item, so only what shows that item re-renders; and
 * progress, progress by duty and the straight-line check are counts adjusted by the one change.
 */
export const useRatingStore = defineStore('rating', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()

  const assessment = shallowRef<AssessmentRecord | null>(null)
  /** What is written: each item's latest response (plain, read by the autosave's writes). */
  let latest = new Map<string, ItemResponse>()
  /** The same responses for the page, reactive per item. Replaced whole when one is opened. */
  const responses = shallowRef<ReadonlyMap<string, ItemResponse>>(new Map())
  let shown = shallowReactive(new Map<string, ItemResponse>())
  const status = ref<'idle' | 'loading' | 'ready' | 'missing'>('idle')
  const lastSavedAt = ref<string | null>(null)
  /**
   * The rating last cleared and the response it had, so the clear can be undone; dropped once
   * the item is rated again (the clear no longer stands) or another one is cleared.
   */
  const cleared = shallowRef<{ key: string; before: ItemResponse } | null>(null)
  /** The save state of the assessment's targets, shown where they are set. */
  const targetsState = ref<SaveState | undefined>()
  let targetsSequence = 0

  const standard = computed(() =>
    assessment.value ? standards.get(assessment.value.standardId) : undefined,
  )
  const scale = computed(() => (assessment.value ? getScale(assessment.value.scaleId) : undefined))
  const items = computed(() => (standard.value ? rateableItems(standard.value) : []))
  /** Where each item is rated on the page: each once, K and S items under their first task. */
  const layout = computed<RatingLayout>(() =>
    standard.value
      ? ratingLayout(standard.value, items.value)
      : { tasks: [], attitudes: [], order: [], homeOf: new Map() },
  )
  /** The items in the order the page shows them: "next unrated" follows the page. */
  const order = computed(() => layout.value.order)
  const itemsByKey = computed(() => new Map(items.value.map((i) => [i.key, i])))

  // Counts, adjusted by each change rather than counted again over every item.
  const overall = shallowRef<Progress>(progressOf(0, 0, 0))
  const byDuty = shallowRef<ReadonlyMap<string, Progress>>(new Map())
  const straightLine = shallowRef<StraightLine | undefined>()
  /** Ratings carried on from the last round and not yet confirmed or changed. */
  const carried = ref(0)
  /** Ratings per scale value, kept as ratings change, for the straight-line check. */
  let counts = new Map<number, number>()

  function countAll(): void {
    const all = items.value
    overall.value = progress(all, latest)
    byDuty.value = progressByDuty(all, latest, standard.value?.duties.map((d) => d.code) ?? [])
    counts = ratingCounts(latest.values())
    straightLine.value = straightLineOf(counts)
    carried.value = [...latest.values()].filter((r) => r.carried).length
  }

  /** Moves one item's counts from its state before a change to its state after. */
  function recount(
    item: RateableItem | undefined,
    before: ItemResponse | undefined,
    after: ItemResponse,
  ) {
    carried.value += (after.carried ? 1 : 0) - (before?.carried ? 1 : 0)
    const was = ratingState(before)
    const is = ratingState(after)
    const oldValue = before?.rating
    const newValue = after.rating
    if (typeof oldValue === 'number' || typeof newValue === 'number') {
      if (oldValue === newValue) return
      if (typeof oldValue === 'number') counts.set(oldValue, (counts.get(oldValue) ?? 1) - 1)
      if (typeof newValue === 'number') counts.set(newValue, (counts.get(newValue) ?? 0) + 1)
      straightLine.value = straightLineOf(counts)
    }
    if (was === is || !item) return
    const move = (p: Progress, state: RatingState, by: number) =>
      state === 'rated'
        ? progressOf(p.total, p.rated + by, p.na)
        : state === 'na'
          ? progressOf(p.total, p.rated, p.na + by)
          : p
    const shift = (p: Progress) => move(move(p, was, -1), is, 1)
    overall.value = shift(overall.value)
    if (!item.duties.length) return
    const duties = new Map(byDuty.value)
    for (const duty of item.duties) {
      const p = duties.get(duty)
      if (p) duties.set(duty, shift(p))
    }
    byDuty.value = duties
  }

  const autosave = useAutosave<string>({
    debounceMs: TEXT_DEBOUNCE_MS,
    quietMs: REVEAL_MS,
    write(key) {
      const current = assessment.value
      const response = latest.get(key)
      if (!current || !response) return Promise.resolve()
      return saveResponse(current.id, key, response)
    },
    onSaved(key, startedAt) {
      lastSavedAt.value = latest.get(key)?.updatedAt ?? null
      // Not shown anywhere: the record the page holds follows the database without a render.
      if (assessment.value) assessment.value.lastItemKey = key
      performance.measure(AUTOSAVE_MEASURE, { start: startedAt, end: performance.now() })
    },
    onError: (_key, error) => void storage.report(error),
  })

  /** Only the latest open's answer is kept. */
  const opening = latestTurn()

  /** Opens an assessment and its responses; status 'missing' when it does not exist. */
  async function open(id: string): Promise<void> {
    if (assessment.value?.id === id && status.value === 'ready') return
    const isLatest = opening.begin()
    status.value = 'loading'
    // Text still waiting for its pause belongs to the assessment that was open.
    await autosave.flush()
    // The standards are checked in a worker while the assessment is read.
    const [record, loaded] = await Promise.all([
      getAssessment(id),
      loadResponses(id),
      standards.load(),
    ])
    // Another assessment was opened meanwhile (a quick move between two): its open decides, and
    // the ratings made on the page go to the one it shows.
    if (!isLatest()) return
    if (!record) {
      assessment.value = null
      status.value = 'missing'
      return
    }
    autosave.reset()
    cleared.value = null
    latest = loaded
    shown = shallowReactive(new Map(loaded))
    responses.value = shown
    targetsState.value = undefined
    assessment.value = record
    countAll()
    status.value = 'ready'
  }

  /** Records a change of one item in the plain copy the writes read (the page follows: show). */
  function change(key: string, changes: Partial<ItemResponse>): void {
    const before = latest.get(key)
    const after: ItemResponse = {
      ...(before ?? emptyResponse()),
      ...changes,
      updatedAt: new Date().toISOString(),
    }
    // A rating given (or confirmed) is the person's own now, no longer the last round's.
    if ('rating' in changes) delete after.carried
    latest.set(key, after)
  }

  /** Shows an item's latest response, if the page does not show it yet, and counts it. */
  function show(key: string): void {
    const before = shown.get(key)
    const after = latest.get(key)
    if (!after || after === before) return
    shown.set(key, after)
    recount(itemsByKey.value.get(key), before, after)
  }

  /**
   * Sets an item's rating (a scale value, 'na', or null to clear it) and stores it at once.
   * `startedAt` is the input event's time, so the measured latency starts at the input.
   *
   * The write leaves first, and the page shows the rating once it is stored: one render, after
   * the commit, so the commit never waits for the page to draw (and what is shown is saved). A
   * write that takes longer than REVEAL_MS is shown before it ends, as saving.
   */
  function rate(key: string, rating: RatingValue | null, startedAt = performance.now()) {
    const before = latest.get(key)
    if (rating === null && before && before.rating !== null) cleared.value = { key, before }
    else if (rating !== null && cleared.value?.key === key) cleared.value = null
    change(key, { rating })
    return saveNow(key, startedAt)
  }

  /** Writes an item's latest response now, and shows it once stored (see `rate`). */
  function saveNow(key: string, startedAt: number): Promise<void> {
    const saved = autosave.save(key, startedAt)
    const reveal = () => {
      clearTimeout(timer)
      show(key)
    }
    const timer = setTimeout(reveal, REVEAL_MS)
    void saved.then(reveal, reveal)
    return saved
  }

  /**
   * Confirms a rating carried on from the last round, as it is: stored at once like a rating,
   * and no longer marked carried.
   */
  function confirm(key: string, startedAt = performance.now()) {
    const current = latest.get(key)
    if (!current?.carried) return Promise.resolve()
    return rate(key, current.rating, startedAt)
  }

  /**
   * Undoes the last clear: the item's rating, note and evidence as they were before it, stored
   * at once. Returns the item's key, or undefined when there is nothing to undo.
   */
  function undoClear(startedAt = performance.now()): string | undefined {
    const last = cleared.value
    if (!last) return undefined
    cleared.value = null
    const { rating, note, evidence, carried } = last.before
    change(last.key, { rating, note, evidence })
    // Put back as it was: a rating carried from the last round is still to be confirmed.
    if (carried) latest.set(last.key, { ...latest.get(last.key)!, carried })
    void saveNow(last.key, startedAt)
    return last.key
  }

  /** Forgets the clear that could be undone (the person closed its message). */
  function keepCleared(): void {
    cleared.value = null
  }

  /** Sets a note or evidence text; stored after a short pause in typing, or on flush. */
  function setText(key: string, field: 'note' | 'evidence', text: string): void {
    change(key, { [field]: text })
    autosave.schedule(key)
    show(key)
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
      await updateAssessment(current.id, { targets: toRaw(targets) })
      if (seq === targetsSequence) targetsState.value = 'saved'
    } catch (error) {
      if (assessment.value?.id === current.id)
        assessment.value = { ...assessment.value, targets: current.targets }
      if (seq === targetsSequence) targetsState.value = 'error'
      storage.report(error)
    }
  }

  function next(afterKey?: string): string | undefined {
    return nextUnrated(order.value, latest, afterKey)
  }

  /** The next rating still carried from the last round after `afterKey`, wrapping around. */
  function nextCarried(afterKey?: string): string | undefined {
    const keys = order.value
    const start = afterKey === undefined ? 0 : keys.indexOf(afterKey) + 1
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(start + i) % keys.length]!
      if (latest.get(key)?.carried) return key
    }
    return undefined
  }

  /** Retries every write that failed (after the person freed space, say). */
  function retryFailed(): Promise<void> {
    storage.clearProblem()
    return autosave.retryFailed()
  }

  function close(): void {
    cleared.value = null
    assessment.value = null
    status.value = 'idle'
  }

  return {
    assessment,
    responses,
    saveStates: autosave.states,
    pendingCount: autosave.pending,
    failedCount: autosave.failed,
    targetsState,
    status,
    lastSavedAt,
    standard,
    scale,
    items,
    layout,
    order,
    overall,
    byDuty,
    straightLine,
    carried,
    cleared,
    open,
    rate,
    confirm,
    undoClear,
    keepCleared,
    setText,
    flush: autosave.flush,
    retryFailed,
    setTargets,
    next,
    nextCarried,
    close,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRatingStore, import.meta.hot))
