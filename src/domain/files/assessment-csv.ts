/**
 * One assessment as CSV: one row per rateable item, the self-rating and, where a review
 * exists, the supervisor's beside it. Column names are stable snake_case words, the same in
 * either interface language, so a script written against one file reads every file; codes are
 * the standard's own (T1, T1.1, K01) and types the letters P, K, S, A.
 */
import type { Standard } from '../standard/schema'
import type { Scale } from '../assessment/scales'
import type { ItemResponse, TargetOverrides } from '../assessment/records'
import type { RatingValue } from '../assessment/ratings'
import { analyse } from '../assessment/gaps'
import { toCsv, type CsvCell } from '../io/csv'
import { isFlagged, ratingDifference } from '../review/compare'

export const ASSESSMENT_CSV_COLUMNS = [
  'standard_code',
  'standard_version',
  'duty',
  'task',
  'item_code',
  'type',
  'text',
  'level',
  'target',
  'self_rating',
  'na',
  'gap',
  'note',
  'supervisor_rating',
  'supervisor_na',
  'difference',
  'flag',
  'supervisor_comment',
] as const

export interface CsvReview {
  rating: (key: string) => RatingValue | null | undefined
  comment: (key: string) => string
}

export function assessmentCsv(options: {
  standard: Standard
  version: string | null
  scale: Scale
  targets: TargetOverrides
  responses: ReadonlyMap<string, ItemResponse>
  review?: CsvReview | null
}): string {
  const { standard, scale, targets, responses, review } = options
  const analysis = analyse(standard, scale, targets, responses)
  const rows: CsvCell[][] = analysis.items.map((item) => {
    const self = item.rating
    const supervisor = review ? (review.rating(item.key) ?? null) : null
    return [
      standard.code ?? standard.id,
      options.version,
      item.duties.join(' '),
      item.tasks.join(' '),
      item.key,
      item.kind,
      item.text,
      item.level,
      item.target,
      typeof self === 'number' ? self : null,
      self === 'na',
      item.gap,
      responses.get(item.key)?.note ?? '',
      review && typeof supervisor === 'number' ? supervisor : null,
      review ? supervisor === 'na' : null,
      review ? ratingDifference(self, supervisor) : null,
      review ? isFlagged(self, supervisor) : null,
      review ? review.comment(item.key) : null,
    ]
  })
  return toCsv(ASSESSMENT_CSV_COLUMNS, rows)
}
