/**
 * What the trainer's plan keeps on the device, as settings records (key and value), and the
 * check each value passes when it is read back: a setting can come from a restored backup, so
 * its value is read as untrusted. One course list per standard; one list of known reviewers.
 */
import { z } from '../zod'
import { CourseListSchema, type CourseList } from './courses'

const COURSES_PREFIX = 'training.courses:'
export const KNOWN_REVIEWERS_KEY = 'cohort.knownReviewers'

/** The settings key of a standard's course list. */
export const courseListKey = (standardId: string) => `${COURSES_PREFIX}${standardId}`

/** A stored course list, or null where the value is not one (or not of this standard). */
export function courseListOf(value: unknown, standardId: string): CourseList | null {
  const parsed = CourseListSchema.safeParse(value)
  return parsed.success && parsed.data.standardId === standardId ? parsed.data : null
}

export const KnownReviewersSchema = z.strictObject({
  loadedAt: z.iso.datetime(),
  reviewers: z
    .array(
      z.strictObject({
        name: z.string().max(200),
        fingerprint: z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/),
      }),
    )
    .min(1)
    .max(5000),
})
export type StoredReviewers = z.infer<typeof KnownReviewersSchema>

/** A stored list of known reviewers, or null where the value is not one. */
export function knownReviewersOf(value: unknown): StoredReviewers | null {
  const parsed = KnownReviewersSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
