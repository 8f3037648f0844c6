/**
 * Lists cut at N that keep their ties. A "top ten" that drops the items tied with the tenth
 * says more than it knows: which of them made the list would be an accident of the sort. A cut
 * list here says how many more share the figure at the cut, and hands them over, and the order
 * among ties is a stated one (by code, say), never the order the items happened to come in.
 */

/** A figure to rank by, larger first: a number, or numbers compared in turn. */
export type Figure = number | readonly number[]

export interface Cut<T> {
  /** The first `n` of the ranking. */
  shown: T[]
  /** Past the cut, the ones that share the figure of the last shown, in the tie order. */
  tied: T[]
  /** Whether any two of `shown` and `tied` share a figure (so the tie order decided between them). */
  hasTies: boolean
}

function figures(figure: Figure): readonly number[] {
  return typeof figure === 'number' ? [figure] : figure
}

/** Larger figures first; figures compared number by number. */
export function compareFigures(a: Figure, b: Figure): number {
  const x = figures(a)
  const y = figures(b)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (y[i] ?? -Infinity) - (x[i] ?? -Infinity)
    if (d) return d
  }
  return 0
}

/** The list ranked by its figure, largest first, ties in `tieOrder`. */
export function rankBy<T>(
  list: readonly T[],
  figureOf: (item: T) => Figure,
  tieOrder: (a: T, b: T) => number,
): T[] {
  const ranked = list.map((item) => ({ item, figure: figureOf(item) }))
  ranked.sort((a, b) => compareFigures(a.figure, b.figure) || tieOrder(a.item, b.item))
  return ranked.map((r) => r.item)
}

/**
 * The first `n` of the list ranked by its figure (see `rankBy`), and the ones past the cut tied
 * with the last of them.
 */
export function cutWithTies<T>(
  list: readonly T[],
  n: number,
  figureOf: (item: T) => Figure,
  tieOrder: (a: T, b: T) => number,
): Cut<T> {
  const ranked = rankBy(list, figureOf, tieOrder)
  const shown = ranked.slice(0, Math.max(0, n))
  const last = shown.at(-1)
  const tied: T[] = []
  if (last !== undefined) {
    const atCut = figureOf(last)
    for (const item of ranked.slice(shown.length)) {
      if (compareFigures(figureOf(item), atCut) !== 0) break
      tied.push(item)
    }
  }
  const kept = [...shown, ...tied]
  const hasTies = kept.some(
    (item, i) => i > 0 && compareFigures(figureOf(item), figureOf(kept[i - 1]!)) === 0,
  )
  return { shown, tied, hasTies }
}

/**
 * The order of item codes as a standard numbers them: letters by code point, numbers by value
 * (K2 before K10, P1.2.1 before P1.10.1). The stated order among ties.
 */
export function codeOrder(a: string, b: string): number {
  const parts = (code: string) => code.match(/\d+|\D+/g) ?? []
  const x = parts(a)
  const y = parts(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!
    const q = y[i]!
    const numbers = /^\d/.test(p) && /^\d/.test(q)
    const d = numbers ? Number(p) - Number(q) : p < q ? -1 : p > q ? 1 : 0
    if (d) return d
  }
  return x.length - y.length
}
