/**
 * The table of a pasted standard, read line by line into rows: each row's cells (duty, task,
 * outputs, indicators, level, K, S) split into items at their codes, whether the cells are
 * separated by tabs or, where the tabs became spaces, told apart by their codes. A line that
 * opens no code continues the cells of the row above (a page break split them): it is joined
 * to them, and the join is kept for its judgement. The header repeated at page breaks is
 * skipped. ./tasks turns the rows into duties and tasks.
 */
import { pasteProblem, type PasteColumn, type PasteProblem } from './problems'
import { cleanText, collapse, joinAcross } from '../text'

/** The table's columns, left to right. */
export const COLUMNS: PasteColumn[] = [
  'duty',
  'task',
  'outputs',
  'indicators',
  'level',
  'knowledge',
  'skills',
]
/** A code of a duty, task, output, indicator or K/S/A item, where it stands alone. */
export const CODE =
  /(?<![A-Za-z0-9.])(?:T\d+\.\d+|T\d+(?![.\d])|O\d+\.\d+\.?\d+|P\d+\.\d+\.?\d+|[KSA]\d{2,})/g

/** The kind of thing a code names. */
export type Kind = 'duty' | 'task' | 'output' | 'indicator' | 'knowledge' | 'skill' | 'attitude'
export const kindOf = (code: string): Kind => {
  switch (code[0]) {
    case 'T':
      return code.includes('.') ? 'task' : 'duty'
    case 'O':
      return 'output'
    case 'P':
      return 'indicator'
    case 'K':
      return 'knowledge'
    case 'S':
      return 'skill'
    default:
      return 'attitude'
  }
}
/** The column each kind of code belongs in (attitudes are not in the table). */
export const COLUMN_OF: Record<Kind, PasteColumn | null> = {
  duty: 'duty',
  task: 'task',
  output: 'outputs',
  indicator: 'indicators',
  knowledge: 'knowledge',
  skill: 'skills',
  attitude: null,
}

/** An item as the paste has it: its code, its words as extracted, and its line. */
export interface RawItem {
  code: string
  raw: string
  line: number
}
/** A row of the table: its items by column and its level cell. */
export interface Row {
  line: number
  cells: Record<PasteColumn, RawItem[]>
  level: string
  /** The raw text of each cell, for the wording of judgements. */
  rawCells: Partial<Record<PasteColumn, string>>
}
/** A cell's rest, split off by a page break, joined to the cell above (for its judgement). */
export interface Join {
  line: number
  task: string
  code: string
  column: PasteColumn
  word: string
  first: string
  rest: string
  joined: string
}

/** How a judgement names the item of a column. */
export const WORD: Record<PasteColumn, string> = {
  duty: 'duty',
  task: 'task',
  outputs: 'output',
  indicators: 'indicator',
  level: 'level',
  knowledge: 'knowledge item',
  skills: 'skill item',
}

/**
 * A cell's items, split at their codes. Words before the first code, and a code of another
 * column, are problems.
 */
export function splitItems(
  cell: string,
  line: number,
  column: PasteColumn,
  problems: PasteProblem[],
): RawItem[] {
  const matches = [...cell.matchAll(CODE)]
  const lead = cell.slice(0, matches[0]?.index ?? cell.length)
  const leadText = cleanText(lead).text
  if (leadText !== '')
    problems.push(pasteProblem('paste-text-without-code', { text: leadText.slice(0, 40) }, line))
  const items: RawItem[] = []
  matches.forEach((m, i) => {
    const code = m[0]
    const raw = cell.slice(m.index + code.length, matches[i + 1]?.index ?? cell.length)
    if (COLUMN_OF[kindOf(code)] !== column) {
      problems.push(pasteProblem('paste-code-misplaced', { code, column }, line))
      return
    }
    items.push({ code, raw, line })
  })
  return items
}

/** A row's cells with no item. */
export function emptyCells(): Record<PasteColumn, RawItem[]> {
  return { duty: [], task: [], outputs: [], indicators: [], level: [], knowledge: [], skills: [] }
}

/**
 * The rows of the table between `start` and `end` (0-based line indexes), and the cells joined
 * across a page break.
 */
export function readTable(
  lines: string[],
  start: number,
  end: number,
  isHeader: (l: string) => boolean,
  problems: PasteProblem[],
): { rows: Row[]; joins: Join[] } {
  const rows: Row[] = []
  const joins: Join[] = []
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '' || isHeader(line)) continue
    const n = i + 1
    const cells: Partial<Record<PasteColumn, string>> = {}
    let level = ''
    if (line.includes('\t')) {
      const parts = line.split('\t')
      if (
        parts.length > COLUMNS.length &&
        parts.slice(COLUMNS.length).some((p) => p.trim() !== '')
      ) {
        problems.push(
          pasteProblem('paste-bad-row', { cells: parts.length, expected: COLUMNS.length }, n),
        )
        continue
      }
      COLUMNS.forEach((c, j) => {
        if (c === 'level') level = (parts[j] ?? '').trim()
        else if ((parts[j] ?? '').trim() !== '') cells[c] = parts[j] ?? ''
      })
    } else {
      // Spaces where the tabs were: cells are told apart by their codes, and the level is the
      // lone digit after the last indicator.
      const matches = [...line.matchAll(CODE)]
      if (matches.length > 0) {
        const lead = line.slice(0, matches[0]?.index ?? 0)
        if (lead.trim() !== '') cells.duty = lead
        matches.forEach((m, j) => {
          const column = COLUMN_OF[kindOf(m[0])] ?? 'task'
          let piece = line.slice(m.index, matches[j + 1]?.index ?? line.length)
          const next = matches[j + 1]
          if (column === 'indicators' && (!next || !/^P/.test(next[0]))) {
            const lv = /\s(\d{1,2})\s*$/.exec(piece)
            if (lv) {
              level = lv[1] ?? ''
              piece = piece.slice(0, lv.index)
            }
          }
          cells[column] = `${cells[column] ?? ''} ${piece}`
        })
      } else {
        // A line with no code: the rest of a cell a page break split, its column unknown.
        const previous = rows.at(-1)
        const column = previous
          ? (['outputs', 'indicators', 'knowledge', 'skills', 'task'] as const).find(
              (c) => previous.cells[c].length > 0,
            )
          : undefined
        if (column) cells[column] = line
        else cells.duty = line
      }
    }
    const items = emptyCells()
    const hasCodes = [...line.matchAll(CODE)].length > 0
    const previous = rows.at(-1)
    if (!hasCodes && previous && level === '') {
      // A row that opens nothing: the rest of the cells a page break split off the row above.
      for (const c of COLUMNS) {
        const text = cells[c]
        if (text === undefined) continue
        const target = previous.cells[c].at(-1)
        if (!target) {
          problems.push(
            pasteProblem('paste-text-without-code', { text: collapse(text).text.slice(0, 40) }, n),
          )
          continue
        }
        const first = cleanText(target.raw).text
        target.raw = joinAcross(target.raw, text)
        const task =
          previous.cells.task[0]?.code ??
          rows.findLast((r) => r.cells.task.length > 0)?.cells.task[0]?.code ??
          ''
        joins.push({
          line: n,
          task,
          code: target.code,
          column: c,
          word: WORD[c],
          first,
          rest: cleanText(text).text,
          joined: cleanText(target.raw).text,
        })
      }
      continue
    }
    for (const c of COLUMNS) {
      const text = cells[c]
      if (text !== undefined && c !== 'level') items[c] = splitItems(text, n, c, problems)
    }
    rows.push({ line: n, cells: items, level, rawCells: cells })
  }
  return { rows, joins }
}
