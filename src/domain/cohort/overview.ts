/**
 * What the cohort screen first shows of a whole cohort, computed where the cohort is read (its
 * worker) from each analysis's own function, and tied back to the cohort on the page's side.
 */
import type { RateableItem } from '../assessment/items'
import type { Cohort, CohortMember } from './cohort'
import { filterOptions, type FilterOptions } from './filters'
import { cohortSummary, type CohortSummary } from './summary'
import { itemStats, type ItemStats } from './item-stats'
import { heatmap, type Heatmap, type HeatmapGrouping } from './heatmap'
import { singlePointsOfFailure, type SinglePoint } from './single-points'
import { selfVsSupervisor, type SelfVsSupervisor } from './self-vs-supervisor'
import { dutySpreads, type Spread } from './spread'

/**
 * What the cohort screen first shows of a whole (unfiltered) cohort, every figure from the
 * analysis's own function: computed where the cohort is read (its worker), so the page only
 * draws it.
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

/** The overview of a whole cohort, its heatmap by department or job title. */
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
