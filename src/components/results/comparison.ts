/**
 * Self and supervisor side by side, from plain data: the standard, the scale, the targets, the
 * self-ratings and the supervisor's ratings. Both are analysed by the same gap rules and never
 * averaged; the results components (DutyChart, ResultCharts, GroupTable, ItemGapTable,
 * DisagreementList) take the two analyses as they come from here, on the employee's results
 * page and on a supervisor's alike.
 */
import { analyse, type Analysis } from '@/domain/assessment/gaps'
import { rateableItems, type RateableItem } from '@/domain/assessment/items'
import type { ItemResponse, TargetOverrides } from '@/domain/assessment/records'
import type { Responses } from '@/domain/assessment/ratings'
import type { Scale } from '@/domain/assessment/scales'
import type { ReviewRating } from '@/domain/files/assessment-file'
import type { Standard } from '@/domain/standard/schema'

/** The supervisor's ratings as responses (no notes), for the same gap rules as self-ratings. */
export function reviewResponses(ratings: readonly ReviewRating[]): Responses {
  return new Map(
    ratings.map((r) => [
      r.item,
      { rating: r.rating, note: '', evidence: '', updatedAt: r.updatedAt } satisfies ItemResponse,
    ]),
  )
}

export interface ComparisonInput {
  standard: Standard
  scale: Scale
  targets: TargetOverrides
  self: Responses
  review: readonly ReviewRating[]
  /** The standard's rateable items, if the caller has them already. */
  items?: readonly RateableItem[]
  /** The self-ratings' analysis, if the caller has it already. */
  selfAnalysis?: Analysis
}

export interface Comparison {
  self: Analysis
  review: Analysis
  /** The supervisor's rating and comment of each item they rated or commented on. */
  reviewRatings: ReadonlyMap<string, ReviewRating>
}

export function compareWithReview(input: ComparisonInput): Comparison {
  const items = input.items ?? rateableItems(input.standard)
  const { standard, scale, targets } = input
  return {
    self: input.selfAnalysis ?? analyse(standard, scale, targets, input.self, items),
    review: analyse(standard, scale, targets, reviewResponses(input.review), items),
    reviewRatings: new Map(input.review.map((r) => [r.item, r])),
  }
}
