/**
 * The cohort as CSV, with the same rules as an assessment's CSV (io/csv.ts: BOM, CRLF, RFC 4180,
 * formula cells made inert) and stable snake_case column names for pandas, DuckDB or a
 * warehouse, the hand-off beyond one browser.
 *
 * The tidy CSV has one row per person, item and duty the item counts in. An indicator has one
 * duty; a K, S or A item used by tasks of two duties has a row in each (its tasks in that duty
 * in `task`, separated by a space; its level there the highest of those tasks' levels); an
 * attitude of the whole role has one row under 'role'. So the rows of a duty are exactly the
 * entries the app counts in that duty, and `GROUP BY duty` gives the app's duty figures. For
 * figures over all items, count each (assessment_id, item) once:
 *   SELECT item, avg(gap) FROM (SELECT DISTINCT assessment_id, item, gap FROM t) GROUP BY item
 * For tasks, split `task`: `unnest(string_split(task, ' '))` in DuckDB,
 * `df.assign(task=df.task.str.split(' ')).explode('task')` in pandas.
 *
 * `self` and `supervisor` hold a scale value or nothing; `na` says the person marked the item
 * not applicable (empty self and na false: not rated), `supervisor_na` the same for the review
 * (empty where there is no review). A rating is never written as text, so the columns load as
 * numbers.
 */
import type { Cohort, CohortMember } from './cohort'
import { NA, UNRATED } from './cohort'
import { ROLE } from '../assessment/gaps'
import { itemGap } from '../assessment/gaps'
import type { RateableItem } from '../assessment/items'
import { allTasks, taskLevel } from '../standard/model'
import { standardVersion } from '../standard/identity'
import { csvCell, toCsv, type CsvCell } from '../io/csv'
import { displayName } from './anonymise'
import { itemStats, type ItemStats } from './item-stats'

export const COHORT_TIDY_COLUMNS = [
  'person',
  'department',
  'job_title',
  'assessment_id',
  'round',
  'date',
  'standard_code',
  'standard_version',
  'duty',
  'task',
  'item',
  'type',
  'level',
  'target',
  'self',
  'supervisor',
  'na',
  'gap',
  'supervisor_na',
] as const

export const COHORT_SUMMARY_COLUMNS = [
  'standard_code',
  'standard_version',
  'item',
  'type',
  'text',
  'duties',
  'tasks',
  'level',
  'assessments',
  'rated',
  'na',
  'unrated',
  'meeting',
  'below',
  'share_below',
  'mean_gap',
] as const

export interface CohortCsvOptions {
  /** Pseudonyms by person key (anonymise.ts): when given, no name is written. */
  pseudonyms?: ReadonlyMap<string, string>
  /** The standard's version as the files name it; by default the standard's own. */
  version?: string | null
}

/** Where an item is counted: one per duty (see the module's note). */
interface Context {
  duty: string
  task: string
  level: number
}

function contextsOf(cohort: Cohort): Context[][] {
  const levelOf = new Map(allTasks(cohort.standard).map((t) => [t.code, taskLevel(t)]))
  const dutyOf = new Map(
    cohort.standard.duties.flatMap((d) => d.tasks.map((t) => [t.code, d.code] as const)),
  )
  return cohort.items.map((item: RateableItem) => {
    if (!item.tasks.length) return [{ duty: ROLE, task: ROLE, level: item.level }]
    return item.duties.map((duty) => {
      const tasks = item.tasks.filter((t) => dutyOf.get(t) === duty)
      const level =
        item.kind === 'P' ? item.level : Math.max(...tasks.map((t) => levelOf.get(t) ?? 0))
      return { duty, task: tasks.join(' '), level }
    })
  })
}

const rating = (code: number): number | null => (code > 0 ? code : null)

/** Members per part: a part is a few megabytes, and 10,000 people are a few dozen parts. */
const MEMBERS_PER_PART = 500

const line = (cells: readonly CsvCell[]) => cells.map(csvCell).join(',')

/**
 * The tidy CSV in parts (header and BOM in the first), for a Blob made of parts: the whole of
 * 10,000 people is over 100 MB of text, which is better never held as one string. The cells a
 * person's rows repeat (who, which standard) and an item's (where it counts) are written once,
 * with the same `csvCell`, and joined to each row's own values.
 */
export function* cohortTidyCsvParts(
  cohort: Cohort,
  options: CohortCsvOptions = {},
): Generator<string> {
  const code = cohort.standard.code ?? cohort.standard.id
  const version = options.version === undefined ? standardVersion(cohort.standard) : options.version
  const contexts = contextsOf(cohort).map((list, i) => {
    const item = cohort.items[i]!
    return list.map((c) => line([c.duty, c.task, item.key, item.kind, c.level]))
  })
  const rowsOf = (m: CohortMember): string[] => {
    const who = line([
      displayName(m, options.pseudonyms),
      m.department,
      m.jobTitle,
      m.id,
      m.round,
      m.day,
      code,
      version,
    ])
    const rows: string[] = []
    for (let i = 0; i < cohort.items.length; i++) {
      const self = m.self[i]!
      const supervisor = m.supervisor ? m.supervisor[i]! : UNRATED
      const target = m.targets[i]!
      const values = line([
        target,
        rating(self),
        rating(supervisor),
        self === NA,
        itemGap(rating(self), target),
        m.supervisor ? supervisor === NA : null,
      ])
      for (const where of contexts[i]!) rows.push(`${who},${where},${values}`)
    }
    return rows
  }
  const members = cohort.members
  for (let start = 0; start < members.length || start === 0; start += MEMBERS_PER_PART) {
    const rows = members.slice(start, start + MEMBERS_PER_PART).flatMap(rowsOf)
    const body = rows.length ? `${rows.join('\r\n')}\r\n` : ''
    // The first part opens as toCsv opens a file: the BOM and the header.
    yield start === 0 ? `${toCsv(COHORT_TIDY_COLUMNS, [])}${body}` : body
  }
}

/** The tidy CSV as one text (see `cohortTidyCsvParts` for a large cohort). */
export function cohortTidyCsv(cohort: Cohort, options: CohortCsvOptions = {}): string {
  return [...cohortTidyCsvParts(cohort, options)].join('')
}

/** Four decimals: enough for a share or a mean gap, and short in a spreadsheet. */
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1e4) / 1e4)

/**
 * One row per item over the cohort: how many rated it, met or fell below the target, the
 * share below and the mean gap. It names no person, so it is the same anonymised or not.
 */
export function cohortSummaryCsv(
  cohort: Cohort,
  options: CohortCsvOptions & { stats?: readonly ItemStats[] } = {},
): string {
  const code = cohort.standard.code ?? cohort.standard.id
  const version = options.version === undefined ? standardVersion(cohort.standard) : options.version
  const stats = options.stats ?? itemStats(cohort)
  return toCsv(
    COHORT_SUMMARY_COLUMNS,
    stats.map((s) => [
      code,
      version,
      s.item.key,
      s.item.kind,
      s.item.text,
      s.item.tasks.length ? s.item.duties.join(' ') : ROLE,
      s.item.tasks.length ? s.item.tasks.join(' ') : ROLE,
      s.item.level,
      s.assessments,
      s.rated,
      s.na,
      s.unrated,
      s.meeting,
      s.below,
      rounded(s.shareBelow),
      rounded(s.meanGap),
    ]),
  )
}
