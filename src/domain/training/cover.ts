/**
 * The set cover behind the training plan: which courses cover the most need with the fewest
 * courses. Finding the fewest exactly is NP-hard (it is weighted set cover); this is the greedy
 * rule, which is what the page says it uses: take the course that covers the most need not yet
 * covered, again and again, until no course adds any; then drop every course whose need the
 * others cover already (the greedy rule alone can keep a wide first pick that two later ones
 * make redundant). The greedy rule is within a factor ln(n) + 1 of the fewest for n items, and
 * its first k picks cover at least 1 − 1/e of what the best k could.
 *
 * Generic: a "set" is a course (or anything) with the positions of the elements it covers, and
 * each element a weight (its need). Pure; the plan (plan.ts) gives it courses and items.
 */

export interface CoverSet {
  /** The set's elements, as positions in the weights. */
  elements: readonly number[]
}

export interface CoverOptions {
  /** Sets always taken, in this order, before the greedy rule (a course put in by hand). */
  forced?: readonly number[]
  /** Sets never taken (a course taken out by hand). */
  excluded?: readonly number[]
  /**
   * Between sets that add the same need, which to take first (negative: `a`). By default the
   * earlier set in the list.
   */
  tieOrder?: (a: number, b: number) => number
}

export interface CoverPick {
  /** The set's position in the list given. */
  set: number
  /** The need it covers that no set before it in `picks` covers. */
  gain: number
  /** Elements with need it covers first. */
  fresh: number[]
  forced: boolean
}

export interface Cover {
  /** The sets taken, in the order they cover their need. */
  picks: CoverPick[]
  /** Elements with need that no set taken covers. */
  uncovered: number[]
  /** The need covered and the need in all. */
  covered: number
  total: number
}

/** The need of a set's elements not yet covered. */
function gainOf(set: CoverSet, weights: ArrayLike<number>, covered: Uint8Array): number {
  let gain = 0
  for (const e of set.elements) if (!covered[e]) gain += weights[e]! > 0 ? weights[e]! : 0
  return gain
}

/** The picks in order, each with what it covers first. */
function walk(
  order: readonly number[],
  sets: readonly CoverSet[],
  weights: ArrayLike<number>,
  forced: ReadonlySet<number>,
): CoverPick[] {
  const covered = new Uint8Array(weights.length)
  return order.map((s) => {
    const fresh: number[] = []
    let gain = 0
    for (const e of new Set(sets[s]!.elements)) {
      if (covered[e] || !(weights[e]! > 0)) continue
      covered[e] = 1
      fresh.push(e)
      gain += weights[e]!
    }
    return { set: s, gain, fresh, forced: forced.has(s) }
  })
}

/**
 * Greedy weighted set cover: the forced sets, then repeatedly the set that adds the most need
 * (ties by `tieOrder`), until none adds any; then, last taken first, each set the greedy rule
 * took whose need the other taken sets all cover is dropped. Elements of weight 0 or less are
 * no need.
 */
export function greedyCover(
  sets: readonly CoverSet[],
  weights: ArrayLike<number>,
  options: CoverOptions = {},
): Cover {
  const excluded = new Set(options.excluded ?? [])
  const forced = new Set((options.forced ?? []).filter((s) => !excluded.has(s) && sets[s]))
  const tieOrder = options.tieOrder ?? ((a: number, b: number) => a - b)
  const covered = new Uint8Array(weights.length)
  const order: number[] = []
  const take = (s: number) => {
    order.push(s)
    for (const e of sets[s]!.elements) covered[e] = 1
  }
  for (const s of forced) take(s)
  const open = sets.map((_, s) => s).filter((s) => !excluded.has(s) && !forced.has(s))
  for (;;) {
    let best = -1
    let bestGain = 0
    for (const s of open) {
      if (order.includes(s)) continue
      const gain = gainOf(sets[s]!, weights, covered)
      if (
        gain > bestGain ||
        (gain === bestGain && gain > 0 && best >= 0 && tieOrder(s, best) < 0)
      ) {
        best = s
        bestGain = gain
      }
    }
    if (best < 0) break
    take(best)
  }
  // Drop the redundant: a set whose every element with need another taken set also covers.
  const counts = new Uint32Array(weights.length)
  for (const s of order) for (const e of new Set(sets[s]!.elements)) counts[e]!++
  for (let k = order.length - 1; k >= 0; k--) {
    const s = order[k]!
    if (forced.has(s)) continue
    const elements = [...new Set(sets[s]!.elements)].filter((e) => weights[e]! > 0)
    if (elements.every((e) => counts[e]! > 1)) {
      for (const e of new Set(sets[s]!.elements)) counts[e]!--
      order.splice(k, 1)
    }
  }
  const picks = walk(order, sets, weights, forced)
  const final = new Uint8Array(weights.length)
  for (const s of order) for (const e of sets[s]!.elements) final[e] = 1
  let total = 0
  let done = 0
  const uncovered: number[] = []
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e]!
    if (!(w > 0)) continue
    total += w
    if (final[e]) done += w
    else uncovered.push(e)
  }
  return { picks, uncovered, covered: done, total }
}
