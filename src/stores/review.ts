import { acceptHMRUpdate, defineStore } from 'pinia'
import { latestTurn } from '@/composables/latest'
import { computed, ref, shallowReactive, shallowRef } from 'vue'
import {
  getReview,
  getReviewRating,
  headerOf,
  loadReviewRatings,
  patchReviewHeader,
  patchReviewRating,
  type ReviewHeader,
} from '@/db/reviews'
import { rateableItems } from '@/domain/assessment/items'
import type { Progress, RatingValue } from '@/domain/assessment/ratings'
import { getScale } from '@/domain/assessment/scales'
import type { SelfRating } from '@/domain/files/assessment-file'
import { isFlagged } from '@/domain/review/compare'
import type { ReviewRatingRecord, ReviewRecord } from '@/domain/review/records'
import { useAutosave, type SaveState } from '@/composables/useAutosave'
import { useFieldSync } from '@/composables/useFieldSync'
import { useTabSync, type StoredChange } from '@/composables/useTabSync'
import { pickFields } from '@/domain/sync/fields'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

export type { SaveState }

/** Typed text (a comment, the reviewer's name) is written this long after the last keystroke. */
export const TEXT_DEBOUNCE_MS = 100
/** During a long burst of typing, the text is written at least this often. */
export const TEXT_MAX_WAIT_MS = 1000
/** A rating's write that takes longer than this shows 'saving' first. */
export const REVEAL_MS = 100
/**
 * The autosave key of the review's own fields (reviewer, overall comment). Item keys are codes
 * that begin with a capital letter (P1.1.1, K01), so this one cannot meet an item's.
 */
export const REVIEW_FIELDS = '@review'

/** The fields of the supervisor's rating of an item, each written on its own. */
export type ReviewItemField = 'rating' | 'comment'
/** The review's own fields, each written on its own (all typed). */
export type ReviewHeaderField = keyof ReviewHeader
const HEADER_FIELDS: readonly ReviewHeaderField[] = ['name', 'jobTitle', 'comment']

function emptyRating(reviewId: string, itemKey: string): ReviewRatingRecord {
  return { reviewId, itemKey, rating: null, comment: '', updatedAt: new Date(0).toISOString() }
}

/**
 * The review open on the review page: the employee's self-assessment as their file had it
 * (read-only), and the supervisor's rating and comment of each item, each written at once (a
 * rating) or after a pause in typing (a comment), in records of their own.
 */
export const useReviewStore = defineStore('review', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()

  const review = shallowRef<ReviewRecord | null>(null)
  /** What is written: each item's latest rating and comment, plain. */
  let latest = new Map<string, ReviewRatingRecord>()
  /** The same for the page, reactive per item. */
  const ratings = shallowRef<ReadonlyMap<string, ReviewRatingRecord>>(new Map())
  let shown = shallowReactive(new Map<string, ReviewRatingRecord>())
  /** 'gone': deleted in another tab or window while open here. */
  const status = ref<'idle' | 'loading' | 'ready' | 'missing' | 'gone'>('idle')
  const lastSavedAt = ref<string | null>(null)

  const standard = computed(() =>
    review.value ? standards.get(review.value.standardId) : undefined,
  )
  const scale = computed(() => (review.value ? getScale(review.value.assessment.scale) : undefined))
  const items = computed(() => (standard.value ? rateableItems(standard.value) : []))
  const order = computed(() => items.value.map((i) => i.key))
  /** The employee's rating, note and evidence of each item, as the file carried them. */
  const self = computed(
    () =>
      new Map<string, SelfRating>((review.value?.assessment.ratings ?? []).map((r) => [r.item, r])),
  )

  // A review has a few hundred items at most: counting them again on a change costs little.
  const overall = computed<Progress>(() => {
    let rated = 0
    let na = 0
    for (const item of items.value) {
      const value = ratings.value.get(item.key)?.rating
      if (value === 'na') na++
      else if (typeof value === 'number') rated++
    }
    const total = items.value.length
    return { total, rated, na, answered: rated + na, unrated: total - rated - na }
  })
  const flaggedKeys = computed(
    () =>
      new Set(
        items.value
          .filter((i) => isFlagged(self.value.get(i.key)?.rating, ratings.value.get(i.key)?.rating))
          .map((i) => i.key),
      ),
  )

  /** Each item's rating and comment in step with other tabs (see useFieldSync). */
  const itemFields = useFieldSync<ReviewRatingRecord, ReviewItemField>({
    fields: ['rating', 'comment'],
    texts: new Set(['comment']),
    mine: (key) => latest.get(key) ?? emptyRating(review.value?.id ?? '', key),
    show(key, next, _changed, stored) {
      const after = { ...next, updatedAt: stored.updatedAt }
      latest.set(key, after)
      shown.set(key, after)
      autosave.markStored(key)
      lastSavedAt.value = stored.updatedAt
    },
  })
  /** The review's own fields in step with other tabs, under the key REVIEW_FIELDS. */
  const headerFields = useFieldSync<ReviewHeader, ReviewHeaderField>({
    fields: HEADER_FIELDS,
    texts: new Set(HEADER_FIELDS),
    mine: () => headerOf(review.value ?? { reviewer: { name: '', jobTitle: '' }, comment: '' }),
    show(key, { name, jobTitle, comment }) {
      if (review.value) review.value = { ...review.value, reviewer: { name, jobTitle }, comment }
      autosave.markStored(key)
    },
  })
  const tabs = useTabSync(heard)

  /** Writes the fields the person changed of an item, or of the review's own, and no other. */
  function write(key: string): Promise<void> {
    const current = review.value
    if (!current) return Promise.resolve()
    const id = current.id
    const mine = <T>(stored: T) => (review.value?.id === id ? stored : undefined)
    if (key === REVIEW_FIELDS)
      return headerFields.send(key, async (changed) => {
        if (!changed.length) return undefined
        const stored = await patchReviewHeader(id, pickFields(headerOf(current), changed))
        tabs.announce({ kind: 'review', reviewId: id })
        return mine(stored)
      })
    const record = latest.get(key)
    if (!record) return Promise.resolve()
    return itemFields.send(key, async (changed) => {
      if (!changed.length) return undefined
      const patch = pickFields(record, changed)
      const stored = await patchReviewRating(id, key, patch, record.updatedAt)
      tabs.announce({ kind: 'review-rating', reviewId: id, itemKey: key })
      return mine(stored)
    })
  }

  const autosave = useAutosave<string>({
    debounceMs: TEXT_DEBOUNCE_MS,
    maxWaitMs: TEXT_MAX_WAIT_MS,
    quietMs: REVEAL_MS,
    write,
    onSaved(key) {
      lastSavedAt.value =
        key === REVIEW_FIELDS ? new Date().toISOString() : (latest.get(key)?.updatedAt ?? null)
      // The record the page holds follows the database (the page opens here again), unshown.
      if (key !== REVIEW_FIELDS && review.value) review.value.lastItemKey = key
    },
    onError: (_key, error) => void storage.report(error),
  })

  /** Another page stored something: reads again what concerns the review open here. */
  function heard(change: StoredChange): void {
    const id = review.value?.id
    if (!id || status.value !== 'ready') return
    if (change.kind === 'everything') return void reopen(id)
    if (!('reviewId' in change) || change.reviewId !== id) return
    if (change.kind === 'review-rating') void rereadItem(id, change.itemKey)
    else if (change.kind === 'review') void rereadHeader(id)
    else if (change.kind === 'review-replaced') void reopen(id)
    else if (change.kind === 'review-deleted') goneElsewhere()
  }

  async function rereadItem(id: string, key: string): Promise<void> {
    const stored = (await getReviewRating(id, key)) ?? emptyRating(id, key)
    if (review.value?.id === id && status.value === 'ready') itemFields.takeInStored(key, stored)
  }

  async function rereadHeader(id: string): Promise<void> {
    const stored = await getReview(id)
    if (stored && review.value?.id === id && status.value === 'ready')
      headerFields.takeInStored(REVIEW_FIELDS, headerOf(stored))
  }

  /** The review was deleted in another tab: the page says so instead of its items. */
  function goneElsewhere(): void {
    autosave.reset()
    itemFields.reset()
    headerFields.reset()
    review.value = null
    status.value = 'gone'
  }

  /** Reads the review again whole (a newer file opened, a backup restored, in another tab). */
  async function reopen(id: string): Promise<void> {
    await autosave.flush()
    if (review.value?.id === id) await load(id)
  }

  /** Only the latest open's answer is kept. */
  const opening = latestTurn()

  /** Opens a review and the supervisor's ratings; status 'missing' when it does not exist. */
  async function open(id: string): Promise<void> {
    if (review.value?.id === id && status.value === 'ready') return
    return load(id)
  }

  async function load(id: string): Promise<void> {
    const isLatest = opening.begin()
    status.value = 'loading'
    // Text still waiting for its pause belongs to the review that was open.
    await autosave.flush()
    // The standards are checked in a worker while the review is read.
    const [record, loaded] = await Promise.all([
      getReview(id),
      loadReviewRatings(id),
      standards.load(),
    ])
    // Another review was opened meanwhile (a quick move between two): its open decides, and
    // the ratings made on the page go to the one it shows.
    if (!isLatest()) return
    if (!record) {
      review.value = null
      status.value = 'missing'
      return
    }
    autosave.reset()
    itemFields.reset(loaded)
    headerFields.reset(new Map([[REVIEW_FIELDS, headerOf(record)]]))
    latest = loaded
    shown = shallowReactive(new Map(loaded))
    ratings.value = shown
    lastSavedAt.value = null
    review.value = record
    status.value = 'ready'
  }

  function change(key: string, changes: Partial<Pick<ReviewRatingRecord, ReviewItemField>>) {
    const current = review.value
    if (!current) return
    const before = latest.get(key)
    const after: ReviewRatingRecord = {
      reviewId: current.id,
      itemKey: key,
      rating: before?.rating ?? null,
      comment: before?.comment ?? '',
      ...changes,
      updatedAt: new Date().toISOString(),
    }
    latest.set(key, after)
    shown.set(key, after)
    itemFields.touch(key, Object.keys(changes) as ReviewItemField[])
  }

  /** Sets the supervisor's rating of an item (a value, 'na', or null to clear) and stores it. */
  function rate(key: string, rating: RatingValue | null, startedAt = performance.now()) {
    change(key, { rating })
    return autosave.save(key, startedAt)
  }

  /** Sets the supervisor's comment on an item; stored after a short pause in typing. */
  function setComment(key: string, comment: string): void {
    change(key, { comment })
    autosave.schedule(key)
  }

  /**
   * Changes the reviewer's name or title, or the overall comment; stored after a pause. Only the
   * fields that differ from those shown are written.
   */
  function setFields(changes: Partial<Pick<ReviewRecord, 'reviewer' | 'comment'>>): void {
    const current = review.value
    if (!current) return
    const before = headerOf(current)
    review.value = { ...current, ...changes }
    const after = headerOf(review.value)
    headerFields.touch(
      REVIEW_FIELDS,
      HEADER_FIELDS.filter((field) => before[field] !== after[field]),
    )
    autosave.schedule(REVIEW_FIELDS)
  }

  /** The person is typing in (or has left) an item's comment or one of the review's own fields. */
  function editing(key: string, field: ReviewHeaderField, on: boolean): void {
    if (key === REVIEW_FIELDS) headerFields.setEditing(key, field, on)
    else if (field === 'comment') itemFields.setEditing(key, field, on)
  }

  /**
   * Settles a text changed both here and in another tab: keeps the text typed here, or takes the
   * other tab's; either way it is stored at once.
   */
  function resolveConflict(key: string, field: ReviewHeaderField, keep: 'mine' | 'theirs'): void {
    if (key === REVIEW_FIELDS) {
      const conflict = headerFields.conflictOf(key, field)
      if (!conflict || !review.value) return
      headerFields.clearConflict(key, field)
      const header = headerOf(review.value)
      if (keep === 'theirs') header[field] = conflict.theirs
      setFields({
        reviewer: { name: header.name, jobTitle: header.jobTitle },
        comment: header.comment,
      })
      headerFields.touch(key, [field])
    } else {
      const conflict = field === 'comment' ? itemFields.conflictOf(key, field) : undefined
      if (!conflict) return
      itemFields.clearConflict(key, 'comment')
      setComment(key, keep === 'mine' ? (latest.get(key)?.comment ?? '') : conflict.theirs)
    }
    void autosave.save(key)
  }

  /** Another tab's text of a field held here, if any (see useFieldSync). */
  function conflictOf(key: string, field: ReviewHeaderField): string | undefined {
    if (key === REVIEW_FIELDS) return headerFields.conflictOf(key, field)?.theirs
    return field === 'comment' ? itemFields.conflictOf(key, field)?.theirs : undefined
  }

  /** The next item the supervisor has not rated after `afterKey`, wrapping around. */
  function next(afterKey?: string): string | undefined {
    const keys = order.value
    const start = afterKey === undefined ? 0 : keys.indexOf(afterKey) + 1
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(start + i) % keys.length]!
      if ((latest.get(key)?.rating ?? null) === null) return key
    }
    return undefined
  }

  function retryFailed(): Promise<void> {
    storage.clearProblem()
    return autosave.retryFailed()
  }

  /** Drops the open review if it is `id` (deleted, or updated from a newer file). */
  function forget(id: string): void {
    if (review.value?.id !== id) return
    autosave.reset()
    itemFields.reset()
    headerFields.reset()
    review.value = null
    status.value = 'idle'
  }

  return {
    review,
    ratings,
    saveStates: autosave.states,
    pendingCount: autosave.pending,
    failedCount: autosave.failed,
    status,
    lastSavedAt,
    standard,
    scale,
    items,
    order,
    self,
    overall,
    flaggedKeys,
    open,
    rate,
    setComment,
    setFields,
    editing,
    resolveConflict,
    conflictOf,
    flush: autosave.flush,
    retryFailed,
    next,
    forget,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReviewStore, import.meta.hot))
