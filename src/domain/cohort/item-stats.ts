/**
 * Each item across the people of a (filtered) cohort, and the common gaps: the items most people
 * are below target on. The rules are one assessment's (see sections.ts).
 */
import type { RateableItem } from '../assessment/items'
import type { Cohort } from './cohort'
import { decodeRating } from './cohort'
import { addRating, below, emptyTally, shareBelow, type Tally } from './tally'

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

/**
 * The common gaps: items somebody is below target on, by the share of people below target
 * (of those who rated it), then by how many, then in reading order.
 */
export function topCommonGaps(stats: readonly ItemStats[], n = Infinity): ItemStats[] {
  return stats
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.below > 0)
    .sort((a, b) => b.s.shareBelow! - a.s.shareBelow! || b.s.below - a.s.below || a.i - b.i)
    .slice(0, n)
    .map(({ s }) => s)
}
