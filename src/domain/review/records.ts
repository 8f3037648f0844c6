/**
 * What a device stores about reviews, kept apart from self-ratings so no code path can mix the
 * two. A supervisor's device holds a review per employee file opened (the self-assessment as
 * the file had it, and the supervisor's ratings, one record per item); an employee's device
 * holds the review each of their assessments came back with.
 */
import { z } from '../zod'
import { LIMITS } from '../limits'
import { RatingValueSchema } from '../assessment/records'
import {
  AssessmentBlockSchema,
  ReviewBlockSchema,
  SelfRatingSchema,
} from '../files/assessment-file'
import { PlanSchema } from '../plan/schema'

/**
 * The blocks as a device keeps them: records stored before plans existed (and backups of them)
 * hold none, read as an empty plan.
 */
const StoredAssessmentBlockSchema = AssessmentBlockSchema.extend({ plan: PlanSchema.default([]) })
const StoredReviewBlockSchema = ReviewBlockSchema.extend({ plan: PlanSchema.default([]) })

export const StandardIdentitySchema = z.object({
  id: z.string().min(1),
  code: z.string().nullable(),
  version: z.string().nullable(),
  title: z.string().min(1),
  contentHash: z.string(),
})

/** A supervisor's review of one employee's assessment, opened from the employee's file. */
export const ReviewRecordSchema = z.object({
  id: z.string().min(1),
  /** The employee's assessment id: a newer file of the same assessment updates this review. */
  assessmentId: z.string().min(1),
  standardId: z.string().min(1),
  standard: StandardIdentitySchema,
  /** The self-assessment as the employee's file had it (with their draft plan): read-only here. */
  assessment: StoredAssessmentBlockSchema,
  fileName: z.string().max(LIMITS.title),
  importedAt: z.iso.datetime(),
  reviewer: z.object({ name: z.string().max(LIMITS.name), jobTitle: z.string().max(LIMITS.name) }),
  /** The overall comment. */
  comment: z.string().max(LIMITS.text),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastItemKey: z.string().nullable(),
})
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>

/** The supervisor's rating and comment on one item: one small record per item. */
export const ReviewRatingRecordSchema = z.object({
  reviewId: z.string().min(1),
  itemKey: z.string().min(1),
  rating: RatingValueSchema.nullable(),
  comment: z.string().max(LIMITS.text),
  updatedAt: z.iso.datetime(),
})
export type ReviewRatingRecord = z.infer<typeof ReviewRatingRecordSchema>

/** The review an employee's assessment came back with, beside (never in) their own ratings. */
export const ReceivedReviewRecordSchema = z.object({
  assessmentId: z.string().min(1),
  fileName: z.string().max(LIMITS.title),
  receivedAt: z.iso.datetime(),
  review: StoredReviewBlockSchema,
  /** The self-ratings as the supervisor saw them: items changed since are marked. */
  selfAsReviewed: z.array(SelfRatingSchema),
  /** The plan as the employee sent it: what the supervisor changed is shown against it. */
  planAsSent: PlanSchema.default([]),
  /**
   * Actions the employee had changed on this device after sending, which the agreed plan
   * replaced: listed, so nothing is lost unseen.
   */
  planReplaced: PlanSchema.default([]),
  /**
   * The key the review was signed with, and what it meant on this device when it came: a key
   * seen before for the reviewer's name, the first, or another. Absent: not signed.
   */
  signer: z
    .object({
      fingerprint: z.string().max(40),
      standing: z.enum(['known', 'first', 'different', 'unsigned']),
    })
    .optional(),
})
export type ReceivedReviewRecord = z.infer<typeof ReceivedReviewRecordSchema>
