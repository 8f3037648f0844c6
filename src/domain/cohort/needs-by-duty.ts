/** What to train, duty by duty: the K and S items people of a (filtered) cohort fall short on. */
import type { ItemKind } from '../assessment/items'
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
