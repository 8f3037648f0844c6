import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef, onScopeDispose } from 'vue'
import { deleteReview, getReview, listReviews, reviewRatingsOf } from '@/db/reviews'
import { rateableItems } from '@/domain/assessment/items'
import { isFlagged } from '@/domain/review/compare'
import type { ReviewRatingRecord, ReviewRecord } from '@/domain/review/records'
import { LIST_PAGE } from '@/composables/useListPage'
import { useTabSync, type StoredChange } from '@/composables/useTabSync'
import { useFilesStore, type OpenOutcome } from './files'
import { useReviewStore } from './review'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

/** How far a review has come: items the supervisor answered, and the items flagged. */
export interface ReviewSummary {
  total: number
  answered: number
  flagged: number
}

/** Sums up one review's ratings against the self-ratings its file carried. */
export function summarize(
  review: ReviewRecord,
  total: number,
  ratings: readonly ReviewRatingRecord[],
): ReviewSummary {
  const self = new Map(review.assessment.ratings.map((r) => [r.item, r.rating]))
  let answered = 0
  let flagged = 0
  for (const r of ratings) {
    if (r.rating === null) continue
    answered++
    if (isFlagged(self.get(r.itemKey), r.rating)) flagged++
  }
  return { total, answered, flagged }
}

/**
 * The supervisor's reviews on this device, apart from their own assessments. The reviews are
 * read whole; how far each has come is read only for the cards on screen.
 */
export const useReviewsStore = defineStore('reviews', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()
  const files = useFilesStore()
  const review = useReviewStore()
  const reviews = shallowRef<ReviewRecord[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  /** How far each shown review has come, by id. */
  const summaryById = shallowRef<ReadonlyMap<string, ReviewSummary>>(new Map())
  // Many reviews share a standard: its items are counted once.
  const totals = new Map<string, number>()
  const totalOf = (id: string) => {
    let total = totals.get(id)
    if (total === undefined) {
      const standard = standards.get(id)
      total = standard ? rateableItems(standard).length : 0
      if (standard) totals.set(id, total)
    }
    return total
  }

  /** Sums up the given reviews (the cards about to be shown) where not done yet. */
  async function loadSummaries(ids: readonly string[]): Promise<void> {
    const wanted = ids.filter((id) => !summaryById.value.has(id))
    if (!wanted.length) return
    const byId = new Map(reviews.value.map((r) => [r.id, r]))
    const ratings = await reviewRatingsOf(wanted)
    const next = new Map(summaryById.value)
    for (const id of wanted) {
      const r = byId.get(id)
      if (r) next.set(id, summarize(r, totalOf(r.standardId), ratings.get(id) ?? []))
    }
    summaryById.value = next
  }

  const tabs = useTabSync(heard)
  /** Reviews rated in another tab whose cards show a summary, summed up again together. */
  const stale = new Set<string>()
  let staleTimer: ReturnType<typeof setTimeout> | undefined
  // A page closed before the list was read again has nothing left to show it on.
  onScopeDispose(() => clearTimeout(staleTimer))

  /** Another page stored something: the list, once read, follows it. */
  function heard(change: StoredChange): void {
    if (status.value !== 'ready') return
    if (change.kind === 'everything') return void refresh()
    if (!('reviewId' in change)) return
    if (change.kind === 'review-deleted')
      reviews.value = reviews.value.filter((r) => r.id !== change.reviewId)
    else if (change.kind !== 'review-rating') void rereadOne(change.reviewId)
    else if (summaryById.value.has(change.reviewId)) {
      stale.add(change.reviewId)
      staleTimer ??= setTimeout(() => {
        staleTimer = undefined
        const ids = new Set(stale)
        stale.clear()
        summaryById.value = new Map([...summaryById.value].filter(([id]) => !ids.has(id)))
        void loadSummaries([...ids])
      }, 250)
    }
  }

  /** Reads one review again (its header changed, or it was opened, in another tab). */
  async function rereadOne(id: string): Promise<void> {
    const record = await getReview(id)
    if (!record) return
    const at = reviews.value.findIndex((r) => r.id === id)
    // A new one: the list reads itself again, in its order.
    if (at < 0) return void refresh()
    reviews.value = reviews.value.with(at, record)
  }

  /** Reads the list again from the database, and sums up its first page. */
  async function refresh(): Promise<void> {
    status.value = 'loading'
    try {
      await standards.load()
      totals.clear()
      reviews.value = await listReviews()
      summaryById.value = new Map()
      await loadSummaries(reviews.value.slice(0, LIST_PAGE).map((r) => r.id))
      status.value = 'ready'
    } catch (error) {
      storage.report(error)
      status.value = 'failed'
    }
  }

  /**
   * Opens an employee's file for review (checked in full before anything is stored). A file
   * that updated a review already open on the review page makes that page read it again.
   */
  async function openFile(
    file: Pick<File, 'name' | 'size' | 'text'>,
    passphrase?: string,
  ): Promise<OpenOutcome> {
    const outcome = await files.open(file, 'review', passphrase)
    if (outcome.ok === true && outcome.kind === 'review') {
      const { review: opened, outcome: done } = outcome.result
      if (done === 'updated') review.forget(opened.id)
      if (done !== 'same')
        tabs.announce({
          kind: done === 'updated' ? 'review-replaced' : 'review',
          reviewId: opened.id,
        })
      await refresh()
    }
    return outcome
  }

  async function remove(id: string): Promise<void> {
    await deleteReview(id)
    tabs.announce({ kind: 'review-deleted', reviewId: id })
    review.forget(id)
    await refresh()
  }

  return { reviews, status, summaryById, refresh, loadSummaries, openFile, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReviewsStore, import.meta.hot))
