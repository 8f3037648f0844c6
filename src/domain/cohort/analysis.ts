/**
 * The trainer's questions of a cohort, each a pure function of a (filtered) cohort: who is in
 * it, where the gaps are by task and group, which gaps are common, what to train, how ratings
 * spread, what only one person can do, and how self and supervisor differ.
 *
 * The rules are those of one assessment (assessment/gaps.ts): each item has one target per
 * person; n/a and unrated count in coverage only, never in a gap, a share or a mean; an item
 * counts in every task and duty that uses it (once per duty, however many of its tasks use
 * it); an attitude mapped to no task counts under the whole role (ROLE). Means and shares are
 * over rated entries, taken from tallies that add up, never from averaged averages.
 */
import { codeOrder, cutWithTies, rankBy, type Cut } from '../lists'
import { ROLE } from '../assessment/gaps'
import type { ItemKind, RateableItem } from '../assessment/items'
import { taskLevel } from '../standard/model'
import { isFlagged, ratingDifference } from '../review/compare'
import type { Cohort, CohortMember } from './cohort'
import { decodeRating, isComplete, NA, UNRATED } from './cohort'
import { addRating, below, emptyTally, shareBelow, TallyTable, type Tally } from './tally'
import { displayName } from './anonymise'
import { filterOptions, type FilterOptions } from './filters'

/** A task or duty and the positions (in `cohort.items`) of the items counted in it. */
export interface Section {
  /** A task or duty code, or ROLE. */
  key: string
  title: string
  /** The duty of a task (the duty itself for a duty; ROLE for ROLE). */
  duty: string
  /** A task's level (its highest indicator's); null for a duty or ROLE. */
  level: number | null
  items: number[]
}

export interface Sections {
  tasks: Section[]
  duties: Section[]
}

const sectionCache = new WeakMap<readonly RateableItem[], Sections>()

/**
 * The tasks and duties of the cohort's standard with the items each counts, ROLE last where
 * the standard has attitudes of the whole role. Computed once per cohort (filters keep it).
 */
export function sections(cohort: Cohort): Sections {
  const cached = sectionCache.get(cohort.items)
  if (cached) return cached
  const at = (pick: (item: RateableItem) => boolean) =>
    cohort.items.flatMap((item, i) => (pick(item) ? [i] : []))
  const role = at((item) => !item.tasks.length)
  const roleSection = (): Section => ({
    key: ROLE,
    title: ROLE,
    duty: ROLE,
    level: null,
    items: role,
  })
  const tasks: Section[] = cohort.standard.duties.flatMap((duty) =>
    duty.tasks.map((task) => ({
      key: task.code,
      title: task.title,
      duty: duty.code,
      level: taskLevel(task),
      items: at((item) => item.tasks.includes(task.code)),
    })),
  )
  const duties: Section[] = cohort.standard.duties.map((duty) => ({
    key: duty.code,
    title: duty.title,
    duty: duty.code,
    level: null,
    items: at((item) => item.duties.includes(duty.code)),
  }))
  if (role.length) {
    tasks.push(roleSection())
    duties.push(roleSection())
  }
  const result = { tasks, duties }
  sectionCache.set(cohort.items, result)
  return result
}

// --- who is in it ---------------------------------------------------------------------------

export interface CohortSummary {
  /** Different people (see `personKey`): fewer than assessments where a person has rounds. */
  people: number
  assessments: number
  /** Assessments with every item answered (a scale value or n/a). */
  complete: number
  reviewed: number
  /** The first and last day an assessment was rated; null for an empty cohort. */
  from: string | null
  to: string | null
}

export function cohortSummary(cohort: Cohort): CohortSummary {
  const people = new Set<string>()
  let complete = 0
  let reviewed = 0
  let from: string | null = null
  let to: string | null = null
  for (const m of cohort.members) {
    people.add(m.personKey)
    if (isComplete(m)) complete++
    if (m.reviewed) reviewed++
    if (from === null || m.day < from) from = m.day
    if (to === null || m.day > to) to = m.day
  }
  return { people: people.size, assessments: cohort.members.length, complete, reviewed, from, to }
}

// --- items across people ----------------------------------------------------------------------

export interface ItemStats {
  item: RateableItem
  /** Assessments in view (each one rating of the item, or n/a, or none). */
  assessments: number
  rated: number
  na: number
  unrated: number
  /** People whose rating meets their target, and those below it. */
  meeting: number
  below: number
  /** below / rated; null when nobody rated the item. */
  shareBelow: number | null
  /** Mean gap of the rated; null when nobody rated the item. */
  meanGap: number | null
  gapSum: number
}

function statsOf(item: RateableItem, tally: Tally): ItemStats {
  return {
    item,
    assessments: tally.rateable,
    rated: tally.rated,
    na: tally.na,
    unrated: tally.rateable - tally.rated - tally.na,
    meeting: tally.meeting,
    below: below(tally),
    shareBelow: shareBelow(tally),
    meanGap: tally.rated ? tally.gapSum / tally.rated : null,
    gapSum: tally.gapSum,
  }
}

/** Every item's figures over the cohort, in reading order. */
export function itemStats(cohort: Cohort): ItemStats[] {
  const tallies = cohort.items.map(() => emptyTally())
  for (const m of cohort.members)
    for (let i = 0; i < tallies.length; i++)
      addRating(tallies[i]!, decodeRating(m.self[i]!), m.targets[i]!)
  return cohort.items.map((item, i) => statsOf(item, tallies[i]!))
}

/** What ranks a common gap: the share of people below target (of those who rated), then how many. */
const commonGapFigure = (s: ItemStats) => [s.shareBelow ?? 0, s.below]
const byItemCode = (a: ItemStats, b: ItemStats) => codeOrder(a.item.key, b.item.key)

/**
 * The common gaps: items somebody is below target on, by the share of people below target
 * (of those who rated it), then by how many, then by code.
 */
export function topCommonGaps(stats: readonly ItemStats[], n = Infinity): ItemStats[] {
  return rankBy(
    stats.filter((s) => s.below > 0),
    commonGapFigure,
    byItemCode,
  ).slice(0, n)
}

/** The common gaps cut at `n`, with the items tied at the cut (same share, same count). */
export function commonGapsCut(stats: readonly ItemStats[], n: number): Cut<ItemStats> {
  return cutWithTies(
    stats.filter((s) => s.below > 0),
    n,
    commonGapFigure,
    byItemCode,
  )
}

export interface DutyNeeds {
  duty: string
  title: string
  /** K and S items of the duty somebody is below target on, most people below first. */
  items: ItemStats[]
}

const TRAINABLE: readonly ItemKind[] = ['K', 'S']

/**
 * Training needs: for each duty, its K and S items by the number of people below target,
 * then by share, then in reading order. An item used by two duties is listed under both: a
 * course for either duty must cover it.
 */
export function trainingNeeds(cohort: Cohort, stats = itemStats(cohort)): DutyNeeds[] {
  const at = new Map(stats.map((s, i) => [s.item.key, i]))
  return cohort.standard.duties.map((duty) => ({
    duty: duty.code,
    title: duty.title,
    items: stats
      .filter((s) => TRAINABLE.includes(s.item.kind) && s.item.duties.includes(duty.code))
      .filter((s) => s.below > 0)
      .sort(
        (a, b) =>
          b.below - a.below ||
          b.shareBelow! - a.shareBelow! ||
          at.get(a.item.key)! - at.get(b.item.key)!,
      ),
  }))
}

// --- heatmap ------------------------------------------------------------------------------------

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

// --- spread -------------------------------------------------------------------------------------

export interface Spread {
  /** An item code, a duty code or ROLE. */
  key: string
  /** How many ratings fell on each step of the scale, in the scale's order. */
  steps: { value: number; count: number }[]
  na: number
  unrated: number
  /** Entries counted: people × items of the duty (an item's people for one item). */
  total: number
}

function spreadOf(cohort: Cohort, key: string, positions: readonly number[]): Spread {
  const values = cohort.scale.steps.map((s) => s.value)
  const counts = new Map(values.map((v) => [v, 0]))
  let na = 0
  let unrated = 0
  for (const m of cohort.members)
    for (const i of positions) {
      const code = m.self[i]!
      if (code === NA) na++
      else if (code === UNRATED) unrated++
      else counts.set(code, (counts.get(code) ?? 0) + 1)
    }
  return {
    key,
    steps: values.map((value) => ({ value, count: counts.get(value)! })),
    na,
    unrated,
    total: cohort.members.length * positions.length,
  }
}

/** The histogram of one item's ratings; undefined for a code the standard does not have. */
export function itemSpread(cohort: Cohort, itemKey: string): Spread | undefined {
  const at = cohort.index.get(itemKey)
  return at === undefined ? undefined : spreadOf(cohort, itemKey, [at])
}

/** The histogram of every rating in each duty (an item used by two duties counts in both). */
export function dutySpreads(cohort: Cohort): Spread[] {
  return sections(cohort).duties.map((duty) => spreadOf(cohort, duty.key, duty.items))
}

// --- single points of failure ----------------------------------------------------------------

export interface SinglePoint {
  item: RateableItem
  /** People who meet the target: 0 or 1. */
  meeting: number
  /** The one who does, when there is one. */
  holder: CohortMember | null
  rated: number
}

/**
 * Items that at most one person meets: the skills that leave with one resignation (or are
 * missing already). Nobody first, then one person; reading order within each. An item nobody
 * rated is listed too (nobody is known to meet it).
 */
export function singlePointsOfFailure(cohort: Cohort): SinglePoint[] {
  const found: SinglePoint[] = []
  cohort.items.forEach((item, i) => {
    let meeting = 0
    let rated = 0
    let holder: CohortMember | null = null
    for (const m of cohort.members) {
      const code = m.self[i]!
      if (code <= 0) continue
      rated++
      if (code >= m.targets[i]!) {
        meeting++
        holder = m
        if (meeting > 1) return
      }
    }
    found.push({ item, meeting, holder: meeting === 1 ? holder : null, rated })
  })
  return found.sort((a, b) => a.meeting - b.meeting)
}

// --- self against supervisor -----------------------------------------------------------------

export interface Difference {
  /** An item code, a duty code or ROLE. */
  key: string
  /** Items rated by both (a scale value each): the only ones compared. */
  pairs: number
  /** Mean of supervisor − self over the pairs; null when there is none. */
  meanDifference: number | null
  /** Pairs two or more steps apart (FLAG_STEPS). */
  flagged: number
}

export interface SelfVsSupervisor {
  /** Reviewed assessments in view. */
  reviewed: number
  /** One per item, in reading order. */
  items: (Difference & { item: RateableItem })[]
  /** One per duty (each pair counted in every duty that uses the item), ROLE last. */
  byDuty: Difference[]
}

interface DiffTally {
  pairs: number
  sum: number
  flagged: number
}

const difference = (key: string, t: DiffTally): Difference => ({
  key,
  pairs: t.pairs,
  meanDifference: t.pairs ? t.sum / t.pairs : null,
  flagged: t.flagged,
})

/**
 * Where reviews exist, how the supervisor's ratings differ from the person's own: never an
 * average of the two, only the difference (supervisor − self) where both gave a scale value.
 */
export function selfVsSupervisor(cohort: Cohort): SelfVsSupervisor {
  const tallies: DiffTally[] = cohort.items.map(() => ({ pairs: 0, sum: 0, flagged: 0 }))
  let reviewed = 0
  for (const m of cohort.members) {
    if (!m.supervisor) continue
    reviewed++
    for (let i = 0; i < tallies.length; i++) {
      const self = decodeRating(m.self[i]!)
      const supervisor = decodeRating(m.supervisor[i]!)
      const diff = ratingDifference(self, supervisor)
      if (diff === null) continue
      const t = tallies[i]!
      t.pairs++
      t.sum += diff
      if (isFlagged(self, supervisor)) t.flagged++
    }
  }
  const byDuty = sections(cohort).duties.map((duty) => {
    const t: DiffTally = { pairs: 0, sum: 0, flagged: 0 }
    for (const i of duty.items) {
      t.pairs += tallies[i]!.pairs
      t.sum += tallies[i]!.sum
      t.flagged += tallies[i]!.flagged
    }
    return difference(duty.key, t)
  })
  return {
    reviewed,
    items: cohort.items.map((item, i) => ({ ...difference(item.key, tallies[i]!), item })),
    byDuty,
  }
}

// --- the first view ---------------------------------------------------------------------------

/**
 * What the cohort screen first shows of a whole (unfiltered) cohort, every figure from the
 * functions above: computed where the cohort is read (its worker), so the page only draws it.
 */
export interface CohortOverview {
  options: FilterOptions
  summary: CohortSummary
  stats: ItemStats[]
  /** By `heatmap.by` (never by person: a person's label depends on the anonymised mode). */
  heatmap: Heatmap
  single: SinglePoint[]
  versus: SelfVsSupervisor
  /** The histogram of each duty. */
  spreads: Spread[]
}

export function cohortOverview(
  cohort: Cohort,
  by: Exclude<HeatmapGrouping, 'person'> = 'department',
): CohortOverview {
  return {
    options: filterOptions(cohort.members),
    summary: cohortSummary(cohort),
    stats: itemStats(cohort),
    heatmap: heatmap(cohort, by),
    single: singlePointsOfFailure(cohort),
    versus: selfVsSupervisor(cohort),
    spreads: dutySpreads(cohort),
  }
}

/**
 * An overview that crossed from a worker (a copy, items and members included) tied back to the
 * cohort on this side: its items are the cohort's own, and a single point's holder the member.
 */
export function relinkOverview(overview: CohortOverview, cohort: Cohort): CohortOverview {
  const item = (copy: RateableItem) => {
    const found = cohort.items[cohort.index.get(copy.key) ?? -1]
    if (!found) throw new RangeError(`item ${copy.key} is not in the cohort`)
    return found
  }
  const byId = new Map<string, CohortMember>()
  for (const point of overview.single) if (point.holder) byId.set(point.holder.id, point.holder)
  if (byId.size) for (const m of cohort.members) if (byId.has(m.id)) byId.set(m.id, m)
  return {
    ...overview,
    stats: overview.stats.map((s) => ({ ...s, item: item(s.item) })),
    single: overview.single.map((p) => ({
      ...p,
      item: item(p.item),
      holder: p.holder ? byId.get(p.holder.id)! : null,
    })),
    versus: {
      ...overview.versus,
      items: overview.versus.items.map((d) => ({ ...d, item: item(d.item) })),
    },
  }
}
