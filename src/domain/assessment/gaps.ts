/**
 * Gap analysis, pure: from a standard, a scale, the targets and the responses to the gap of
 * every item and the aggregates by duty, task, competency level and item kind.
 *
 * - The gap of a rated item is max(0, target − rating). Items marked not applicable and items
 *   not yet rated count in coverage (rated / rateable) and never in a gap or a mean.
 * - Every item has one target, the same in every group it counts in: the scale's (a fixed
 *   step, or the level the standard sets for the item: for K/S/A the highest level of the
 *   tasks using it), overridden per duty, then per task. Where an item serves several tasks,
 *   the highest of their targets.
 * - A K or S item counts in every task, duty and level that uses it; an attitude mapped to no
 *   task counts under the whole role ('role').
 */
import type { Standard } from '../standard/schema'
import { allTasks, taskLevel } from '../standard/model'
import { ITEM_KINDS, rateableItems, type RateableItem } from './items'
import type { TargetOverrides } from './records'
import type { RatingValue, Responses } from './ratings'
import { scaleTarget, type Scale } from './scales'
import { codeOrder, cutWithTies, type Cut } from '../lists'

/** The group key of items that belong to the whole role rather than to a task. */
export const ROLE = 'role'

/** A rateable item with its rating, its target and its gap. */
export interface ItemGap extends RateableItem {
  /** The target across every task that uses the item (the highest). */
  target: number
  rating: RatingValue | null
  /** max(0, target − rating); null when not applicable or not yet rated. */
  gap: number | null
}

export interface GroupStats {
  /** A duty or task code, a competency level ('3'), an item kind ('K'), 'role' or 'all'. */
  key: string
  /** Items in the group. */
  rateable: number
  /** Items with a scale value: the only ones that count in meanGap and meetShare. */
  rated: number
  na: number
  unrated: number
  /** rated / rateable. */
  coverage: number
  /** Mean gap of the rated items; null when none is rated. */
  meanGap: number | null
  /** Share of rated items whose rating meets their target; null when none is rated. */
  meetShare: number | null
}

export interface Analysis {
  items: ItemGap[]
  overall: GroupStats
  byDuty: GroupStats[]
  byTask: GroupStats[]
  byLevel: GroupStats[]
  byKind: GroupStats[]
}

/** One item as counted in a group: its rating and its target in that group's context. */
interface Entry {
  rating: RatingValue | null
  target: number
}

export function itemGap(rating: RatingValue | null | undefined, target: number): number | null {
  return typeof rating === 'number' ? Math.max(0, target - rating) : null
}

/**
 * A tally of ratings against targets that adds up: counts and a gap sum, from which means and
 * shares are derived only at the end. One assessment's groups and a cohort of 10,000 people
 * are added the same way, so no mean is ever an average of means.
 */
export interface Tally {
  /** Entries added: each one item of one person, counted in this group. */
  rateable: number
  rated: number
  na: number
  gapSum: number
  /** Rated entries at or above their target. */
  meeting: number
}

export function emptyTally(): Tally {
  return { rateable: 0, rated: 0, na: 0, gapSum: 0, meeting: 0 }
}

/** n/a and unrated count in coverage only; a rated item adds its gap. */
export function addRating(tally: Tally, rating: RatingValue | null, target: number): void {
  tally.rateable++
  if (rating === 'na') tally.na++
  else if (typeof rating === 'number') {
    tally.rated++
    tally.gapSum += Math.max(0, target - rating)
    if (rating >= target) tally.meeting++
  }
}

/** A group's figures from its tally. */
export function tallyStats(key: string, tally: Tally): GroupStats {
  const { rateable, rated, na, gapSum, meeting } = tally
  return {
    key,
    rateable,
    rated,
    na,
    unrated: rateable - rated - na,
    coverage: rateable ? rated / rateable : 0,
    meanGap: rated ? gapSum / rated : null,
    meetShare: rated ? meeting / rated : null,
  }
}

export function groupStats(key: string, entries: readonly Entry[]): GroupStats {
  const tally = emptyTally()
  for (const { rating, target } of entries) addRating(tally, rating, target)
  return tallyStats(key, tally)
}

/** Collects entries under group keys, keeping the order in which keys are first given. */
class Groups {
  private readonly entries = new Map<string, Entry[]>()
  constructor(order: readonly string[] = []) {
    for (const key of order) this.entries.set(key, [])
  }
  add(key: string, entry: Entry): void {
    const list = this.entries.get(key)
    if (list) list.push(entry)
    else this.entries.set(key, [entry])
  }
  stats(): GroupStats[] {
    return [...this.entries]
      .filter(([, list]) => list.length > 0)
      .map(([key, list]) => groupStats(key, list))
  }
}

/**
 * An item's target: for each task using it, the task's override, else its duty's, else the
 * scale's default for the level that task asks of the item (an indicator's own level; for a K,
 * S or A item the task's level); the highest of these. An item of the whole role takes the
 * scale's default for its level (on the level scale, the standard's level).
 */
export type TargetResolver = (item: RateableItem) => number

/** The duty of every task, by code. */
function dutiesOfTasks(standard: Standard): Map<string, string> {
  return new Map(standard.duties.flatMap((d) => d.tasks.map((t) => [t.code, d.code] as const)))
}

export function targetResolver(
  standard: Standard,
  scale: Scale,
  targets: TargetOverrides,
): TargetResolver {
  const dutyOf = dutiesOfTasks(standard)
  const levelOf = new Map(allTasks(standard).map((t) => [t.code, taskLevel(t)]))
  return (item) => {
    if (!item.tasks.length) return scaleTarget(scale, item.level)
    const levelIn = (task: string) =>
      item.kind === 'P' ? item.level : (levelOf.get(task) ?? item.level)
    return Math.max(
      ...item.tasks.map(
        (task) =>
          targets.tasks[task] ??
          targets.duties[dutyOf.get(task) ?? ''] ??
          scaleTarget(scale, levelIn(task)),
      ),
    )
  }
}

/** The gap of every item and every aggregate, for one assessment. */
export function analyse(
  standard: Standard,
  scale: Scale,
  targets: TargetOverrides,
  responses: Responses,
  items: readonly RateableItem[] = rateableItems(standard),
): Analysis {
  const targetOf = targetResolver(standard, scale, targets)
  const tasks = allTasks(standard)
  const levelOf = new Map(tasks.map((t) => [t.code, taskLevel(t)]))

  const byDuty = new Groups([...standard.duties.map((d) => d.code), ROLE])
  const byTask = new Groups([...tasks.map((t) => t.code), ROLE])
  const byLevel = new Groups(['1', '2', '3', '4', '5', '6', ROLE])
  const byKind = new Groups(ITEM_KINDS)
  const all: Entry[] = []
  const gaps: ItemGap[] = []

  for (const item of items) {
    const rating = responses.get(item.key)?.rating ?? null
    const target = targetOf(item)
    const entry = { rating, target }
    gaps.push({ ...item, target, rating, gap: itemGap(rating, target) })
    all.push(entry)
    byKind.add(item.kind, entry)
    if (!item.tasks.length) {
      byDuty.add(ROLE, entry)
      byTask.add(ROLE, entry)
      byLevel.add(ROLE, entry)
      continue
    }
    for (const task of item.tasks) byTask.add(task, entry)
    for (const duty of item.duties) byDuty.add(duty, entry)
    // An indicator sits at its own level; a K/S/A item at the level of each task using it.
    const levels = item.kind === 'P' ? [item.level] : item.tasks.map((task) => levelOf.get(task)!)
    for (const level of new Set(levels)) byLevel.add(String(level), entry)
  }

  return {
    items: gaps,
    overall: groupStats('all', all),
    byDuty: byDuty.stats(),
    byTask: byTask.stats(),
    byLevel: byLevel.stats(),
    byKind: byKind.stats(),
  }
}

/** The order among items tied on a figure: by code, as the standard numbers them. */
const byCode = (a: ItemGap, b: ItemGap) => codeOrder(a.key, b.key)

/** The largest gaps, largest first, cut at `n` with the items tied at the cut (ties by code). */
export function topGaps(items: readonly ItemGap[], n: number): Cut<ItemGap> {
  const below = items.filter((item) => (item.gap ?? 0) > 0)
  return cutWithTies(below, n, (item) => item.gap!, byCode)
}

/** How far a rated item is above its target (0 on it). */
export const aboveTarget = (item: ItemGap) => (item.rating as number) - item.target

/**
 * Rated items that meet their target, furthest above it first, cut at `n` with the items tied
 * at the cut (ties by code).
 */
export function strengths(items: readonly ItemGap[], n: number): Cut<ItemGap> {
  const meeting = items.filter(
    (item) => typeof item.rating === 'number' && item.rating >= item.target,
  )
  return cutWithTies(meeting, n, aboveTarget, byCode)
}

export interface GroupChange {
  key: string
  before: number | null
  after: number | null
  /** after − before: negative when the gap closed; null unless both rounds have a mean. */
  change: number | null
}

export interface ItemChange {
  key: string
  text: string
  before: RatingValue | null
  after: RatingValue | null
  gapBefore: number | null
  gapAfter: number | null
}

export interface RoundComparison {
  byDuty: GroupChange[]
  overall: GroupChange
  /** Items whose rating changed between the rounds, in reading order. */
  items: ItemChange[]
}

function groupChange(key: string, before?: GroupStats, after?: GroupStats): GroupChange {
  const b = before?.meanGap ?? null
  const a = after?.meanGap ?? null
  return { key, before: b, after: a, change: a !== null && b !== null ? a - b : null }
}

/** What changed from an earlier round to a later one of the same standard. */
export function compareRounds(before: Analysis, after: Analysis): RoundComparison {
  const earlier = new Map(before.byDuty.map((g) => [g.key, g]))
  const earlierItems = new Map(before.items.map((i) => [i.key, i]))
  return {
    overall: groupChange('all', before.overall, after.overall),
    byDuty: after.byDuty.map((g) => groupChange(g.key, earlier.get(g.key), g)),
    items: after.items
      .filter((item) => (earlierItems.get(item.key)?.rating ?? null) !== item.rating)
      .map((item) => {
        const old = earlierItems.get(item.key)
        return {
          key: item.key,
          text: item.text,
          before: old?.rating ?? null,
          after: item.rating,
          gapBefore: old?.gap ?? null,
          gapAfter: item.gap,
        }
      }),
  }
}
