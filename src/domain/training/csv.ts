/**
 * The trainer's plan as CSV, with the project's rules (io/csv.ts: BOM, CRLF, RFC 4180, formula
 * cells made inert, numbers as numbers):
 *
 *   - the plan, one row per course, in the columns Taiwanese HR files keep for a yearly
 *     training plan (課程名稱, 對應職能項目, 對象, 人數, 時數, 辦理方式, 預定時間) and the provider,
 *     cost and person-hours after them; its header in the interface language (`PlanCsvWords`);
 *   - the attendees, one row per course and person, to enrol them;
 *   - the training needs and the outcome, in stable snake_case columns for a spreadsheet or
 *     pandas, like the cohort's own CSV.
 */
import { toCsv, type CsvCell } from '../io/csv'
import type { Cohort, CohortMember } from '../cohort/cohort'
import type { PlanKind } from '../plan/schema'
import type { NeedGroup } from './needs'
import type { Audience, TrainingPlan } from './plan'
import { attendeesOf } from './plan'
import type { Course } from './courses'
import type { Change, Outcome } from './outcome'

/** Four decimals: enough for a share or a mean, and short in a spreadsheet. */
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1e4) / 1e4)

export interface PlanCsvWords {
  /** The header: course, items, audience, people, hours, kind, schedule, provider, cost, person-hours. */
  header: readonly string[]
  kinds: Record<PlanKind, string>
  /** An audience as words: each department and how many (業務部 12、客服部 5). */
  audience: (groups: readonly Audience[]) => string
}

/** The plan, one row per course in the plan's order. */
export function planCsv(plan: TrainingPlan, words: PlanCsvWords): string {
  return toCsv(
    words.header,
    plan.chosen.map((c): CsvCell[] => [
      c.course.name,
      c.course.items.join(' '),
      words.audience(c.audience),
      c.attendees,
      c.course.hours,
      words.kinds[c.course.kind],
      c.course.schedule,
      c.course.provider,
      c.course.cost,
      c.personHours,
    ]),
  )
}

export const ATTENDEE_COLUMNS = [
  'course',
  'person',
  'employee_id',
  'department',
  'job_title',
  'items_below_target',
] as const

/**
 * Who attends what: one row per course of the plan and person with a gap on an item it covers,
 * with those items. `nameOf` names a person (a pseudonym when anonymised, and then the employee
 * id is left empty).
 */
export function attendeesCsv(
  cohort: Cohort,
  courses: readonly Course[],
  options: { nameOf?: (m: CohortMember) => string; anonymised?: boolean } = {},
): string {
  const rows: CsvCell[][] = []
  for (const course of courses) {
    const items = course.items
      .map((code) => cohort.index.get(code))
      .filter((i): i is number => i !== undefined)
    for (const m of attendeesOf(cohort.members, items)) {
      const below = items.filter((i) => m.self[i]! > 0 && m.targets[i]! > m.self[i]!)
      rows.push([
        course.name,
        options.nameOf ? options.nameOf(m) : m.person,
        options.anonymised ? '' : m.employeeId,
        m.department,
        m.jobTitle,
        below.map((i) => cohort.items[i]!.key).join(' '),
      ])
    }
  }
  return toCsv(ATTENDEE_COLUMNS, rows)
}

export const NEEDS_COLUMNS = [
  'group',
  'key',
  'kind',
  'text',
  'tasks',
  'rated',
  'below',
  'share_below',
  'mean_gap_below',
  'priority',
  'supervisor_pairs',
  'supervisor_minus_self',
  'planned_people',
  'planned_practice',
  'planned_coaching',
  'planned_course',
  'planned_done',
] as const

/** The needs table, every row of every group (uncut), one row each; `group` empty for all. */
export function needsCsv(groups: readonly NeedGroup[]): string {
  return toCsv(
    NEEDS_COLUMNS,
    groups.flatMap((g) =>
      [...g.cut.shown, ...g.cut.tied].map((r): CsvCell[] => [
        g.key ?? '',
        r.key,
        r.kind,
        r.text,
        r.tasks,
        r.rated,
        r.below,
        rounded(r.shareBelow),
        rounded(r.meanGapBelow),
        rounded(r.priority),
        r.pairs,
        rounded(r.meanDifference),
        r.planned.people,
        r.planned.practice,
        r.planned.coaching,
        r.planned.course,
        r.planned.done,
      ]),
    ),
  )
}

export const OUTCOME_COLUMNS = [
  'level',
  'key',
  'text',
  'covered',
  'n',
  'had_gap',
  'closed',
  'worse',
  'mean_gap_before',
  'mean_gap_after',
  'mean_change',
  'sd_change',
  'effect_size',
] as const

/** The outcome: the covered and other items as groups, then duties, tasks and items. */
export function outcomeCsv(
  outcome: Pick<Outcome, 'items' | 'tasks' | 'duties' | 'covered' | 'others'>,
  titleOf: (key: string) => string,
): string {
  const row = (level: string, c: Change, text: string, covered: boolean | null): CsvCell[] => [
    level,
    c.key,
    text,
    covered,
    c.n,
    c.hadGap,
    c.closed,
    c.worse,
    rounded(c.before),
    rounded(c.after),
    rounded(c.change),
    rounded(c.sd),
    rounded(c.effect),
  ]
  return toCsv(OUTCOME_COLUMNS, [
    row('group', outcome.covered, '', true),
    row('group', outcome.others, '', false),
    ...outcome.duties.map((c) => row('duty', c, titleOf(c.key), null)),
    ...outcome.tasks.map((c) => row('task', c, titleOf(c.key), null)),
    ...outcome.items.map((c) => row('item', c, c.text, c.covered)),
  ])
}
