/**
 * The follow-up a supervisor asks for at the next review: for each action of the plan a round
 * carried on, the items it aimed at with their rating before (the round the plan was made in)
 * and now, and whether they reached their target.
 */
import type { ItemResponse } from '../assessment/records'
import type { RatingValue } from '../assessment/ratings'
import type { PlanAction } from './schema'

export interface FollowUpItem {
  key: string
  before: RatingValue | null
  now: RatingValue | null
  target: number
  /** The rating now meets the target; null when it is not rated now (or not applicable). */
  reached: boolean | null
  /** Now is the earlier round's rating carried on and not yet confirmed by the person. */
  unconfirmed: boolean
  /** now − before, where both are scale values. */
  change: number | null
}

/** Where an action stands: every item at its target, some, none, or not rated yet. */
export type FollowUpOutcome = 'reached' | 'partly' | 'not-yet' | 'unrated'

export interface ActionFollowUp {
  action: PlanAction
  items: FollowUpItem[]
  outcome: FollowUpOutcome
}

const rated = (r: RatingValue | null | undefined): r is number => typeof r === 'number'

/**
 * Each action's items, before and now. `targetOf` gives an item's target in this round (its
 * targets may have changed since); an item the standard no longer has is left out.
 */
export function followUp(
  actions: readonly PlanAction[],
  before: ReadonlyMap<string, ItemResponse>,
  now: ReadonlyMap<string, ItemResponse>,
  targetOf: (key: string) => number | undefined,
): ActionFollowUp[] {
  return actions.map((action) => {
    const items: FollowUpItem[] = []
    for (const key of action.items) {
      const target = targetOf(key)
      if (target === undefined) continue
      const was = before.get(key)?.rating ?? null
      const is = now.get(key)
      const rating = is?.rating ?? null
      items.push({
        key,
        before: was,
        now: rating,
        target,
        reached: rated(rating) ? rating >= target : null,
        unconfirmed: is?.carried === true,
        change: rated(rating) && rated(was) ? rating - was : null,
      })
    }
    const judged = items.filter((i) => i.reached !== null && !i.unconfirmed)
    const met = judged.filter((i) => i.reached).length
    const outcome: FollowUpOutcome =
      judged.length === 0
        ? 'unrated'
        : met === items.length
          ? 'reached'
          : met > 0
            ? 'partly'
            : 'not-yet'
    return { action, items, outcome }
  })
}
