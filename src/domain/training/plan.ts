/**
 * The training plan (年度訓練計畫) of a (filtered) cohort: from the trainer's courses, the fewest
 * that cover the most need (cover.ts), each with its attendees (the people with a gap on what
 * it covers), hours and cost; the totals; and the needs no course in the plan covers.
 *
 * An item's need is the sum of everyone's gap on it: people × gap, the priority of needs.ts.
 * A course covers the need of every item it lists. The trainer can take a course out or put
 * one in; the plan is made again around that choice.
 */
import type { Cohort, CohortMember } from '../cohort/cohort'
import { codeOrder } from '../lists'
import type { Course } from './courses'
import { greedyCover } from './cover'

export interface PlanChoice {
  /** Courses taken out by the trainer (ids): never in the plan. */
  excluded?: readonly string[]
  /** Courses put in by the trainer (ids): always in the plan, in this order, first. */
  forced?: readonly string[]
}

/** A group of attendees by department (對象), largest first. */
export interface Audience {
  /** The department ('' where the files give none). */
  key: string
  count: number
}

export interface PlannedCourse {
  course: Course
  /** Put in by the trainer. */
  forced: boolean
  /** The need it covers that no course before it in the plan covers. */
  gain: number
  /** The items with need it covers, and those it covers first. */
  covers: string[]
  fresh: string[]
  /** People with a gap on an item it covers. */
  attendees: number
  audience: Audience[]
  /** Hours × attendees (人時數). */
  personHours: number
}

/** A course of the list not in the plan. */
export interface LeftCourse {
  course: Course
  /** Taken out by the trainer (else: the plan needs it for nothing the others cover). */
  excluded: boolean
  /** The need of its items the plan leaves uncovered: what it would add if put in. */
  adds: number
}

/** An item with need that no course in the plan covers. */
export interface UncoveredNeed {
  key: string
  text: string
  need: number
  below: number
  /** A course of the list covers it (taken out, or left out as it adds too little). */
  coverable: boolean
}

export interface TrainingPlan {
  chosen: PlannedCourse[]
  left: LeftCourse[]
  /** By need, then by people below, then by code. */
  uncovered: UncoveredNeed[]
  totals: {
    courses: number
    hours: number
    personHours: number
    /** The sum of the costs the list gives, and how many chosen courses have none. */
    cost: number
    costUnknown: number
    /** The need of the view, and the share of it the plan covers. */
    need: number
    covered: number
  }
}

/** Each item's need (sum of gaps) and people below target, in the cohort's item order. */
export function needsOfItems(cohort: Cohort): { need: Float64Array; below: Int32Array } {
  const width = cohort.items.length
  const need = new Float64Array(width)
  const below = new Int32Array(width)
  for (const m of cohort.members)
    for (let i = 0; i < width; i++) {
      const self = m.self[i]!
      const target = m.targets[i]!
      if (self > 0 && target > self) {
        need[i]! += target - self
        below[i]!++
      }
    }
  return { need, below }
}

/** The members with a gap on any of the items (positions) given. */
export function attendeesOf(
  members: readonly CohortMember[],
  items: readonly number[],
): CohortMember[] {
  return members.filter((m) =>
    items.some((i) => {
      const self = m.self[i]!
      return self > 0 && m.targets[i]! > self
    }),
  )
}

function audienceOf(members: readonly CohortMember[]): Audience[] {
  const counts = new Map<string, number>()
  for (const m of members) counts.set(m.department, (counts.get(m.department) ?? 0) + 1)
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * The plan for a cohort from a course list: the greedy cover of the items' need (cover.ts),
 * ties between courses going to the shorter, then the cheaper (a course of unknown cost after
 * those with one), then the earlier in the list.
 */
export function trainingPlan(
  cohort: Cohort,
  courses: readonly Course[],
  choice: PlanChoice = {},
): TrainingPlan {
  const { need, below } = needsOfItems(cohort)
  const at = (code: string) => cohort.index.get(code)
  const sets = courses.map((c) => ({
    elements: c.items.map(at).filter((i): i is number => i !== undefined),
  }))
  const position = new Map(courses.map((c, k) => [c.id, k]))
  const positions = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => position.get(id)).filter((k): k is number => k !== undefined)
  const excluded = new Set(positions(choice.excluded))
  const costOf = (k: number) => courses[k]!.cost ?? Infinity
  const cover = greedyCover(sets, need, {
    forced: positions(choice.forced),
    excluded: [...excluded],
    tieOrder: (a, b) =>
      courses[a]!.hours - courses[b]!.hours ||
      (costOf(a) === costOf(b) ? 0 : costOf(a) < costOf(b) ? -1 : 1) ||
      a - b,
  })
  const codeAt = (i: number) => cohort.items[i]!.key
  const chosen = cover.picks.map((pick): PlannedCourse => {
    const course = courses[pick.set]!
    const items = sets[pick.set]!.elements
    const attendees = attendeesOf(cohort.members, items)
    return {
      course,
      forced: pick.forced,
      gain: pick.gain,
      covers: items.filter((i) => need[i]! > 0).map(codeAt),
      fresh: pick.fresh.map(codeAt),
      attendees: attendees.length,
      audience: audienceOf(attendees),
      personHours: course.hours * attendees.length,
    }
  })
  const inPlan = new Set(cover.picks.map((p) => p.set))
  const uncoveredSet = new Set(cover.uncovered)
  const left = courses.flatMap((course, k): LeftCourse[] =>
    inPlan.has(k)
      ? []
      : [
          {
            course,
            excluded: excluded.has(k),
            adds: [...new Set(sets[k]!.elements)]
              .filter((i) => uncoveredSet.has(i))
              .reduce((sum, i) => sum + need[i]!, 0),
          },
        ],
  )
  const coverable = new Set(sets.flatMap((s) => s.elements))
  const uncovered = cover.uncovered
    .map((i) => ({
      key: codeAt(i),
      text: cohort.items[i]!.text,
      need: need[i]!,
      below: below[i]!,
      coverable: coverable.has(i),
    }))
    .sort((a, b) => b.need - a.need || b.below - a.below || codeOrder(a.key, b.key))
  const known = chosen.filter((c) => c.course.cost !== null)
  return {
    chosen,
    left,
    uncovered,
    totals: {
      courses: chosen.length,
      hours: chosen.reduce((sum, c) => sum + c.course.hours, 0),
      personHours: chosen.reduce((sum, c) => sum + c.personHours, 0),
      cost: known.reduce((sum, c) => sum + c.course.cost!, 0),
      costUnknown: chosen.length - known.length,
      need: cover.total,
      covered: cover.covered,
    },
  }
}
