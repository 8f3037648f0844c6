/**
 * How ratings spread over the scale: the histogram of one item, or of every rating in each duty
 * of a (filtered) cohort, n/a and unrated counted apart.
 */
import type { Cohort } from './cohort'
import { NA, UNRATED } from './cohort'
import { sections } from './sections'

export interface Spread {
  /** An item code, a duty code or ROLE. */
  key: string
  /** How many ratings fell on each step of the scale, in the scale's order. */
  steps: { value: number; count: number }[]
  na: number
  unrated: number
  /** Entries counted: people × items of the duty (an item's people for one item). */
  total: number
}

function spreadOf(cohort: Cohort, key: string, positions: readonly number[]): Spread {
  const values = cohort.scale.steps.map((s) => s.value)
  const counts = new Map(values.map((v) => [v, 0]))
  let na = 0
  let unrated = 0
  for (const m of cohort.members)
    for (const i of positions) {
      const code = m.self[i]!
      if (code === NA) na++
      else if (code === UNRATED) unrated++
      else counts.set(code, (counts.get(code) ?? 0) + 1)
    }
  return {
    key,
    steps: values.map((value) => ({ value, count: counts.get(value)! })),
    na,
    unrated,
    total: cohort.members.length * positions.length,
  }
}

/** The histogram of one item's ratings; undefined for a code the standard does not have. */
export function itemSpread(cohort: Cohort, itemKey: string): Spread | undefined {
  const at = cohort.index.get(itemKey)
  return at === undefined ? undefined : spreadOf(cohort, itemKey, [at])
}

/** The histogram of every rating in each duty (an item used by two duties counts in both). */
export function dutySpreads(cohort: Cohort): Spread[] {
  return sections(cohort).duties.map((duty) => spreadOf(cohort, duty.key, duty.items))
}
