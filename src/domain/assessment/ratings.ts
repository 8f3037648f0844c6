/**
 * Ratings and what follows from them: the three states (a scale value, not applicable, not yet
 * rated), progress, the next item to rate, and the straight-line check.
 */
import type { RateableItem } from './items'
import type { ItemResponse } from './records'

export type { ItemResponse }

/** A scale value, or 'na' (not applicable). No rating at all (null) means "not yet rated". */
export type RatingValue = number | 'na'

export type RatingState = 'rated' | 'na' | 'unrated'

export function ratingState(response: Pick<ItemResponse, 'rating'> | undefined): RatingState {
  const rating = response?.rating
  if (rating === 'na') return 'na'
  return typeof rating === 'number' ? 'rated' : 'unrated'
}

export type Responses = ReadonlyMap<string, ItemResponse>

export interface Progress {
  /** Items to rate. */
  total: number
  /** Items with a scale value. */
  rated: number
  /** Items marked not applicable. */
  na: number
  /** Rated or not applicable: the items that need nothing more. */
  answered: number
  unrated: number
}

export function progress(items: readonly RateableItem[], responses: Responses): Progress {
  let rated = 0
  let na = 0
  for (const item of items) {
    const state = ratingState(responses.get(item.key))
    if (state === 'rated') rated++
    else if (state === 'na') na++
  }
  const answered = rated + na
  return { total: items.length, rated, na, answered, unrated: items.length - answered }
}

/** Progress per duty; an item used in several duties counts in each. */
export function progressByDuty(
  items: readonly RateableItem[],
  responses: Responses,
  dutyCodes: readonly string[],
): Map<string, Progress> {
  return new Map(
    dutyCodes.map((duty) => [
      duty,
      progress(
        items.filter((i) => i.duties.includes(duty)),
        responses,
      ),
    ]),
  )
}

/**
 * The next item not yet rated after `afterKey` in the given order, wrapping around; undefined
 * when every item is answered.
 */
export function nextUnrated(
  order: readonly string[],
  responses: Responses,
  afterKey?: string,
): string | undefined {
  const start = afterKey === undefined ? 0 : order.indexOf(afterKey) + 1
  for (let i = 0; i < order.length; i++) {
    const key = order[(start + i) % order.length]!
    if (ratingState(responses.get(key)) === 'unrated') return key
  }
  return undefined
}

export interface StraightLine {
  value: number
  count: number
  share: number
}

/** Ratings below this many are too few to call a pattern. */
export const STRAIGHT_LINE_MIN = 10
/** The share of ratings on one value that counts as rating everything the same. */
export const STRAIGHT_LINE_SHARE = 0.9

/** How many ratings each scale value has. Not applicable and unrated items are left out. */
export function ratingCounts(responses: Iterable<ItemResponse>): Map<number, number> {
  const counts = new Map<number, number>()
  for (const r of responses)
    if (typeof r.rating === 'number') counts.set(r.rating, (counts.get(r.rating) ?? 0) + 1)
  return counts
}

/**
 * Warns when (nearly) every rating is the same value: at least STRAIGHT_LINE_MIN ratings and
 * STRAIGHT_LINE_SHARE of them on one value, from the counts of ratings per value (a value with
 * none may be among them). The rating page keeps these counts as ratings change.
 */
export function straightLineOf(counts: ReadonlyMap<number, number>): StraightLine | undefined {
  let total = 0
  let best: [number, number] = [0, 0]
  for (const entry of counts) {
    total += entry[1]
    if (entry[1] > best[1]) best = entry
  }
  if (total < STRAIGHT_LINE_MIN) return undefined
  const share = best[1] / total
  return share >= STRAIGHT_LINE_SHARE ? { value: best[0], count: best[1], share } : undefined
}

/** The straight-line warning of a set of responses (see straightLineOf). */
export function detectStraightLine(responses: Iterable<ItemResponse>): StraightLine | undefined {
  return straightLineOf(ratingCounts(responses))
}

export type ItemFilter = 'all' | 'unrated' | 'rated' | 'na'

/** Whether an item passes the search words (code, text, note or evidence) and the state filter. */
export function matchesItem(
  item: RateableItem,
  response: ItemResponse | undefined,
  query: string,
  filter: ItemFilter,
): boolean {
  if (filter !== 'all' && ratingState(response) !== filter) return false
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return true
  const haystack = [item.key, item.text, response?.note ?? '', response?.evidence ?? '']
    .join(' ')
    .toLowerCase()
  return words.every((w) => haystack.includes(w))
}
