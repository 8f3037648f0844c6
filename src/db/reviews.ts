/**
 * Reviews in the database: a supervisor's reviews of employees' files, their ratings one record
 * per item, and the reviews an employee's own assessments came back with. Each import is one
 * transaction: a file is stored whole or not at all. Values come in as plain objects.
 */
import { getDb } from './db'
import type { AssessmentFile } from '@/domain/files/assessment-file'
import { changedSinceSent, withNewDraft } from '@/domain/plan/merge'
import { planRecords, reviewPlanRecords } from '@/domain/plan/records'
import type { PlanAction } from '@/domain/plan/schema'
import { fingerprintOf } from '@/domain/io/sign'
import type { KeyStanding } from '@/domain/review/keys'
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
  return db.transaction('rw', db.reviews, db.reviewRatings, db.reviewPlanActions, async () => {
    const existing = await db.reviews.where('assessmentId').equals(file.assessment.id).first()
    /** Replaces the plan the supervisor is agreeing in this review. */
    const setPlan = async (reviewId: string, plan: readonly PlanAction[]) => {
      await db.reviewPlanActions.where('reviewId').equals(reviewId).delete()
      await db.reviewPlanActions.bulkAdd(reviewPlanRecords(reviewId, plan))
    }
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
      if (takeReview && file.review) {
        await db.reviewRatings.bulkPut(ratingsOf(review.id, file))
        await setPlan(review.id, file.review.plan)
      } else if (newer) {
        // The employee's newer draft, keeping every action the supervisor worked on.
        const working = await db.reviewPlanActions.where('reviewId').equals(review.id).toArray()
        await setPlan(review.id, withNewDraft(working, file.assessment.plan))
      }
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
    // The supervisor starts from the plan the file brings: the employee's draft, or the plan
    // of a review made on another device.
    await setPlan(review.id, file.review?.plan ?? file.assessment.plan)
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

export async function loadReviewRatings(
  reviewId: string,
): Promise<Map<string, ReviewRatingRecord>> {
  const rows = await getDb().reviewRatings.where('reviewId').equals(reviewId).toArray()
  return new Map(rows.map((row) => [row.itemKey, row]))
}

/** The supervisor's ratings of some reviews (those a list shows), by review id. */
export async function reviewRatingsOf(
  ids: readonly string[],
): Promise<Map<string, ReviewRatingRecord[]>> {
  const grouped = new Map<string, ReviewRatingRecord[]>()
  if (!ids.length) return grouped
  for (const row of await getDb().reviewRatings.where('reviewId').anyOf(ids).toArray()) {
    const list = grouped.get(row.reviewId)
    if (list) list.push(row)
    else grouped.set(row.reviewId, [row])
  }
  return grouped
}

/** A write to a review that no longer exists: nothing was stored. */
export class ReviewGoneError extends Error {
  override name = 'ReviewGoneError'
  constructor(id: string) {
    super(`review ${id} no longer exists`)
  }
}

/**
 * Stores the supervisor's whole rating and comment of one item, and touches the review. The
 * review page writes with `patchReviewRating` (the fields changed only, so two tabs cannot undo
 * each other); this stores a record made whole elsewhere.
 */
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

/** The fields of the supervisor's rating of an item a page changes. */
export type ReviewRatingPatch = Partial<Pick<ReviewRatingRecord, 'rating' | 'comment'>>

/** The supervisor's rating and comment of one item as stored, or undefined. */
export function getReviewRating(
  reviewId: string,
  itemKey: string,
): Promise<ReviewRatingRecord | undefined> {
  return getDb().reviewRatings.get([reviewId, itemKey])
}

/**
 * Stores the fields of the supervisor's rating of one item that the person changed, laid over
 * what is stored now (another tab may have changed the others), touches the review, and resolves
 * with the record as stored. One transaction; rejects with ReviewGoneError, storing nothing, when
 * the review no longer exists.
 */
export async function patchReviewRating(
  reviewId: string,
  itemKey: string,
  patch: ReviewRatingPatch,
  updatedAt: string,
): Promise<ReviewRatingRecord> {
  const db = getDb()
  return db.transaction('rw', db.reviews, db.reviewRatings, async () => {
    const found = await db.reviews.update(reviewId, { updatedAt, lastItemKey: itemKey })
    if (!found) throw new ReviewGoneError(reviewId)
    const before = (await db.reviewRatings.get([reviewId, itemKey])) ?? {
      reviewId,
      itemKey,
      rating: null,
      comment: '',
      updatedAt,
    }
    const stored: ReviewRatingRecord = { ...before, ...patch, updatedAt }
    await db.reviewRatings.put(stored)
    return stored
  })
}

/** The review's own fields a page changes, each on its own: the reviewer and the overall comment. */
export interface ReviewHeader {
  name: string
  jobTitle: string
  comment: string
}

/** A review's own fields, flat. */
export function headerOf(review: Pick<ReviewRecord, 'reviewer' | 'comment'>): ReviewHeader {
  return { name: review.reviewer.name, jobTitle: review.reviewer.jobTitle, comment: review.comment }
}

/**
 * Stores the review's own fields that the person changed (the reviewer's name, their title, the
 * overall comment), each laid over what is stored now, and resolves with them as stored. One
 * transaction; rejects with ReviewGoneError when the review no longer exists.
 */
export async function patchReviewHeader(
  id: string,
  patch: Partial<ReviewHeader>,
): Promise<ReviewHeader> {
  const db = getDb()
  return db.transaction('rw', db.reviews, async () => {
    const found = await db.reviews.get(id)
    if (!found) throw new ReviewGoneError(id)
    const header = { ...headerOf(found), ...patch }
    const { name, jobTitle, comment } = header
    await db.reviews.update(id, { reviewer: { name, jobTitle }, comment, updatedAt: now() })
    return header
  })
}

/**
 * Sets the reviewer's name and title or the overall comment as given. The review page writes
 * with `patchReviewHeader` (the fields changed only).
 */
export async function updateReview(
  id: string,
  changes: Partial<Pick<ReviewRecord, 'reviewer' | 'comment'>>,
): Promise<void> {
  const found = await getDb().reviews.update(id, { ...changes, updatedAt: now() })
  if (!found) throw new ReviewGoneError(id)
}

export async function deleteReview(id: string): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.reviews, db.reviewRatings, db.reviewPlanActions, async () => {
    await db.reviewRatings.where('reviewId').equals(id).delete()
    await db.reviewPlanActions.where('reviewId').equals(id).delete()
    await db.reviews.delete(id)
  })
}

/**
 * Adds the review a file brought back to the employee's own assessment, beside (never in) their
 * ratings, and takes the plan the supervisor agreed in place of the draft (what they changed is
 * shown from planAsSent; actions changed here after sending are kept in planReplaced). A later
 * file replaces an earlier review. Refused, storing nothing, when this device does not hold the
 * assessment. One transaction: all of it or nothing.
 */
export async function receiveReview(
  file: AssessmentFile,
  fileName: string,
  standing: KeyStanding = 'unsigned',
  receivedAt = now(),
): Promise<ReceivedReviewRecord | 'not-own' | 'no-review'> {
  const review = file.review
  if (!review) return 'no-review'
  const db = getDb()
  const id = file.assessment.id
  // Worked out before the transaction: awaiting anything but the database would end it.
  const signer = review.signature
    ? { fingerprint: await fingerprintOf(review.signature.publicKey), standing }
    : undefined
  return db.transaction('rw', db.assessments, db.receivedReviews, db.planActions, async () => {
    if (!(await db.assessments.get(id))) return 'not-own' as const
    const local = await db.planActions.where('assessmentId').equals(id).toArray()
    const record: ReceivedReviewRecord = {
      assessmentId: id,
      fileName,
      receivedAt,
      review,
      selfAsReviewed: file.assessment.ratings,
      planAsSent: file.assessment.plan,
      signer,
      planReplaced: changedSinceSent(
        local.map(({ assessmentId: _a, ...action }) => action),
        file.assessment.plan,
      ),
    }
    await db.receivedReviews.put(record)
    await db.planActions.where('assessmentId').equals(id).delete()
    await db.planActions.bulkAdd(planRecords(id, review.plan))
    return record
  })
}

export function getReceivedReview(assessmentId: string): Promise<ReceivedReviewRecord | undefined> {
  return getDb().receivedReviews.get(assessmentId)
}

/** Who reviewed each of some assessments that came back reviewed, by assessment id. */
export async function reviewersOf(ids: readonly string[]): Promise<Map<string, string>> {
  const found = await getDb().receivedReviews.bulkGet([...ids])
  return new Map(found.flatMap((r) => (r ? [[r.assessmentId, r.review.reviewer.name]] : [])))
}
