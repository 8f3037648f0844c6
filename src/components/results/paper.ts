/**
 * What the printed report shows where the screen shows more: which charts are worth their room
 * on paper, how the item-by-item record is grouped, and which of its rows may break across a
 * page. Plain functions of the figures, so each decision is tested on its own.
 */
import { ratingLayout } from '@/domain/assessment/layout'
import type { RateableItem } from '@/domain/assessment/items'
import type { Standard } from '@/domain/standard/schema'

/**
 * How a chart goes on paper:
 * - `chart`: its figures differ enough to be seen;
 * - `none`: nothing rated yet, said in a sentence;
 * - `same`: every figure is the same (printed with two decimals), said in a sentence;
 * - `close`: the figures differ by less than CLOSE_SPREAD, said in a sentence with the range;
 * - `table`: fewer than MIN_CHARTED groups have a figure; the table printed with the detail
 *   says it all, so nothing takes the chart's place.
 */
export type PaperForm =
  | { form: 'chart' }
  | { form: 'none' }
  | { form: 'same'; value: number }
  | { form: 'close'; low: number; high: number }
  | { form: 'table' }

/** Fewer groups with a figure than this are a small table, not a chart. */
export const MIN_CHARTED = 3
/**
 * Bars that differ by less than a quarter of a step look alike on an axis that runs to the
 * scale's widest gap (4 or 5 steps): a sentence with the range says as much.
 */
export const CLOSE_SPREAD = 0.25

/**
 * Whether a chart of these series (one value per group and series; null: no figure) says
 * anything on paper that a sentence or its table does not.
 */
export function paperForm(series: readonly (readonly (number | null)[])[]): PaperForm {
  const groups = Math.max(0, ...series.map((s) => s.length))
  let charted = 0
  for (let g = 0; g < groups; g++)
    if (series.some((s) => s[g] !== null && s[g] !== undefined)) charted++
  const values = series.flat().filter((v): v is number => v !== null && v !== undefined)
  if (!values.length) return { form: 'none' }
  const low = Math.min(...values)
  const high = Math.max(...values)
  // The figures are printed with two decimals: two that print alike are the same to a reader.
  const same = low.toFixed(2) === high.toFixed(2)
  if (same && charted >= 2) return { form: 'same', value: low }
  if (charted < MIN_CHARTED) return { form: 'table' }
  if (high - low < CLOSE_SPREAD) return { form: 'close', low, high }
  return { form: 'chart' }
}

/** A group of the item-by-item record: a duty's items (as rated under its tasks), or attitudes. */
export interface RecordGroup {
  /** A duty's code, or 'A' for the attitudes. */
  key: string
  items: RateableItem[]
}

/**
 * The items of the record in the rating page's order, grouped by the duty each is rated under
 * (a K or S item under its first task's duty), then the attitudes: each item appears once.
 */
export function recordGroups(standard: Standard, items: readonly RateableItem[]): RecordGroup[] {
  const layout = ratingLayout(standard, items)
  const dutyOf = new Map(
    standard.duties.flatMap((d) => d.tasks.map((t) => [t.code, d.code] as const)),
  )
  const groups = new Map<string, RateableItem[]>()
  for (const place of layout.tasks) {
    const duty = dutyOf.get(place.task) ?? place.task
    const list = groups.get(duty) ?? []
    list.push(...place.rated)
    groups.set(duty, list)
  }
  const out = [...groups]
    .filter(([, list]) => list.length)
    .map(([key, list]) => ({ key, items: list }))
  if (layout.attitudes.length) out.push({ key: 'A', items: layout.attitudes })
  return out
}

/**
 * A row whose texts run longer than this may break across a page: kept whole, a row of a
 * page's length or more would leave the page before it all but empty.
 */
export const LONG_ROW_CHARS = 600

/** Whether an item's row of the record may break across pages. */
export function mayBreak(texts: readonly string[]): boolean {
  return texts.reduce((sum, text) => sum + text.length, 0) > LONG_ROW_CHARS
}

/**
 * Where the review's signature stands, for the sign-off: a review received (signed, and whether
 * its key was the first or another than the one seen before for the name, as the receiving
 * panel said it; or not signed), or the supervisor's own (this device's key, null before it has
 * one).
 */
export type ReviewSeal =
  | {
      kind: 'received'
      standing: 'signed' | 'first' | 'different' | 'unsigned'
      fingerprint: string
    }
  | { kind: 'own'; fingerprint: string | null }

/**
 * A table of up to this many lines (a fifth of a page) prints whole on a page; a longer one runs
 * on over the page's end a row at a time, its header repeated, so a table never leaves the page
 * before it half empty.
 */
export const WHOLE_LINES = 16

/**
 * Whether a table prints whole on one page, from its rows and the lines a row usually takes
 * (a group's name wraps to two, an item's text and its tasks to three, a plan's action to three,
 * a disagreement's item in its narrow column to five).
 */
export function keepWhole(rows: number, linesPerRow = 1): boolean {
  return rows * linesPerRow <= WHOLE_LINES
}
