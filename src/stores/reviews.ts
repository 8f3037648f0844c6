import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { deleteReview, listReviews, reviewRatingsByReview } from '@/db/reviews'
import { rateableItems } from '@/domain/assessment/items'
import { isFlagged } from '@/domain/review/compare'
import type { ReviewRatingRecord, ReviewRecord } from '@/domain/review/records'
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

/** The supervisor's reviews on this device, apart from their own assessments. */
export const useReviewsStore = defineStore('reviews', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()
  const files = useFilesStore()
  const review = useReviewStore()
  const reviews = shallowRef<ReviewRecord[]>([])
  const ratings = shallowRef<Map<string, ReviewRatingRecord[]>>(new Map())
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')

  const summaryById = computed(() => {
    const result = new Map<string, ReviewSummary>()
    // Many reviews share a standard: its items are counted once.
    const totals = new Map<string, number>()
    const totalOf = (id: string) => {
      let total = totals.get(id)
      if (total === undefined) {
        const standard = standards.get(id)
        total = standard ? rateableItems(standard).length : 0
        totals.set(id, total)
      }
      return total
    }
    for (const r of reviews.value)
      result.set(r.id, summarize(r, totalOf(r.standardId), ratings.value.get(r.id) ?? []))
    return result
  })

  /** Reads the list again from the database. */
  async function refresh(): Promise<void> {
    status.value = 'loading'
    try {
      await standards.load()
      const [list, grouped] = await Promise.all([listReviews(), reviewRatingsByReview()])
      reviews.value = list
      ratings.value = grouped
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
      if (outcome.result.outcome === 'updated') review.forget(outcome.result.review.id)
      await refresh()
    }
    return outcome
  }

  async function remove(id: string): Promise<void> {
    await deleteReview(id)
    review.forget(id)
    await refresh()
  }

  return { reviews, status, summaryById, refresh, openFile, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReviewsStore, import.meta.hot))
