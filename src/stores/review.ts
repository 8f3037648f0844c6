import { acceptHMRUpdate, defineStore } from 'pinia'
import { latestTurn } from '@/composables/latest'
import { computed, ref, shallowReactive, shallowRef, toRaw } from 'vue'
import { getReview, loadReviewRatings, saveReviewRating, updateReview } from '@/db/reviews'
import { rateableItems } from '@/domain/assessment/items'
import type { Progress, RatingValue } from '@/domain/assessment/ratings'
import { getScale } from '@/domain/assessment/scales'
import type { SelfRating } from '@/domain/files/assessment-file'
import { isFlagged } from '@/domain/review/compare'
import type { ReviewRatingRecord, ReviewRecord } from '@/domain/review/records'
import { useAutosave, type SaveState } from '@/composables/useAutosave'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

export type { SaveState }

/** Typed text (a comment, the reviewer's name) is written this long after the last keystroke. */
export const TEXT_DEBOUNCE_MS = 100
/** A rating's write that takes longer than this shows 'saving' first. */
export const REVEAL_MS = 100
/**
 * The autosave key of the review's own fields (reviewer, overall comment). Item keys are codes
 * that begin with a capital letter (P1.1.1, K01), so this one cannot meet an item's.
 */
export const REVIEW_FIELDS = '@review'

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
  const status = ref<'idle' | 'loading' | 'ready' | 'missing'>('idle')
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

  const autosave = useAutosave<string>({
    debounceMs: TEXT_DEBOUNCE_MS,
    quietMs: REVEAL_MS,
    write(key) {
      const current = review.value
      if (!current) return Promise.resolve()
      if (key === REVIEW_FIELDS)
        return updateReview(current.id, {
          reviewer: { ...toRaw(current.reviewer) },
          comment: current.comment,
        })
      const record = latest.get(key)
      return record ? saveReviewRating(record) : Promise.resolve()
    },
    onSaved(key) {
      lastSavedAt.value =
        key === REVIEW_FIELDS ? new Date().toISOString() : (latest.get(key)?.updatedAt ?? null)
      // The record the page holds follows the database (the page opens here again), unshown.
      if (key !== REVIEW_FIELDS && review.value) review.value.lastItemKey = key
    },
    onError: (_key, error) => void storage.report(error),
  })

  /** Only the latest open's answer is kept. */
  const opening = latestTurn()

  /** Opens a review and the supervisor's ratings; status 'missing' when it does not exist. */
  async function open(id: string): Promise<void> {
    if (review.value?.id === id && status.value === 'ready') return
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
    latest = loaded
    shown = shallowReactive(new Map(loaded))
    ratings.value = shown
    lastSavedAt.value = null
    review.value = record
    status.value = 'ready'
  }

  function change(key: string, changes: Partial<Pick<ReviewRatingRecord, 'rating' | 'comment'>>) {
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

  /** Changes the reviewer's name or title, or the overall comment; stored after a pause. */
  function setFields(changes: Partial<Pick<ReviewRecord, 'reviewer' | 'comment'>>): void {
    const current = review.value
    if (!current) return
    review.value = { ...current, ...changes }
    autosave.schedule(REVIEW_FIELDS)
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
    flush: autosave.flush,
    retryFailed,
    next,
    forget,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReviewStore, import.meta.hot))
