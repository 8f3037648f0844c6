/**
 * A tally of ratings against targets that adds up: counts and a gap sum, from which the means
 * and shares are derived only at the end. One person, one department or 10,000 people are
 * added the same way, and two tallies merge by adding, so no mean is ever averaged (which
 * would weigh a group of two like a group of two hundred).
 *
 * The tally and its rules are one assessment's (assessment/gaps.ts: n/a and unrated count in
 * coverage only); here are what a cohort adds: merging, the share below, a table of tallies.
 */
import { addRating, emptyTally, itemGap, tallyStats, type Tally } from '../assessment/gaps'
import type { RatingValue } from '../assessment/ratings'

export { addRating, emptyTally, tallyStats, type Tally }

/** Adds `other` into `into`. */
export function mergeTally(into: Tally, other: Tally): void {
  into.rateable += other.rateable
  into.rated += other.rated
  into.na += other.na
  into.gapSum += other.gapSum
  into.meeting += other.meeting
}

/** Rated entries below their target. */
export function below(tally: Tally): number {
  return tally.rated - tally.meeting
}

/** Share of rated entries below their target; null when none is rated. */
export function shareBelow(tally: Tally): number | null {
  return tally.rated ? below(tally) / tally.rated : null
}

/**
 * Many tallies side by side in typed arrays, one slot each (a heatmap's cells): no object per
 * cell in the loop over 10,000 people, and the same rules as `addRating`.
 */
export class TallyTable {
  readonly rateable: Int32Array
  readonly rated: Int32Array
  readonly na: Int32Array
  readonly meeting: Int32Array
  readonly gapSum: Float64Array

  constructor(readonly size: number) {
    this.rateable = new Int32Array(size)
    this.rated = new Int32Array(size)
    this.na = new Int32Array(size)
    this.meeting = new Int32Array(size)
    this.gapSum = new Float64Array(size)
  }

  add(slot: number, rating: RatingValue | null, target: number): void {
    this.rateable[slot]!++
    if (rating === 'na') this.na[slot]!++
    else if (typeof rating === 'number') {
      this.rated[slot]!++
      this.gapSum[slot]! += itemGap(rating, target)!
      if (rating >= target) this.meeting[slot]!++
    }
  }

  tally(slot: number): Tally {
    return {
      rateable: this.rateable[slot]!,
      rated: this.rated[slot]!,
      na: this.na[slot]!,
      gapSum: this.gapSum[slot]!,
      meeting: this.meeting[slot]!,
    }
  }
}
