/**
 * Each item across the people of a (filtered) cohort, and the common gaps: the items most people
 * are below target on. The rules are one assessment's (see sections.ts).
 */
import { codeOrder, cutWithTies, rankBy, type Cut } from '../lists'
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
