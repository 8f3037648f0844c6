/** What only one person can do: the items of a (filtered) cohort at most one person meets. */
import type { RateableItem } from '../assessment/items'
import { codeOrder, cutWithTies, type Cut } from '../lists'
import type { Cohort, CohortMember } from './cohort'

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

/**
 * The single points cut at `n`, with the items tied at the cut: nobody meeting before one
 * person, items alike in code order. A cohort where forty items nobody meets shows the first
 * `n` and says how many more are in the same case.
 */
export function singlePointsCut(points: readonly SinglePoint[], n: number): Cut<SinglePoint> {
  return cutWithTies(
    points,
    n,
    (p) => -p.meeting,
    (a, b) => codeOrder(a.item.key, b.item.key),
  )
}
