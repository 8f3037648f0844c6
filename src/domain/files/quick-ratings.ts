/**
 * The ratings of an assessment file checked without the schema library, where they are plainly
 * well-formed: a file's ratings (a hundred or more, self and supervisor) are most of what the
 * schema walks, and a cohort import checks thousands of files. The check here is never more
 * lenient than the schema (assessment-file.ts): a rating it cannot vouch for sends the whole
 * file through the schema as before, so a file is refused for the same reasons, in the same
 * words. No I/O: only a cache of the moments found valid.
 */
import { z } from '../zod'
import { LIMITS } from '../limits'
import { isJsonObject } from '../io/json'
import { MAX_FILE_ITEMS, type ReviewRating, type SelfRating } from './assessment-file'

/** ItemCodeSchema's rule (assessment/records.ts). */
const ITEM_CODE = /^[A-Z][A-Za-z0-9.]*$/
const datetime = z.iso.datetime()
/** Moments already found to be valid: a file's ratings often share a few. */
const validMoments = new Set<string>()
const MOMENTS_KEPT = 10_000

function isMoment(value: unknown): value is string {
  if (typeof value !== 'string') return false
  if (validMoments.has(value)) return true
  if (!datetime.safeParse(value).success) return false
  if (validMoments.size >= MOMENTS_KEPT) validMoments.clear()
  validMoments.add(value)
  return true
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= LIMITS.text

/** RatingValueSchema.nullable(): null, 'na', or a whole number from 1 to 6. */
const isRating = (value: unknown): value is SelfRating['rating'] =>
  value === null ||
  value === 'na' ||
  (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= 6)

const isItem = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= 40 && ITEM_CODE.test(value)

/** Exactly these keys (`optional` may be absent), as a strict object allows. */
function hasKeys(raw: Record<string, unknown>, keys: readonly string[], optional?: string) {
  let count = 0
  for (const key in raw) {
    if (!Object.hasOwn(raw, key)) continue
    count += 1
    if (!keys.includes(key) && key !== optional) return false
  }
  return count === keys.length + (optional !== undefined && Object.hasOwn(raw, optional) ? 1 : 0)
}

const SELF_KEYS = ['item', 'rating', 'note', 'evidence', 'updatedAt'] as const
const REVIEW_KEYS = ['item', 'rating', 'comment', 'updatedAt'] as const

/** A self-rating as the schema would give it (its keys in the schema's order), or null. */
function selfRating(raw: unknown): SelfRating | null {
  if (!isJsonObject(raw) || !hasKeys(raw, SELF_KEYS, 'carried')) return null
  const { item, rating, note, evidence, updatedAt, carried } = raw
  if (!isItem(item) || !isRating(rating) || !isText(note) || !isText(evidence)) return null
  if (!isMoment(updatedAt)) return null
  if (Object.hasOwn(raw, 'carried') && carried !== true) return null
  return { item, rating, note, evidence, updatedAt, ...(carried === true ? { carried } : {}) }
}

/** A supervisor's rating as the schema would give it, or null. */
function reviewRating(raw: unknown): ReviewRating | null {
  if (!isJsonObject(raw) || !hasKeys(raw, REVIEW_KEYS)) return null
  const { item, rating, comment, updatedAt } = raw
  if (!isItem(item) || !isRating(rating) || !isText(comment) || !isMoment(updatedAt)) return null
  return { item, rating, comment, updatedAt }
}

function ratingsOf<T>(raw: unknown, one: (raw: unknown) => T | null): T[] | null {
  if (!Array.isArray(raw) || raw.length > MAX_FILE_ITEMS) return null
  const out: T[] = []
  for (const entry of raw) {
    const rating = one(entry)
    if (!rating) return null
    out.push(rating)
  }
  return out
}

/** A file with its ratings set apart: `rest` (ratings emptied) for the schema, and the ratings. */
export interface SplitRatings {
  rest: Record<string, unknown>
  self: SelfRating[]
  review: ReviewRating[] | null
}

/**
 * Sets a file's ratings apart when every one of them is as the schema wants it; null when any
 * is not (or the file is not shaped for it), and the schema then reads the file whole.
 */
export function splitRatings(raw: Record<string, unknown>): SplitRatings | null {
  const { assessment, review } = raw
  if (!isJsonObject(assessment)) return null
  const self = ratingsOf(assessment.ratings, selfRating)
  if (!self) return null
  let ratings: ReviewRating[] | null = null
  if (isJsonObject(review)) {
    ratings = ratingsOf(review.ratings, reviewRating)
    if (!ratings) return null
  }
  const rest = {
    ...raw,
    assessment: { ...assessment, ratings: [] },
    ...(isJsonObject(review) ? { review: { ...review, ratings: [] } } : {}),
  }
  return { rest, self, review: ratings }
}
