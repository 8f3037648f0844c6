/**
 * The sections of a pasted standard, read line by line: the header fields, the table of duties,
 * tasks, outputs, indicators and K/S cells, the attitude list and matrix, and the notes. Each
 * reader returns what it found; ./paste.ts turns it into the standard and its judgements.
 */
import type { Standard } from '../schema'
import { pasteProblem, type PasteColumn, type PasteProblem } from './problems'
import { cleanText, collapse, joinAcross } from './text'

export const COLUMNS: PasteColumn[] = [
  'duty',
  'task',
  'outputs',
  'indicators',
  'level',
  'knowledge',
  'skills',
]
export const CODE =
  /(?<![A-Za-z0-9.])(?:T\d+\.\d+|T\d+(?![.\d])|O\d+\.\d+\.?\d+|P\d+\.\d+\.?\d+|[KSA]\d{2,})/g
export const SOURCE_SUFFIX = '勞動部勞動力發展署 iCAP 職能發展應用平台'

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
export const COLUMN_OF: Record<Kind, PasteColumn | null> = {
  duty: 'duty',
  task: 'task',
  output: 'outputs',
  indicator: 'indicators',
  knowledge: 'knowledge',
  skill: 'skills',
  attitude: null,
}

export interface RawItem {
  code: string
  raw: string
  line: number
}
export interface Row {
  line: number
  cells: Record<PasteColumn, RawItem[]>
  level: string
  /** The raw text of each cell, for the wording of judgements. */
  rawCells: Partial<Record<PasteColumn, string>>
}
export class Refusal {
  constructor(readonly problems: PasteProblem[]) {}
}

// ---- the header ----------------------------------------------------------------------------

export interface Header {
  heading: string | null
  code: string | null
  codeLine: number
  title: string | null
  level: string | null
  levelLine: number
  description: string | null
  descriptionLine: number
  field: { name: string; code: string } | null
  occupation: { name: string; code: string } | null
  /** 行業別: every industry named, in order; empty when none is. */
  industries: { name: string; code: string }[]
  industriesLine: number
  /** Names and codes that could not be paired (their counts differ). */
  industriesUnpaired: { names: number; codes: number } | null
  versions: Standard['versions']
}

export const LABELS = new Set([
  '職能基準代碼',
  '職能基準名稱',
  '職類',
  '職業',
  '所屬類別',
  '職類別',
  '職類別代碼',
  '職業別',
  '職業別代碼',
  '行業別',
  '行業別代碼',
  '工作描述',
  '基準級別',
])
export const label = (cell: string) => {
  const c = cell.replace(/\s+/g, '').replace(/[(（].*[)）]$/, '')
  return LABELS.has(c) ? c : null
}

export function readHeader(lines: string[]): Header {
  const h: Header = {
    heading: null,
    code: null,
    codeLine: 1,
    title: null,
    level: null,
    levelLine: 1,
    description: null,
    descriptionLine: 1,
    field: null,
    occupation: null,
    industries: [],
    industriesLine: 1,
    industriesUnpaired: null,
    versions: [],
  }
  const values = new Map<string, { value: string; line: number }>()
  // Every 行業別 and 行業別代碼 value met, not only the first: a standard may name several.
  const industry = { names: [] as string[], codes: [] as string[] }
  // The columns of the 行業別 values on the line above, while lines go on from it.
  let industryColumns: Map<number, 'names' | 'codes'> | null = null
  let inVersions = false
  lines.forEach((line, i) => {
    const trimmed = line.trim()
    if (trimmed === '') {
      inVersions = false
      industryColumns = null
      return
    }
    if (h.heading === null && /職能基準$/.test(trimmed) && !line.includes('\t'))
      h.heading = collapse(trimmed).text
    const cells = line.split('\t').map((c) => c.trim())
    if (cells[0] === '版本') {
      inVersions = true
      return
    }
    if (inVersions && /^V\d+(?:\s|$)/i.test(cells[0] ?? '')) {
      h.versions.push(versionRow(line))
      return
    }
    const labelled = cells.findIndex((c) => label(c) !== null)
    if (industryColumns !== null) {
      // A line that goes on from a 行業別 line, before a blank line: a further row of a merged
      // 行業別 cell (each cell continues the value in its column above), or the rest of a cell
      // a line break split (the cells before the line's first label continue the last value).
      const above: Map<number, 'names' | 'codes'> = industryColumns
      const last = [...above.values()].at(-1)
      ;(labelled < 0 ? cells : cells.slice(0, labelled)).forEach((cell, j) => {
        const list = labelled < 0 ? (above.get(j) ?? last) : last
        if (cell !== '' && list) industry[list].push(cell)
      })
      if (labelled < 0) return
      industryColumns = null
    }
    cells.forEach((cell, j) => {
      const l = label(cell)
      if (l === null) return
      if (!values.has(l)) values.set(l, { value: '', line: i + 1 })
      const at = cells.findIndex((c, k) => k > j && c !== '')
      const value = cells[at]
      if (value === undefined || label(value) !== null) return
      if (l === '行業別' || l === '行業別代碼') {
        const list = l === '行業別' ? 'names' : 'codes'
        industry[list].push(value)
        industryColumns ??= new Map()
        industryColumns.set(at, list)
        h.industriesLine = i + 1
      }
      if (values.get(l)?.value === '') values.set(l, { value: collapse(value).text, line: i + 1 })
    })
  })
  const get = (l: string) => {
    const v = values.get(l)?.value
    return v === undefined || v === '' ? null : v
  }
  h.code = get('職能基準代碼')
  h.codeLine = values.get('職能基準代碼')?.line ?? 1
  h.title = get('職業') ?? get('職類') ?? (h.heading ? h.heading.replace(/職能基準$/, '') : null)
  h.level = get('基準級別')
  h.levelLine = values.get('基準級別')?.line ?? 1
  h.description = get('工作描述')
  h.descriptionLine = values.get('工作描述')?.line ?? 1
  const pair = (name: string) => {
    const n = get(name)
    const c = get(`${name}代碼`)
    return n !== null && c !== null ? { name: n, code: c } : null
  }
  h.field = pair('職類別')
  h.occupation = pair('職業別')
  const paired = pairIndustries(industry.names, industry.codes)
  if (paired.ok) h.industries = paired.industries
  else h.industriesUnpaired = { names: paired.names, codes: paired.codes }
  return h
}

/**
 * Pairs the 行業別 names with their codes. The codes decide how many industries there are: a
 * code has no spaces or punctuation inside, so the 代碼 cells split cleanly at 、，；/ or white
 * space, while a name may hold all of these (支援服務業 / 旅行及相關服務業, 農、林、漁、牧業).
 * The names are then split the first way that gives as many names as codes: one per 行業別
 * row or cell line as written; then at line breaks and ；; then at 、 and ，; then at white
 * space that is not around a slash. One code takes the whole name, however it is written.
 */
export function pairIndustries(
  names: string[],
  codes: string[],
):
  | { ok: true; industries: { name: string; code: string }[] }
  | { ok: false; names: number; codes: number } {
  const codeList = codes.flatMap((c) => c.split(/[、，,；;/\s]+/)).filter((c) => c !== '')
  const nameList = names.map((n) => n.trim()).filter((n) => n !== '')
  if (codeList.length === 0 || nameList.length === 0) return { ok: true, industries: [] }
  const pieces = (split: (name: string) => string[]) =>
    nameList
      .flatMap(split)
      .map((n) => n.trim())
      .filter((n) => n !== '')
  // Split at white space only where every piece reads 大類 / 細類, as iCAP industries do: the
  // extraction also breaks words with spaces, and a broken word must not pass for two names.
  const bySpace = pieces((n) => n.split(/(?<![/\s])\s+(?![/\s])/))
  const candidates = [
    codeList.length === 1 ? [nameList.reduce(joinAcross)] : nameList,
    pieces((n) => n.split(/[\n；;]+/)),
    pieces((n) => n.split(/[、，,\n；;]+/)),
    bySpace.every((n) => n.includes('/')) ? bySpace : [],
  ]
  const fit = candidates.find((list) => list.length === codeList.length)
  if (!fit) return { ok: false, names: nameList.length, codes: codeList.length }
  return {
    ok: true,
    industries: fit.map((name, i) => ({ name: collapse(name).text, code: codeList[i] ?? '' })),
  }
}

/**
 * One row of the version table: version, code, name, status, update note, date. A published
 * row may leave the note or the date empty; an empty cell is left out, not refused. Where the
 * tabs became spaces, the note is what stands between the status and a trailing date.
 */
export function versionRow(line: string): Standard['versions'][number] {
  let cells = line.split('\t').map((c) => c.trim())
  if (cells.length === 1) {
    const words = cells[0]?.split(/\s+/) ?? []
    const hasDate = words.length > 4 && readDate(words.at(-1) ?? '') !== null
    cells = [
      ...words.slice(0, 4),
      words.slice(4, hasDate ? -1 : undefined).join(' '),
      hasDate ? (words.at(-1) ?? '') : '',
    ]
  }
  // A row of five cells whose last reads as a date lost its empty note cell, not its date.
  while (cells.length > 0 && cells.at(-1) === '') cells.pop()
  if (cells.length === 5 && readDate(cells[4] ?? '') !== null) cells.splice(4, 0, '')
  const [version = '', code = '', title = '', status = '', note = '', date = ''] = cells
  return {
    version,
    code,
    title,
    status,
    ...(note !== '' ? { note } : {}),
    ...(date !== '' ? { date: readDate(date) ?? date } : {}),
  }
}

/** A date as the version table writes it (2024/12/15, 2024.12.15, 2024年12月15日, 民國 113/12/15). */
function readDate(cell: string): string | null {
  const d = /^(?:民國\s*)?(\d{2,4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/.exec(cell)
  if (!d) return null
  const year = Number(d[1])
  // A year of two or three digits is a year of the Republic (民國), as 民國 113 = 2024.
  const y = year < 1000 ? year + 1911 : year
  return `${y}-${(d[2] ?? '').padStart(2, '0')}-${(d[3] ?? '').padStart(2, '0')}`
}

// ---- the table -----------------------------------------------------------------------------

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

export const WORD: Record<PasteColumn, string> = {
  duty: 'duty',
  task: 'task',
  outputs: 'output',
  indicators: 'indicator',
  level: 'level',
  knowledge: 'knowledge item',
  skills: 'skill item',
}

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

export function emptyCells(): Record<PasteColumn, RawItem[]> {
  return { duty: [], task: [], outputs: [], indicators: [], level: [], knowledge: [], skills: [] }
}

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

// ---- attitudes -----------------------------------------------------------------------------

export function readAttitudes(
  lines: string[],
  start: number,
  end: number,
  problems: PasteProblem[],
) {
  const items: RawItem[] = []
  let columns: string[] = []
  let matrix: Map<string, string[]> | null = null
  let matrixLine = start + 1
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? ''
    const header = /^\s*(?:T\d+\.\d+[\t ]+)*T\d+\.\d+\s*$/.test(line) && /\t|^\s/.test(line)
    if (header) {
      columns = line.trim().split(/\s+/)
      matrix = new Map([['', columns]])
      matrixLine = i + 1
      continue
    }
    const m = /^\s*(A\d{2,})(.*)$/.exec(line)
    if (!m) continue
    if (line.includes('\t') && matrix) {
      const [, ...marks] = line.split('\t')
      if (marks.length !== columns.length) {
        problems.push(
          pasteProblem(
            'paste-bad-matrix-row',
            { cells: marks.length, expected: columns.length },
            i + 1,
          ),
        )
        continue
      }
      matrix.set(
        m[1] ?? '',
        columns.filter((_, j) => /^[√✓✔vV]$/.test(marks[j]?.trim() ?? '')),
      )
      continue
    }
    items.push({ code: m[1] ?? '', raw: m[2] ?? '', line: i + 1 })
  }
  return { items, matrix, columns, matrixLine, line: items[0]?.line ?? start + 1 }
}

// ---- notes ---------------------------------------------------------------------------------

export interface NoteFootnote {
  n: number
  text: string
  parts: string[]
  line: number
}

export function readNotes(lines: string[], start: number | null) {
  const general: string[] = []
  const qualifications: string[] = []
  const supplementary: { text: string; line: number }[] = []
  const footnotes: NoteFootnote[] = []
  if (start === null) return { general, qualifications, supplementary, footnotes }
  let mode: 'general' | 'qualifications' | 'other' = 'general'
  let open: NoteFootnote | null = null
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    const bullet = /^\s*[-•·*]\s+/.test(line)
    const body = collapse(line.replace(/^\s*[-•·*]\s+/, '').replace(/\*\*/g, '')).text
    const fn = /^【註\s*(\d+)\s*】\s*(.*)$/.exec(body)
    if (fn) {
      open = { n: Number(fn[1]), text: fn[2] ?? '', parts: [fn[2] ?? ''], line: i + 1 }
      footnotes.push(open)
      continue
    }
    if (!bullet && open) {
      // A line that is no list item goes on with the footnote above it (a page break).
      open.parts.push(body)
      open.text = joinAcross(open.text, body)
      continue
    }
    open = null
    if (/^建議擔任/.test(body)) {
      mode = 'qualifications'
      const rest = body.replace(/^[^：:]*[：:]/, '').trim()
      if (rest !== '') qualifications.push(rest)
      continue
    }
    if (/^其他補充說明/.test(body)) {
      mode = 'other'
      const rest = body.replace(/^[^：:]*[：:]/, '').trim()
      if (rest !== '') supplementary.push({ text: rest, line: i + 1 })
      continue
    }
    if (mode === 'general') general.push(body)
    else if (mode === 'qualifications') qualifications.push(body)
    else supplementary.push({ text: body, line: i + 1 })
  }
  return { general, qualifications, supplementary, footnotes }
}
