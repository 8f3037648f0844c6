/**
 * Reviews in the database: a supervisor's reviews of employees' files, their ratings one record
 * per item, and the reviews an employee's own assessments came back with. Each import is one
 * transaction: a file is stored whole or not at all. Values come in as plain objects.
 */
import { getDb } from './db'
import type { AssessmentFile } from '@/domain/files/assessment-file'
import type {
  ReceivedReviewRecord,
  ReviewRatingRecord,
  ReviewRecord,
} from '@/domain/review/records'

function now(): string {
  return new Date().toISOString()
}

/** What opening an employee's file did: a new review, or the same assessment's updated. */
export interface ReviewImport {
  review: ReviewRecord
  /** 'new': first time; 'updated': a newer file of an assessment already under review; 'same':
   * the file held nothing newer than what is here. */
  outcome: 'new' | 'updated' | 'same'
}

/**
 * Opens an employee's (checked) file for review. A file of an assessment already under review
 * replaces the self-assessment shown if it is newer, and keeps every rating the supervisor has
 * made; a review the file carries (the supervisor's own export, opened on another device) is
 * taken in where this device has none.
 */
export async function importForReview(
  file: AssessmentFile,
  fileName: string,
  importedAt = now(),
): Promise<ReviewImport> {
  const db = getDb()
  return db.transaction('rw', db.reviews, db.reviewRatings, async () => {
    const existing = await db.reviews.where('assessmentId').equals(file.assessment.id).first()
    if (existing) {
      const newer = file.assessment.updatedAt > existing.assessment.updatedAt
      const hasRatings = (await db.reviewRatings.where('reviewId').equals(existing.id).count()) > 0
      const takeReview = file.review !== null && !hasRatings
      if (!newer && !takeReview) return { review: existing, outcome: 'same' as const }
      const review: ReviewRecord = {
        ...existing,
        ...(newer
          ? {
              assessment: file.assessment,
              standard: file.standard,
              standardId: file.standard.id,
              fileName,
              importedAt,
            }
          : {}),
        ...(takeReview && file.review
          ? {
              reviewer: file.review.reviewer,
              comment: file.review.comment,
              startedAt: file.review.startedAt,
              updatedAt: file.review.updatedAt,
            }
          : {}),
      }
      await db.reviews.put(review)
      if (takeReview && file.review) await db.reviewRatings.bulkPut(ratingsOf(review.id, file))
      return { review, outcome: 'updated' as const }
    }
    const review: ReviewRecord = {
      id: crypto.randomUUID(),
      assessmentId: file.assessment.id,
      standardId: file.standard.id,
      standard: file.standard,
      assessment: file.assessment,
      fileName,
      importedAt,
      reviewer: file.review?.reviewer ?? { name: '', jobTitle: '' },
      comment: file.review?.comment ?? '',
      startedAt: file.review?.startedAt ?? importedAt,
      updatedAt: file.review?.updatedAt ?? importedAt,
      lastItemKey: null,
    }
    await db.reviews.add(review)
    if (file.review) await db.reviewRatings.bulkAdd(ratingsOf(review.id, file))
    return { review, outcome: 'new' as const }
  })
}

function ratingsOf(reviewId: string, file: AssessmentFile): ReviewRatingRecord[] {
  return (file.review?.ratings ?? []).map((r) => ({
    reviewId,
    itemKey: r.item,
    rating: r.rating,
    comment: r.comment,
    updatedAt: r.updatedAt,
  }))
}

export function listReviews(): Promise<ReviewRecord[]> {
  return getDb().reviews.orderBy('updatedAt').reverse().toArray()
}

export function getReview(id: string): Promise<ReviewRecord | undefined> {
  return getDb().reviews.get(id)
}

export async function loadReviewRatings(reviewId: string): Promise<Map<string, ReviewRatingRecord>> {
  const rows = await getDb().reviewRatings.where('reviewId').equals(reviewId).toArray()
  return new Map(rows.map((row) => [row.itemKey, row]))
}

/** The supervisor's ratings of every review, by review id (for the list's progress). */
export async function reviewRatingsByReview(): Promise<Map<string, ReviewRatingRecord[]>> {
  const grouped = new Map<string, ReviewRatingRecord[]>()
  await getDb().reviewRatings.each((row) => {
    const list = grouped.get(row.reviewId)
    if (list) list.push(row)
    else grouped.set(row.reviewId, [row])
  })
  return grouped
}

/** A write to a review that no longer exists: nothing was stored. */
export class ReviewGoneError extends Error {
  override name = 'ReviewGoneError'
  constructor(id: string) {
    super(`review ${id} no longer exists`)
  }
}

/** Stores the supervisor's rating and comment of one item, and touches the review. */
export async function saveReviewRating(record: ReviewRatingRecord): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.reviews, db.reviewRatings, async () => {
    const found = await db.reviews.update(record.reviewId, {
      updatedAt: record.updatedAt,
      lastItemKey: record.itemKey,
    })
    if (!found) throw new ReviewGoneError(record.reviewId)
    await db.reviewRatings.put(record)
  })
}

/** Changes the reviewer's name and title or the overall comment. */
export async function updateReview(
  id: string,
  changes: Partial<Pick<ReviewRecord, 'reviewer' | 'comment'>>,
): Promise<void> {
  const found = await getDb().reviews.update(id, { ...changes, updatedAt: now() })
  if (!found) throw new ReviewGoneError(id)
}

export async function deleteReview(id: string): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.reviews, db.reviewRatings, async () => {
    await db.reviewRatings.where('reviewId').equals(id).delete()
    await db.reviews.delete(id)
  })
}

/**
 * Adds the review a file brought back to the employee's own assessment, beside (never in) their
 * ratings. A later file replaces an earlier review. Refused, storing nothing, when this device
 * does not hold the assessment.
 */
export async function receiveReview(
  file: AssessmentFile,
  fileName: string,
  receivedAt = now(),
): Promise<ReceivedReviewRecord | 'not-own' | 'no-review'> {
  const review = file.review
  if (!review) return 'no-review'
  const db = getDb()
  return db.transaction('rw', db.assessments, db.receivedReviews, async () => {
    if (!(await db.assessments.get(file.assessment.id))) return 'not-own' as const
    const record: ReceivedReviewRecord = {
      assessmentId: file.assessment.id,
      fileName,
      receivedAt,
      review,
      selfAsReviewed: file.assessment.ratings,
    }
    await db.receivedReviews.put(record)
    return record
  })
}

export function getReceivedReview(assessmentId: string): Promise<ReceivedReviewRecord | undefined> {
  return getDb().receivedReviews.get(assessmentId)
}

export function listReceivedReviews(): Promise<ReceivedReviewRecord[]> {
  return getDb().receivedReviews.toArray()
}
