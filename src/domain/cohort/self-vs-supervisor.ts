/**
 * How supervisors see it: where reviews exist in a (filtered) cohort, the difference between the
 * supervisor's ratings and the person's own, by item and by duty.
 */
import type { RateableItem } from '../assessment/items'
import { isFlagged, ratingDifference } from '../review/compare'
import type { Cohort } from './cohort'
import { decodeRating } from './cohort'
import { sections } from './sections'

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
