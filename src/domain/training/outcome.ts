/**
 * Did the training work (訓練成果評估): a before and an after (two cohorts, or two rounds of one),
 * people paired by who they are (their employee id, or their name where a file gives none:
 * `personKey`), and for each item, task and duty how the paired people's gaps moved.
 *
 * Only pairs are compared: a person in one side only is listed, never guessed at, and so is a
 * person who is twice on one side (two assessments: which one counts is not ours to pick). An
 * item counts for a person when both their ratings of it are scale values (n/a and unrated on
 * either side leave it out). Both gaps are measured against the after side's targets, as the
 * results page compares rounds, so a change is a change in the ratings.
 *
 * For each item, task, duty, and the items a course covered against the others: the people
 * paired (n), how many had a gap before, how many closed it (a gap before, none after), how
 * many got worse (a larger gap after), the mean gap before and after, the mean change (after −
 * before: negative when gaps narrowed) and a paired effect size, the mean change over the
 * standard deviation of the changes (Cohen's d for paired data, d_z). A person's gap on a task,
 * a duty or a group of items is their mean gap over its items they have a pair on.
 */
import type { Cohort, CohortMember } from '../cohort/cohort'
import { sections } from '../cohort/sections'

export interface Matching {
  pairs: { before: CohortMember; after: CohortMember }[]
  /** People of one side only. */
  beforeOnly: CohortMember[]
  afterOnly: CohortMember[]
  /** People with more than one assessment on a side: not paired. */
  twice: { side: 'before' | 'after'; members: CohortMember[] }[]
}

/** Pairs the people of two sides by `personKey`; the rest listed, none guessed. */
export function matchPeople(
  before: readonly CohortMember[],
  after: readonly CohortMember[],
): Matching {
  const group = (members: readonly CohortMember[]) => {
    const by = new Map<string, CohortMember[]>()
    for (const m of members) {
      const list = by.get(m.personKey)
      if (list) list.push(m)
      else by.set(m.personKey, [m])
    }
    return by
  }
  const b = group(before)
  const a = group(after)
  const matching: Matching = { pairs: [], beforeOnly: [], afterOnly: [], twice: [] }
  for (const [key, list] of b) {
    if (list.length > 1) matching.twice.push({ side: 'before', members: list })
    const other = a.get(key)
    if (!other) {
      if (list.length === 1) matching.beforeOnly.push(list[0]!)
    } else if (list.length === 1 && other.length === 1)
      matching.pairs.push({ before: list[0]!, after: other[0]! })
  }
  for (const [key, list] of a) {
    if (list.length > 1) matching.twice.push({ side: 'after', members: list })
    else if (!b.has(key)) matching.afterOnly.push(list[0]!)
  }
  return matching
}

export interface Change {
  /** An item, task or duty code, ROLE, or 'covered' / 'others'. */
  key: string
  /** People paired on it. */
  n: number
  hadGap: number
  closed: number
  worse: number
  /** Mean gap before and after; null when nobody is paired. */
  before: number | null
  after: number | null
  /** Mean of (after − before): negative when the gaps narrowed. */
  change: number | null
  /** Standard deviation of the changes (n − 1); null below two people. */
  sd: number | null
  /** change ÷ sd; null where sd is null or 0. */
  effect: number | null
}

/** A running tally of paired gaps (Welford's mean and sum of squares of the changes). */
class Paired {
  n = 0
  hadGap = 0
  closed = 0
  worse = 0
  sumBefore = 0
  sumAfter = 0
  mean = 0
  m2 = 0
  add(before: number, after: number): void {
    this.n++
    if (before > 0) this.hadGap++
    if (before > 0 && after === 0) this.closed++
    if (after > before) this.worse++
    this.sumBefore += before
    this.sumAfter += after
    const change = after - before
    const delta = change - this.mean
    this.mean += delta / this.n
    this.m2 += delta * (change - this.mean)
  }
  result(key: string): Change {
    const { n } = this
    const sd = n > 1 ? Math.sqrt(this.m2 / (n - 1)) : null
    // A spread within rounding of nothing is none: every person changed alike.
    const spread = sd !== null && sd > 1e-12 ? sd : null
    return {
      key,
      n,
      hadGap: this.hadGap,
      closed: this.closed,
      worse: this.worse,
      before: n ? this.sumBefore / n : null,
      after: n ? this.sumAfter / n : null,
      change: n ? this.mean : null,
      sd: sd === null ? null : (spread ?? 0),
      effect: spread === null ? null : this.mean / spread,
    }
  }
}

export interface ItemChange extends Change {
  text: string
  kind: string
  /** A course of the plan covers it. */
  covered: boolean
}

export interface Outcome {
  matching: Matching
  items: ItemChange[]
  tasks: Change[]
  duties: Change[]
  /** Each paired person's mean gap over the items a course covered, and over the others. */
  covered: Change
  others: Change
  /** Items of the after side its before side's standard does not have: not compared. */
  notCompared: string[]
}

/**
 * Compares a before and an after (cohorts on the same scale; their standards may differ in
 * version: items are paired by code). `covered` lists the item codes a course covered.
 */
export function compareOutcome(
  before: Cohort,
  after: Cohort,
  covered: ReadonlySet<string> = new Set(),
): Outcome {
  if (before.scale.id !== after.scale.id)
    throw new RangeError(
      `a ${before.scale.id} cohort and a ${after.scale.id} one are not comparable`,
    )
  const matching = matchPeople(before.members, after.members)
  const width = after.items.length
  const from = after.items.map((item) => before.index.get(item.key) ?? -1)
  const { tasks, duties } = sections(after)
  const coveredItems = after.items.flatMap((item, i) => (covered.has(item.key) ? [i] : []))
  const otherItems = after.items.flatMap((item, i) => (covered.has(item.key) ? [] : [i]))
  const items = after.items.map(() => new Paired())
  const units = (list: readonly { items: readonly number[] }[]) => list.map(() => new Paired())
  const taskTallies = units(tasks)
  const dutyTallies = units(duties)
  const groupTallies = [new Paired(), new Paired()]
  const gapBefore = new Float64Array(width)
  const gapAfter = new Float64Array(width)
  const paired = new Uint8Array(width)
  const addUnit = (tally: Paired, positions: readonly number[]) => {
    let count = 0
    let b = 0
    let a = 0
    for (const i of positions)
      if (paired[i]) {
        count++
        b += gapBefore[i]!
        a += gapAfter[i]!
      }
    if (count) tally.add(b / count, a / count)
  }
  for (const pair of matching.pairs) {
    for (let i = 0; i < width; i++) {
      const j = from[i]!
      const rb = j >= 0 ? pair.before.self[j]! : 0
      const ra = pair.after.self[i]!
      paired[i] = rb > 0 && ra > 0 ? 1 : 0
      if (!paired[i]) continue
      const target = pair.after.targets[i]!
      gapBefore[i] = Math.max(0, target - rb)
      gapAfter[i] = Math.max(0, target - ra)
      items[i]!.add(gapBefore[i]!, gapAfter[i]!)
    }
    tasks.forEach((task, t) => addUnit(taskTallies[t]!, task.items))
    duties.forEach((duty, d) => addUnit(dutyTallies[d]!, duty.items))
    addUnit(groupTallies[0]!, coveredItems)
    addUnit(groupTallies[1]!, otherItems)
  }
  return {
    matching,
    items: after.items.map((item, i) => ({
      ...items[i]!.result(item.key),
      text: item.text,
      kind: item.kind,
      covered: covered.has(item.key),
    })),
    tasks: tasks.map((task, t) => taskTallies[t]!.result(task.key)),
    duties: duties.map((duty, d) => dutyTallies[d]!.result(duty.key)),
    covered: groupTallies[0]!.result('covered'),
    others: groupTallies[1]!.result('others'),
    notCompared: after.items.filter((_, i) => from[i]! < 0).map((item) => item.key),
  }
}
