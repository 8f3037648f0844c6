import { acceptHMRUpdate, defineStore } from 'pinia'
import { latestTurn } from '@/composables/latest'
import { computed, ref, shallowReactive, shallowRef } from 'vue'
import {
  getAssessment,
  getResponse,
  loadResponses,
  patchResponse,
  patchTargets,
  saveResponse,
} from '@/db/assessments'
import type { AssessmentRecord, ItemResponse, TargetOverrides } from '@/domain/assessment/records'
import { rateableItems } from '@/domain/assessment/items'
import { ratingLayout, type RatingLayout } from '@/domain/assessment/layout'
import { nextUnrated, type RatingValue } from '@/domain/assessment/ratings'
import { targetsChanged } from '@/domain/assessment/targets'
import { getScale } from '@/domain/assessment/scales'
import { useAutosave, type SaveState, type WriteHow } from '@/composables/useAutosave'
import { useFieldSync } from '@/composables/useFieldSync'
import { useRatingCounts } from '@/composables/useRatingCounts'
import { useTabSync, type StoredChange } from '@/composables/useTabSync'
import { pickFields } from '@/domain/sync/fields'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

export type { SaveState }

/** The name under which each save's input → commit time is measured (User Timing). */
export const AUTOSAVE_MEASURE = 'gaplens:autosave'
/** Typed text is written this long after the last keystroke (and at once when the page hides). */
export const TEXT_DEBOUNCE_MS = 100
/** During a long burst of typing, the text is written at least this often. */
export const TEXT_MAX_WAIT_MS = 1000
/** A rating's write that takes longer than this is shown before it is stored, as saving. */
export const REVEAL_MS = 100

function emptyResponse(): ItemResponse {
  return { rating: null, note: '', evidence: '', updatedAt: new Date(0).toISOString() }
}

/** The fields of a response a page changes, each written on its own. */
export type ResponseField = 'rating' | 'note' | 'evidence' | 'carried'
const RESPONSE_FIELDS: readonly ResponseField[] = ['rating', 'note', 'evidence', 'carried']
/** The typed ones: held while typed in, and shown beside another tab's text when both changed. */
export type ResponseText = 'note' | 'evidence'
const RESPONSE_TEXTS: ReadonlySet<ResponseField> = new Set(['note', 'evidence'])

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
  /** 'gone': deleted in another tab or window while open here. */
  const status = ref<'idle' | 'loading' | 'ready' | 'missing' | 'gone'>('idle')
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
  const counting = useRatingCounts(items, () => standard.value?.duties.map((d) => d.code) ?? [])
  const { overall, byDuty, straightLine, carried } = counting
  const countAll = () => counting.countAll(latest)
  const recount = counting.recount

  /** Each item's fields in step with other tabs: what this page holds, and what it takes in. */
  const fields = useFieldSync<ItemResponse, ResponseField>({
    fields: RESPONSE_FIELDS,
    texts: RESPONSE_TEXTS,
    mine: (key) => latest.get(key) ?? emptyResponse(),
    show(key, next, changed, stored) {
      latest.set(key, { ...next, updatedAt: stored.updatedAt })
      // An undo offered here would put back a rating given since in the other tab.
      if (changed.includes('rating') && cleared.value?.key === key) cleared.value = null
      show(key)
      autosave.markStored(key)
      lastSavedAt.value = stored.updatedAt
    },
  })
  const tabs = useTabSync(heard)

  /**
   * Writes the fields of an item the person changed, laid over what is stored (so a field
   * changed in another tab stays), or, on a page being hidden or closed, the item whole and at
   * once (a closing page may never answer a read; its copy follows the other tabs).
   */
  function write(key: string, how: WriteHow): Promise<void> {
    const current = assessment.value
    const response = latest.get(key)
    if (!current || !response) return Promise.resolve()
    const change: StoredChange = { kind: 'response', assessmentId: current.id, itemKey: key }
    const mine = (stored: ItemResponse) =>
      assessment.value?.id === current.id ? stored : undefined
    return fields.send(key, (changed) => {
      if (how.closing) {
        const saved = saveResponse(current.id, key, response)
        // Now, not after the commit: the page may be gone by then. A read another tab begins
        // once told waits for this write.
        tabs.announce(change)
        return saved.then(() => mine(response))
      }
      if (!changed.length) return Promise.resolve(undefined)
      const patch = pickFields(response, changed)
      return patchResponse(current.id, key, patch, response.updatedAt).then((stored) => {
        tabs.announce(change)
        return mine(stored)
      })
    })
  }

  const autosave = useAutosave<string>({
    debounceMs: TEXT_DEBOUNCE_MS,
    maxWaitMs: TEXT_MAX_WAIT_MS,
    quietMs: REVEAL_MS,
    write,
    onSaved(key, startedAt) {
      lastSavedAt.value = latest.get(key)?.updatedAt ?? null
      // Not shown anywhere: the record the page holds follows the database without a render.
      if (assessment.value) assessment.value.lastItemKey = key
      performance.measure(AUTOSAVE_MEASURE, { start: startedAt, end: performance.now() })
    },
    onError: (_key, error) => void storage.report(error),
  })

  /** Reads an item again after another tab stored it. */
  async function reread(id: string, key: string): Promise<void> {
    const stored = (await getResponse(id, key)) ?? emptyResponse()
    if (assessment.value?.id === id && status.value === 'ready') fields.takeInStored(key, stored)
  }

  /** Reads the assessment's own fields again (its targets, its title) after another tab. */
  async function rereadAssessment(id: string): Promise<void> {
    const record = await getAssessment(id)
    const current = assessment.value
    if (!record || current?.id !== id) return
    // Targets being written here stay as set here; the write's answer brings the rest.
    const targets = targetsState.value === 'saving' ? current.targets : record.targets
    assessment.value = { ...current, title: record.title, subject: record.subject, targets }
  }

  /** Another page stored something: reads again what concerns the assessment open here. */
  function heard(change: StoredChange): void {
    const id = assessment.value?.id
    if (!id || status.value !== 'ready') return
    if (change.kind === 'everything') return void reopen(id)
    if (!('assessmentId' in change) || change.assessmentId !== id) return
    if (change.kind === 'response') void reread(id, change.itemKey)
    else if (change.kind === 'assessment') void rereadAssessment(id)
    else if (change.kind === 'assessment-deleted') goneElsewhere()
  }

  /** The assessment was deleted in another tab: the page says so instead of its items. */
  function goneElsewhere(): void {
    autosave.reset()
    fields.reset()
    cleared.value = null
    assessment.value = null
    status.value = 'gone'
  }

  /** Only the latest open's answer is kept. */
  const opening = latestTurn()

  /** Opens an assessment and its responses; status 'missing' when it does not exist. */
  async function open(id: string): Promise<void> {
    if (assessment.value?.id === id && status.value === 'ready') return
    return load(id)
  }

  /** Reads the assessment again whole (a backup restored in another tab). */
  async function reopen(id: string): Promise<void> {
    await autosave.flush()
    if (assessment.value?.id === id) await load(id)
  }

  async function load(id: string): Promise<void> {
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
    fields.reset(loaded)
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
    const changed = Object.keys(changes) as ResponseField[]
    fields.touch(key, 'rating' in changes ? [...changed, 'carried'] : changed)
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

  /**
   * Sets a note or evidence text; stored after a short pause in typing (at least once a second
   * in a long burst), or on flush.
   */
  function setText(key: string, field: ResponseText, text: string): void {
    change(key, { [field]: text })
    autosave.schedule(key)
    show(key)
  }

  /** The person is typing in (or has left) an item's note or evidence: it is not replaced. */
  function editing(key: string, field: ResponseText, on: boolean): void {
    fields.setEditing(key, field, on)
  }

  /**
   * Settles a text changed both here and in another tab: keeps the text typed here, or takes the
   * other tab's; either way it is stored at once.
   */
  function resolveConflict(key: string, field: ResponseText, keep: 'mine' | 'theirs'): void {
    const conflict = fields.conflictOf(key, field)
    if (!conflict) return
    fields.clearConflict(key, field)
    setText(key, field, keep === 'mine' ? (latest.get(key)?.[field] ?? '') : conflict.theirs)
    void autosave.save(key)
  }

  /** Another tab's text of a note or evidence typed here, if both changed (see useFieldSync). */
  function conflictOf(key: string, field: ResponseText): string | undefined {
    return fields.conflictOf(key, field)?.theirs
  }

  /**
   * Saves the assessment's target overrides (per duty and per task): only the targets that
   * differ from those shown are written, each over what is stored, so targets set in another tab
   * stay.
   */
  async function setTargets(targets: TargetOverrides): Promise<void> {
    const current = assessment.value
    if (!current) return
    const patch = targetsChanged(current.targets, targets)
    // Shown at once, so a second change builds on the first; undone if it cannot be stored.
    assessment.value = { ...current, targets }
    const seq = ++targetsSequence
    targetsState.value = 'saving'
    try {
      const stored = await patchTargets(current.id, patch)
      tabs.announce({ kind: 'assessment', assessmentId: current.id })
      if (seq === targetsSequence) {
        targetsState.value = 'saved'
        // Targets set in another tab meanwhile show too.
        if (assessment.value?.id === current.id)
          assessment.value = { ...assessment.value, targets: stored }
      }
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
    editing,
    resolveConflict,
    conflictOf,
    flush: autosave.flush,
    retryFailed,
    setTargets,
    next,
    nextCarried,
    close,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRatingStore, import.meta.hot))
