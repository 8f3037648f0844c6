/** What to train, duty by duty: the K and S items people of a (filtered) cohort fall short on. */
import type { ItemKind } from '../assessment/items'
import { codeOrder, cutWithTies, type Cut } from '../lists'
import type { Cohort } from './cohort'
import { itemStats, type ItemStats } from './item-stats'

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

/**
 * A duty's needs cut at `n`, with the items tied at the cut (as many people below, the same
 * share); ties in code order, which is the standard's reading order for K and S items.
 */
export function dutyNeedsCut(items: readonly ItemStats[], n: number): Cut<ItemStats> {
  return cutWithTies(
    items,
    n,
    (s) => [s.below, s.shareBelow ?? 0],
    (a, b) => codeOrder(a.item.key, b.item.key),
  )
}
