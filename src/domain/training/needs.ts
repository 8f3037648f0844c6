/**
 * Training needs (訓練需求分析), ranked: for each knowledge and skill item and for each task of
 * a (filtered) cohort, who is below target and by how much, what the item serves, how
 * supervisors see it, and what the people's development plans already hold for it.
 *
 * The rules are one assessment's (cohort/sections.ts): a rating below its target is a gap of
 * target − rating; n/a and unrated count for nothing. A person's gap on a task is their mean
 * gap over the task's rated items (the figure their own results page shows), so a person is
 * below target on a task when any of its items is.
 *
 * Priority is breadth × depth: the people below target times their mean gap, which is the sum
 * of everyone's gap on the item (people at or above target add nothing). The plan's set cover
 * (cover.ts) weighs an item by the same sum, so the two read alike.
 */
import { ROLE } from '../assessment/gaps'
import type { Cohort, CohortMember } from '../cohort/cohort'
import { sections } from '../cohort/sections'
import { PLANNED_DONE, PLANNED_KIND } from '../cohort/planned'
import { codeOrder, cutWithTies, type Cut } from '../lists'

export type NeedKind = 'K' | 'S' | 'task'
export type NeedGrouping = 'department' | 'jobTitle'

/** A person below target on a row, and their gap there. */
export interface NeedPerson {
  name: string
  gap: number
}

export interface NeedRow {
  /** An item code (K01, S03) or a task code (T1.2). */
  key: string
  kind: NeedKind
  /** The item's text or the task's title. */
  text: string
  /** For an item, the tasks it serves; for a task, its items counted. */
  tasks: number
  /** People with a rating on it (for a task, at least one of its items rated). */
  rated: number
  below: number
  /** below / rated; null when nobody rated it. */
  shareBelow: number | null
  /** Mean gap of the people below target; null when nobody is. */
  meanGapBelow: number | null
  /** below × meanGapBelow: the sum of everyone's gap. */
  priority: number
  /** Supervisor − self where both rated (reviewed files only), and how many such pairs. */
  pairs: number
  meanDifference: number | null
  /** People whose development plan has an action still to do on it, and of which kind. */
  planned: { people: number; practice: number; coaching: number; course: number; done: number }
  /** The people below target, largest gap first (at most `names` of them). */
  people: NeedPerson[]
}

/** The needs of the whole view, or of one department or job title. */
export interface NeedGroup {
  /** The department or job title; null for the whole view. */
  key: string | null
  members: number
  /** Rows with somebody below target, ranked (see `rankNeeds`), cut as asked. */
  cut: Cut<NeedRow>
  /** Rows with somebody below target in all. */
  total: number
}

export interface NeedsOptions {
  /** Which rows: the K and S items, the tasks, or both. */
  rows?: 'items' | 'tasks' | 'all'
  by?: NeedGrouping | null
  /** Rows shown per group before the cut (ties kept); Infinity for all. */
  shown?: number
  /** Names listed per row. */
  names?: number
  /** How a person is named (a pseudonym in the anonymised mode). */
  nameOf?: (member: CohortMember) => string
}

/** The figure rows are ranked by, larger first: priority, then people below. */
export const needFigure = (row: NeedRow): [number, number] => [row.priority, row.below]
const byCode = (a: NeedRow, b: NeedRow) => codeOrder(a.key, b.key)

/** Rows ranked by priority, then by people below, then by code; cut at `n` with its ties. */
export function rankNeeds(rows: readonly NeedRow[], n = Infinity): Cut<NeedRow> {
  return cutWithTies(rows, n, needFigure, byCode)
}

/** The people with the largest gaps, at most `size`, the earlier member first among equals. */
class Largest {
  readonly gaps: number[] = []
  readonly members: number[] = []
  constructor(private readonly size: number) {}
  add(gap: number, member: number): void {
    const { gaps, members, size } = this
    if (!size || (gaps.length === size && gap <= gaps[size - 1]!)) return
    let at = gaps.length
    while (at > 0 && gaps[at - 1]! < gap) at--
    gaps.splice(at, 0, gap)
    members.splice(at, 0, member)
    if (gaps.length > size) {
      gaps.pop()
      members.pop()
    }
  }
}

/** One row's counts in one group, added to as the members are read. */
interface Tally {
  rated: number
  below: number
  gapSum: number
  pairs: number
  diffSum: number
  people: number
  practice: number
  coaching: number
  course: number
  done: number
  largest: Largest
}

const tally = (names: number): Tally => ({
  rated: 0,
  below: 0,
  gapSum: 0,
  pairs: 0,
  diffSum: 0,
  people: 0,
  practice: 0,
  coaching: 0,
  course: 0,
  done: 0,
  largest: new Largest(names),
})

/** A row of the table: an item (one position) or a task (the positions of its items). */
interface RowSpec {
  key: string
  kind: NeedKind
  text: string
  tasks: number
  items: readonly number[]
}

function rowSpecs(cohort: Cohort, which: NonNullable<NeedsOptions['rows']>): RowSpec[] {
  const specs: RowSpec[] = []
  if (which !== 'tasks')
    cohort.items.forEach((item, i) => {
      if (item.kind === 'K' || item.kind === 'S')
        specs.push({
          key: item.key,
          kind: item.kind,
          text: item.text,
          tasks: item.tasks.length,
          items: [i],
        })
    })
  if (which !== 'items')
    for (const task of sections(cohort).tasks)
      if (task.key !== ROLE)
        specs.push({
          key: task.key,
          kind: 'task',
          text: task.title,
          tasks: task.items.length,
          items: task.items,
        })
  return specs
}

/** Adds one member's figures on one row. */
function addMember(t: Tally, m: CohortMember, spec: RowSpec, at: number): void {
  let rated = 0
  let gapSum = 0
  let pairs = 0
  let diffSum = 0
  let bits = 0
  for (const i of spec.items) {
    const self = m.self[i]!
    bits |= m.planned[i]!
    if (self <= 0) continue
    rated++
    const gap = m.targets[i]! - self
    if (gap > 0) gapSum += gap
    const supervisor = m.supervisor?.[i] ?? 0
    if (supervisor > 0) {
      pairs++
      diffSum += supervisor - self
    }
  }
  t.pairs += pairs
  t.diffSum += diffSum
  if (bits & 7) {
    t.people++
    if (bits & PLANNED_KIND.practice) t.practice++
    if (bits & PLANNED_KIND.coaching) t.coaching++
    if (bits & PLANNED_KIND.course) t.course++
  }
  if (bits & PLANNED_DONE) t.done++
  if (!rated) return
  t.rated++
  const gap = gapSum / rated
  if (gap <= 0) return
  t.below++
  t.gapSum += gap
  t.largest.add(gap, at)
}

function rowOf(
  spec: RowSpec,
  t: Tally,
  members: readonly CohortMember[],
  nameOf: NeedsOptions['nameOf'],
): NeedRow {
  return {
    key: spec.key,
    kind: spec.kind,
    text: spec.text,
    tasks: spec.tasks,
    rated: t.rated,
    below: t.below,
    shareBelow: t.rated ? t.below / t.rated : null,
    meanGapBelow: t.below ? t.gapSum / t.below : null,
    priority: t.gapSum,
    pairs: t.pairs,
    meanDifference: t.pairs ? t.diffSum / t.pairs : null,
    planned: {
      people: t.people,
      practice: t.practice,
      coaching: t.coaching,
      course: t.course,
      done: t.done,
    },
    people: t.largest.members.map((k, j) => {
      const m = members[k]!
      return { name: nameOf ? nameOf(m) : m.person, gap: t.largest.gaps[j]! }
    }),
  }
}

/**
 * The training needs of a (filtered) cohort: the whole view first, then, when `by` is given,
 * each department or job title (in the order of their names), each ranked by priority and cut
 * at `shown` with the rows tied at the cut. Only rows somebody is below target on are listed.
 */
export function trainingNeedsTable(cohort: Cohort, options: NeedsOptions = {}): NeedGroup[] {
  const { rows = 'all', by = null, shown = Infinity, names = 10, nameOf } = options
  const specs = rowSpecs(cohort, rows)
  const groupKeys = by
    ? [...new Set(cohort.members.map((m) => m[by]))].sort(
        new Intl.Collator('zh-TW', { numeric: true }).compare,
      )
    : []
  const groupAt = new Map(groupKeys.map((key, g) => [key, g + 1]))
  const tallies = Array.from({ length: groupKeys.length + 1 }, () => specs.map(() => tally(names)))
  const counts = new Array<number>(groupKeys.length + 1).fill(0)
  cohort.members.forEach((m, at) => {
    const g = by ? groupAt.get(m[by])! : 0
    counts[0]!++
    if (g) counts[g]!++
    specs.forEach((spec, r) => {
      addMember(tallies[0]![r]!, m, spec, at)
      if (g) addMember(tallies[g]![r]!, m, spec, at)
    })
  })
  return tallies.map((list, g) => {
    const rowsOf = list
      .map((t, r) => rowOf(specs[r]!, t, cohort.members, nameOf))
      .filter((row) => row.below > 0)
    return {
      key: g ? groupKeys[g - 1]! : null,
      members: counts[g]!,
      cut: rankNeeds(rowsOf, shown),
      total: rowsOf.length,
    }
  })
}
