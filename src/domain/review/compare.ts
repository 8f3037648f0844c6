/**
 * A supervisor's ratings beside an employee's own: never averaged, compared item by item. A
 * difference of FLAG_STEPS or more steps (levels, on the level scale) is flagged.
 */
import type { RateableItem } from '../assessment/items'
import type { RatingValue } from '../assessment/ratings'

/** Steps of difference from which the two ratings of an item are flagged. */
export const FLAG_STEPS = 2

/** Supervisor − self, in steps; null unless both gave a scale value. */
export function ratingDifference(
  self: RatingValue | null | undefined,
  supervisor: RatingValue | null | undefined,
): number | null {
  return typeof self === 'number' && typeof supervisor === 'number' ? supervisor - self : null
}

export function isFlagged(
  self: RatingValue | null | undefined,
  supervisor: RatingValue | null | undefined,
): boolean {
  const difference = ratingDifference(self, supervisor)
  return difference !== null && Math.abs(difference) >= FLAG_STEPS
}

export interface Disagreement {
  key: string
  item: RateableItem
  self: number
  supervisor: number
  /** supervisor − self */
  difference: number
}

/**
 * The items the two disagree on by FLAG_STEPS or more, the widest first; ties keep reading
 * order.
 */
export function disagreements(
  items: readonly RateableItem[],
  self: (key: string) => RatingValue | null | undefined,
  supervisor: (key: string) => RatingValue | null | undefined,
): Disagreement[] {
  const found: Disagreement[] = []
  for (const item of items) {
    const s = self(item.key)
    const v = supervisor(item.key)
    if (typeof s === 'number' && typeof v === 'number' && isFlagged(s, v))
      found.push({ key: item.key, item, self: s, supervisor: v, difference: v - s })
  }
  return found
    .map((d, i) => ({ d, i }))
    .sort((a, b) => Math.abs(b.d.difference) - Math.abs(a.d.difference) || a.i - b.i)
    .map(({ d }) => d)
}

export type ReviewFilter = 'all' | 'flagged' | 'unreviewed'

/** Whether an item passes the review page's filter. */
export function matchesReviewFilter(
  filter: ReviewFilter,
  self: RatingValue | null | undefined,
  supervisor: RatingValue | null | undefined,
): boolean {
  if (filter === 'flagged') return isFlagged(self, supervisor)
  if (filter === 'unreviewed') return supervisor === null || supervisor === undefined
  return true
}
