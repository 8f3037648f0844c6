import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { getReceivedReview } from '@/db/reviews'
import type { ItemResponse } from '@/domain/assessment/records'
import type { SelfRating } from '@/domain/files/assessment-file'
import type { ReceivedReviewRecord } from '@/domain/review/records'

/**
 * Whether the employee changed an item after sending the file the supervisor reviewed: a
 * response newer than the rating the file carried, or an item the file did not carry (unrated
 * then) that now holds a rating, a note or evidence.
 */
export function changedSinceSent(
  response: ItemResponse | undefined,
  sent: SelfRating | undefined,
): boolean {
  if (!response) return false
  if (sent) return response.updatedAt > sent.updatedAt
  return response.rating !== null || response.note !== '' || response.evidence !== ''
}

/**
 * The review the open assessment came back with, read once per page: the rating page and the
 * results read each item's supervisor rating from here, and nothing here changes as the
 * employee rates.
 */
export const useReceivedStore = defineStore('received', () => {
  const assessmentId = ref<string | null>(null)
  const record = shallowRef<ReceivedReviewRecord | null>(null)
  const ratings = computed(
    () => new Map((record.value?.review.ratings ?? []).map((r) => [r.item, r] as const)),
  )
  /** The self-ratings as the supervisor saw them, by item. */
  const sent = computed(
    () => new Map((record.value?.selfAsReviewed ?? []).map((r) => [r.item, r] as const)),
  )

  /** Reads the review of an assessment (none: null). */
  async function load(id: string): Promise<void> {
    if (assessmentId.value !== id) record.value = null
    assessmentId.value = id
    let found: ReceivedReviewRecord | undefined
    try {
      found = await getReceivedReview(id)
    } catch {
      // Unreadable storage: the page shows the person's own ratings, as without a review.
      found = undefined
    }
    if (assessmentId.value === id) record.value = found ?? null
  }

  return { assessmentId, record, ratings, sent, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReceivedStore, import.meta.hot))
