/**
 * One assessment as CSV: one row per rateable item (`record` = item), the self-rating, its note
 * and evidence and, where a review exists, the supervisor's rating and comment beside it; then
 * the development plan, one row per action and item it aims at (`record` = action), the item's
 * figures repeated so that a filter on an item shows its actions too. Column names are stable
 * snake_case words, the same in either interface language, and so are the values of the plan's
 * kinds and statuses, so a script written against one file reads every file; codes are the
 * standard's own (T1, T1.1, K01) and types the letters P, K, S, A.
 */
import type { Standard } from '../standard/schema'
import type { Scale } from '../assessment/scales'
import type { ItemResponse, TargetOverrides } from '../assessment/records'
import type { RatingValue } from '../assessment/ratings'
import { analyse, type ItemGap } from '../assessment/gaps'
import type { PlanAction } from '../plan/schema'
import { toCsv, type CsvCell } from '../io/csv'
import { isFlagged, ratingDifference } from '../review/compare'

export const ASSESSMENT_CSV_COLUMNS = [
  'record',
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
  'evidence',
  'supervisor_rating',
  'supervisor_na',
  'difference',
  'flag',
  'supervisor_comment',
  'action_id',
  'action',
  'action_kind',
  'action_support',
  'action_due',
  'action_success',
  'action_status',
  'action_agreed',
  'action_proposed_by',
  'action_changed_by',
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
  /** The development plan the file carries: the agreed one where a review came back. */
  plan?: readonly PlanAction[]
}): string {
  const { standard, scale, targets, responses, review } = options
  const analysis = analyse(standard, scale, targets, responses)
  const itemCells = (item: ItemGap): CsvCell[] => {
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
      responses.get(item.key)?.evidence ?? '',
      review && typeof supervisor === 'number' ? supervisor : null,
      review ? supervisor === 'na' : null,
      review ? ratingDifference(self, supervisor) : null,
      review ? isFlagged(self, supervisor) : null,
      review ? review.comment(item.key) : null,
    ]
  }
  const noAction: CsvCell[] = Array.from({ length: 10 }, () => null)
  const rows: CsvCell[][] = analysis.items.map((item) => ['item', ...itemCells(item), ...noAction])
  const byKey = new Map(analysis.items.map((i) => [i.key, i]))
  for (const action of options.plan ?? [])
    for (const key of action.items) {
      const item = byKey.get(key)
      if (!item) continue
      rows.push([
        'action',
        ...itemCells(item),
        action.id,
        action.what,
        action.kind,
        action.support,
        action.due,
        action.success,
        action.status,
        action.agreed,
        action.proposedBy,
        action.changedBy,
      ])
    }
  return toCsv(ASSESSMENT_CSV_COLUMNS, rows)
}
