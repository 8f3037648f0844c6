/**
 * Where the gaps are, by task and group: tasks (rows) against departments, job titles or people
 * (columns) of a (filtered) cohort. The rules are one assessment's (see sections.ts).
 */
import type { Cohort, CohortMember } from './cohort'
import { decodeRating } from './cohort'
import { below, shareBelow, TallyTable, type Tally } from './tally'
import { displayName } from './anonymise'
import { sections } from './sections'

export type HeatmapGrouping = 'department' | 'jobTitle' | 'person'

export interface HeatCell {
  /** Assessments of the group (whether or not they rated anything in the task). */
  assessments: number
  /** Assessments with at least one rated item in the task: 0 is an empty cell, not a zero. */
  people: number
  rated: number
  na: number
  unrated: number
  meeting: number
  below: number
  /** Mean gap of the rated entries (each one item of one person); null in an empty cell. */
  meanGap: number | null
  /** Share of rated entries below target; null in an empty cell. */
  shareBelow: number | null
}

export interface HeatmapGroup {
  /** The department or job title ('' when not given), or the person's key. */
  key: string
  /** What to show: the value, or the person's name or pseudonym. */
  label: string
  assessments: number
}

export interface HeatmapRow {
  /** A task code, or ROLE for attitudes of the whole role. */
  task: string
  title: string
  duty: string
  /** One cell per group, in the order of `groups`. */
  cells: HeatCell[]
  /** The whole cohort's cell for the task. */
  all: HeatCell
}

export interface Heatmap {
  by: HeatmapGrouping
  groups: HeatmapGroup[]
  rows: HeatmapRow[]
}

function cellOf(t: Tally, assessments: number, people: number): HeatCell {
  return {
    assessments,
    people,
    rated: t.rated,
    na: t.na,
    unrated: t.rateable - t.rated - t.na,
    meeting: t.meeting,
    below: below(t),
    meanGap: t.rated ? t.gapSum / t.rated : null,
    shareBelow: shareBelow(t),
  }
}

const collator = new Intl.Collator('zh-TW', { numeric: true })

/**
 * Tasks (rows) against groups (columns): each cell pools every rated item of the task for the
 * people of the group. Groups are sorted by their label; pass `pseudonyms` (see anonymise.ts)
 * to label people by pseudonym.
 */
export function heatmap(
  cohort: Cohort,
  by: HeatmapGrouping,
  options: { pseudonyms?: ReadonlyMap<string, string> } = {},
): Heatmap {
  const keyOf = (m: CohortMember) =>
    by === 'department' ? m.department : by === 'jobTitle' ? m.jobTitle : m.personKey
  const groups = new Map<string, HeatmapGroup>()
  for (const m of cohort.members) {
    const key = keyOf(m)
    const group = groups.get(key)
    if (group) group.assessments++
    else
      groups.set(key, {
        key,
        label: by === 'person' ? displayName(m, options.pseudonyms) : key,
        assessments: 1,
      })
  }
  const ordered = [...groups.values()].sort(
    (a, b) => collator.compare(a.label, b.label) || collator.compare(a.key, b.key),
  )
  const column = new Map(ordered.map((g, i) => [g.key, i]))
  const { tasks } = sections(cohort)
  // One slot per cell (row × column) and one per row for the whole cohort, after the cells.
  const width = ordered.length
  const table = new TallyTable(tasks.length * (width + 1))
  const totalSlot = (row: number) => tasks.length * width + row
  const assessments = new Int32Array(table.size)
  const people = new Int32Array(table.size)

  for (const m of cohort.members) {
    const col = column.get(keyOf(m))!
    for (let row = 0; row < tasks.length; row++) {
      const slot = row * width + col
      const total = totalSlot(row)
      const ratedBefore = table.rated[slot]!
      for (const i of tasks[row]!.items) {
        const rating = decodeRating(m.self[i]!)
        table.add(slot, rating, m.targets[i]!)
        table.add(total, rating, m.targets[i]!)
      }
      assessments[slot]!++
      assessments[total]!++
      if (table.rated[slot]! > ratedBefore) {
        people[slot]!++
        people[total]!++
      }
    }
  }
  const cell = (slot: number) => cellOf(table.tally(slot), assessments[slot]!, people[slot]!)
  return {
    by,
    groups: ordered,
    rows: tasks.map((task, row) => ({
      task: task.key,
      title: task.title,
      duty: task.duty,
      cells: ordered.map((_, col) => cell(row * width + col)),
      all: cell(totalSlot(row)),
    })),
  }
}
