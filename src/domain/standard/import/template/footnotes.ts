/**
 * The footnotes of a template: the footnote rows, read first because the marks in every other
 * row's `footnotes` cell refer to them, and the reader of those marks (`1`, `1: the words`, one
 * a line or separated by `|`; `none` for an empty list).
 */
import type { FootnoteRef } from '../../schema'
import type { Cells } from './cells'
import { NONE } from './format'
import type { Line } from './lines'
import { templateProblem } from './problems'

/** An optional list of marks as a field of the standard: left out when the cell was empty. */
export const withMarks = <K extends string>(key: K, refs: FootnoteRef[] | undefined) =>
  (refs === undefined ? {} : { [key]: refs }) as Partial<Record<K, FootnoteRef[]>>

/**
 * The footnotes of the footnote rows, and `marksOf`, which reads a row's marks (undefined for
 * an empty cell), each mark checked against those footnotes.
 */
export function readFootnotes(cells: Cells): {
  footnotes: { n: number; text: string }[]
  marksOf: (l: Line) => FootnoteRef[] | undefined
} {
  const { need, at, problems } = cells
  const add = problems.add
  const footnotes: { n: number; text: string }[] = []
  const noteLine = new Map<number, number>()
  for (const l of cells.of('footnote')) {
    const raw = need(l, 'code')
    const text = need(l, 'text')
    if (raw === '') continue
    const value = raw
      .normalize('NFKC')
      .replace(/^【?\s*註?\s*/, '')
      .replace(/\s*】?$/, '')
    const n = /^\d+$/.test(value) ? Number(value) : 0
    if (n < 1) {
      add(templateProblem('template-bad-code', { kind: 'footnote', value: raw }, l.line))
      continue
    }
    const first = noteLine.get(n)
    if (first !== undefined) {
      add(templateProblem('template-duplicate-code', { code: `【註${n}】`, first }, l.line))
      continue
    }
    noteLine.set(n, l.line)
    if (text !== '') footnotes.push(at({ n, text }, l))
  }
  const marksOf = (l: Line): FootnoteRef[] | undefined => {
    const raw = l.get('footnotes')
    if (raw === '') return undefined
    if (raw.toLowerCase() === NONE) return []
    const refs: FootnoteRef[] = []
    for (const part of raw.split(/\r\n|\r|\n|\|/)) {
      if (part.trim() === '') continue
      const m = /^\s*【?\s*註?\s*(\d+)\s*】?\s*(?:[:：]\s*(.*?))?\s*$/s.exec(part.normalize('NFKC'))
      if (!m) {
        add(templateProblem('template-bad-footnote-mark', { value: part.trim() }, l.line))
        continue
      }
      const n = Number(m[1])
      if (!noteLine.has(n)) add(templateProblem('template-unknown-footnote', { n }, l.line))
      // The words are kept as typed (not NFKC'd): they must be found in the row's own text.
      const after = m[2] === undefined ? '' : (/[:：]\s*(.*?)\s*$/s.exec(part)?.[1] ?? '')
      refs.push(after === '' ? { n } : { n, after })
    }
    return refs
  }
  return { footnotes, marksOf }
}
