import { ref, shallowRef, type Ref } from 'vue'
import type { RateableItem } from '@/domain/assessment/items'
import type { ItemResponse } from '@/domain/assessment/records'
import {
  progress,
  progressByDuty,
  ratingCounts,
  ratingState,
  straightLineOf,
  type Progress,
  type RatingState,
  type StraightLine,
} from '@/domain/assessment/ratings'

/** The progress a count of rated and n/a items out of `total` makes. */
function progressOf(total: number, rated: number, na: number): Progress {
  return { total, rated, na, answered: rated + na, unrated: total - rated - na }
}

/**
 * The rating page's counts: progress, progress by duty, the straight-line check and the ratings
 * carried from the last round. Counted once when an assessment opens (`countAll`), then adjusted
 * by each change (`recount`), so a rating costs the same however many items the standard has.
 */
export function useRatingCounts(items: Ref<RateableItem[]>, dutyCodes: () => string[]) {
  const overall = shallowRef<Progress>(progressOf(0, 0, 0))
  const byDuty = shallowRef<ReadonlyMap<string, Progress>>(new Map())
  const straightLine = shallowRef<StraightLine | undefined>()
  /** Ratings carried on from the last round and not yet confirmed or changed. */
  const carried = ref(0)
  /** Ratings per scale value, kept as ratings change, for the straight-line check. */
  let counts = new Map<number, number>()

  /** Counts every item's response. */
  function countAll(responses: ReadonlyMap<string, ItemResponse>): void {
    const all = items.value
    overall.value = progress(all, responses)
    byDuty.value = progressByDuty(all, responses, dutyCodes())
    counts = ratingCounts(responses.values())
    straightLine.value = straightLineOf(counts)
    carried.value = [...responses.values()].filter((r) => r.carried).length
  }

  /** Moves one item's counts from its state before a change to its state after. */
  function recount(
    item: RateableItem | undefined,
    before: ItemResponse | undefined,
    after: ItemResponse,
  ): void {
    carried.value += (after.carried ? 1 : 0) - (before?.carried ? 1 : 0)
    const was = ratingState(before)
    const is = ratingState(after)
    const oldValue = before?.rating
    const newValue = after.rating
    if (typeof oldValue === 'number' || typeof newValue === 'number') {
      if (oldValue === newValue) return
      if (typeof oldValue === 'number') counts.set(oldValue, (counts.get(oldValue) ?? 1) - 1)
      if (typeof newValue === 'number') counts.set(newValue, (counts.get(newValue) ?? 0) + 1)
      straightLine.value = straightLineOf(counts)
    }
    if (was === is || !item) return
    const move = (p: Progress, state: RatingState, by: number) =>
      state === 'rated'
        ? progressOf(p.total, p.rated + by, p.na)
        : state === 'na'
          ? progressOf(p.total, p.rated, p.na + by)
          : p
    const shift = (p: Progress) => move(move(p, was, -1), is, 1)
    overall.value = shift(overall.value)
    if (!item.duties.length) return
    const duties = new Map(byDuty.value)
    for (const duty of item.duties) {
      const p = duties.get(duty)
      if (p) duties.set(duty, shift(p))
    }
    byDuty.value = duties
  }

  return { overall, byDuty, straightLine, carried, countAll, recount }
}
