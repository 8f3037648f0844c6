/**
 * A small reader of the seed texts in shared/seeds/: PDF extractions of competency standards
 * (職能基準), one table row a line, cells separated by tabs.
 *
 * It is deliberately independent of the app's code and of data/standards/*.json, so that
 * tests/unit/seed-fidelity.test.ts can check the transcription against the source. It reads
 * only what the seed says; where the seed itself is broken (a mistyped code, an empty cell) it
 * reports what it saw and leaves the judgement to the test.
 */

export type CodeKind = 'duty' | 'task' | 'output' | 'indicator' | 'knowledge' | 'skill' | 'attitude'

/** A code and the raw text that follows it, up to the next code or the end of its cell. */
export interface SeedItem {
  code: string
  text: string
}

/** One task row of the 主要職責 table, with the rest of any cell a page break split merged in. */
export interface SeedTaskRow {
  /** 1-based line of the seed where the row starts. */
  line: number
  /** The duty the row belongs to (opened on this row or an earlier one). */
  duty: string
  task: SeedItem
  outputs: SeedItem[]
  indicators: SeedItem[]
  /** The 職能級別 cell, trimmed: '' where the seed leaves it empty. */
  level: string
  knowledge: SeedItem[]
  skills: SeedItem[]
}

export const TABLE_COLUMNS = [
  'duty',
  'task',
  'outputs',
  'indicators',
  'level',
  'knowledge',
  'skills',
] as const
export type TableColumn = (typeof TABLE_COLUMNS)[number]

/** A row after a page break that holds only the rest of the cells of the row before it. */
export interface SeedContinuation {
  line: number
  /** The task whose row it continues. */
  task: string
  column: TableColumn
  text: string
}

export interface SeedFootnote {
  n: number
  text: string
  /** True where the body goes on over later lines (a page break in the source). */
  continued: boolean
}

export interface SeedStandard {
  header: { code: string | null; level: string; description: string }
  duties: SeedItem[]
  rows: SeedTaskRow[]
  continuations: SeedContinuation[]
  attitudes: SeedItem[]
  /** The attitude × task √ matrix (attitude code → task codes), or null when there is none. */
  matrix: Record<string, string[]> | null
  footnotes: SeedFootnote[]
  /** Every distinct code found anywhere in the text by a plain regex, by kind, in order. */
  rawCodes: Record<CodeKind, string[]>
}

/**
 * Any code of the standard. A duty code (T1) must be followed by white space, so that it is
 * not read out of a task code (T1.1). The output pattern takes an optional last dot so that a
 * mistyped output code such as "O2.31" is still seen as an output.
 */
const CODE_SOURCE = String.raw`(?<![A-Za-z0-9.])(?:T\d+\.\d+|T\d+(?=\s)|O\d+\.\d+\.?\d+|P\d+\.\d+\.\d+|[KSA]\d{2,})`

export function codeRegex(): RegExp {
  return new RegExp(CODE_SOURCE, 'g')
}

export function codeKind(code: string): CodeKind {
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
    case 'A':
      return 'attitude'
    default:
      throw new Error(`not a code: ${code}`)
  }
}

const FOOTNOTE_MARK = /【註\s*(\d+)】/g

/**
 * The text with everything that is layout rather than content removed: footnote marks
 * (^{【註1】}, 【註 11】, 【註12】), the ^{…} wrappers, HTML tags (<p>, <u>…) and all white space
 * (the PDF extraction breaks words with spaces, e.g. "公 司經營策 略").
 */
export function normalize(text: string): string {
  return text
    .replace(FOOTNOTE_MARK, '')
    .replace(/\^\{|\}/g, '')
    .replace(/<\/?[A-Za-z]+>/g, '')
    .replace(/\s+/g, '')
}

/** A footnote mark in an item's raw text and the normalized text before and after it. */
export interface SeedMark {
  n: number
  before: string
  after: string
}

export function footnoteMarks(text: string): SeedMark[] {
  return [...text.matchAll(FOOTNOTE_MARK)].map((m) => ({
    n: Number(m[1]),
    before: normalize(text.slice(0, m.index)),
    after: normalize(text.slice(m.index + m[0].length)),
  }))
}

/** The task a P or O code belongs to by its digits: P1.2.3 and O1.2.1 belong to T1.2. */
export function taskOfCode(code: string): string {
  const m = /^[PO](\d+)\.(\d+)\.\d+$/.exec(code)
  if (!m) throw new Error(`not an indicator or output code: ${code}`)
  return `T${m[1]}.${m[2]}`
}

/** The items of one cell: each code and the text up to the next code or the cell's end. */
export function splitItems(cell: string, where: string): SeedItem[] {
  const matches = [...cell.matchAll(codeRegex())]
  const lead = cell.slice(0, matches[0]?.index ?? cell.length)
  if (matches.length > 0 && normalize(lead) !== '')
    throw new Error(`${where}: text "${lead.trim()}" before the first code`)
  return matches.map((m, i) => ({
    code: m[0],
    text: cell.slice(m.index + m[0].length, matches[i + 1]?.index ?? cell.length).trim(),
  }))
}

function itemsOfKind(cell: string, kind: CodeKind, where: string): SeedItem[] {
  if (cell.trim() !== '' && [...cell.matchAll(codeRegex())].length === 0)
    throw new Error(`${where}: a ${kind} cell without a code: "${cell.trim()}"`)
  const items = splitItems(cell, where)
  for (const item of items)
    if (codeKind(item.code) !== kind) throw new Error(`${where}: ${item.code} in a ${kind} cell`)
  return items
}

const isTableHeader = (cells: string[]) => cells[0]?.trim() === '主要職責'
const isAttitudeHeading = (line: string) => /^職能內涵\s*\(A=attitude/.test(line.trim())
const isNotesHeading = (line: string) => line.trim() === '說明與補充事項'

/** The first non-empty cell after the label of a header row whose first cell is `label`. */
function headerValue(lines: string[], label: string): string | null {
  for (const line of lines) {
    const cells = line.split('\t').map((c) => c.trim())
    if (cells[0] === label) return cells.slice(1).find((c) => c !== '') ?? null
  }
  return null
}

function readTable(
  lines: string[],
  start: number,
  end: number,
): Pick<SeedStandard, 'duties' | 'rows' | 'continuations'> {
  interface RawRow {
    line: number
    cells: string[]
  }
  const raw: RawRow[] = []
  const continuations: { line: number; row: RawRow; column: TableColumn; text: string }[] = []

  for (let i = start; i < end; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    const cells = line.split('\t')
    if (isTableHeader(cells)) continue
    const where = `seed line ${i + 1}`
    if (cells.length !== TABLE_COLUMNS.length)
      throw new Error(`${where}: ${cells.length} cells, expected ${TABLE_COLUMNS.length}`)
    const [dutyCell = '', taskCell = ''] = cells
    if (dutyCell.trim() === '' && taskCell.trim() === '') {
      // A row that opens no task: the rest of the cells a page break split off the row before.
      const previous = raw.at(-1)
      if (!previous) throw new Error(`${where}: a continuation row before any task row`)
      if ([...line.matchAll(codeRegex())].length > 0)
        throw new Error(`${where}: a continuation row holds codes`)
      cells.forEach((cell, j) => {
        const column = TABLE_COLUMNS[j]
        if (cell.trim() === '' || column === undefined) return
        previous.cells[j] = `${previous.cells[j] ?? ''} ${cell}`
        continuations.push({ line: i + 1, row: previous, column, text: cell.trim() })
      })
      continue
    }
    raw.push({ line: i + 1, cells: [...cells] })
  }

  const duties: SeedItem[] = []
  const rows: SeedTaskRow[] = raw.map(({ line, cells }) => {
    const where = `seed line ${line}`
    const cell = (column: TableColumn) => cells[TABLE_COLUMNS.indexOf(column)] ?? ''
    const dutyItems = itemsOfKind(cell('duty'), 'duty', where)
    if (dutyItems.length > 1) throw new Error(`${where}: more than one duty in a row`)
    duties.push(...dutyItems)
    const duty = duties.at(-1)
    if (!duty) throw new Error(`${where}: a task row before any duty`)
    const [task, ...extra] = itemsOfKind(cell('task'), 'task', where)
    if (!task || extra.length > 0) throw new Error(`${where}: not exactly one task in the row`)
    const level = cell('level').trim()
    if (!/^\d?$/.test(level)) throw new Error(`${where}: level cell "${level}"`)
    return {
      line,
      duty: duty.code,
      task,
      outputs: itemsOfKind(cell('outputs'), 'output', where),
      indicators: itemsOfKind(cell('indicators'), 'indicator', where),
      level,
      knowledge: itemsOfKind(cell('knowledge'), 'knowledge', where),
      skills: itemsOfKind(cell('skills'), 'skill', where),
    }
  })

  return {
    duties,
    rows,
    continuations: continuations.map(({ line, row, column, text }) => ({
      line,
      task: rows[raw.indexOf(row)]?.task.code ?? '?',
      column,
      text,
    })),
  }
}

function readAttitudes(
  lines: string[],
  start: number,
  end: number,
): Pick<SeedStandard, 'attitudes' | 'matrix'> {
  const attitudes: SeedItem[] = []
  let header: string[] | null = null
  let matrix: Record<string, string[]> | null = null
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? ''
    const where = `seed line ${i + 1}`
    if (/^\t(?:T\d+\.\d+\t)*T\d+\.\d+\s*$/.test(line)) {
      // The header of the √ matrix: one task code a column.
      header = line.trimEnd().split('\t').slice(1)
      matrix = {}
      continue
    }
    if (!/^A\d{2,}/.test(line)) continue
    if (line.includes('\t')) {
      if (!header || !matrix) throw new Error(`${where}: a matrix row before the matrix header`)
      const [label = '', ...marks] = line.split('\t')
      if (marks.length !== header.length)
        throw new Error(`${where}: ${marks.length} matrix cells, expected ${header.length}`)
      const code = splitItems(label, where)[0]?.code ?? '?'
      matrix[code] = header.filter((_, j) => marks[j]?.trim() === '√')
      const stray = marks.filter((m) => m.trim() !== '' && m.trim() !== '√')
      if (stray.length > 0) throw new Error(`${where}: unexpected matrix marks ${stray.join(' ')}`)
      continue
    }
    const [item, ...extra] = itemsOfKind(line, 'attitude', where)
    if (!item || extra.length > 0) throw new Error(`${where}: not exactly one attitude`)
    attitudes.push(item)
  }
  return { attitudes, matrix }
}

function readFootnotes(lines: string[], start: number): SeedFootnote[] {
  const notes: SeedFootnote[] = []
  let open: SeedFootnote | null = null
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    const m = /^\s*-\s*【註\s*(\d+)】(.*)$/.exec(line)
    if (m) {
      open = { n: Number(m[1]), text: (m[2] ?? '').trim(), continued: false }
      notes.push(open)
    } else if (/^\s*-/.test(line)) {
      open = null
    } else if (open) {
      // A line that is no list item goes on with the footnote above it (a page break).
      open.text += line.trim()
      open.continued = true
    }
  }
  return notes
}

function distinctCodes(text: string): Record<CodeKind, string[]> {
  const out: Record<CodeKind, string[]> = {
    duty: [],
    task: [],
    output: [],
    indicator: [],
    knowledge: [],
    skill: [],
    attitude: [],
  }
  for (const m of text.matchAll(codeRegex())) {
    const list = out[codeKind(m[0])]
    if (!list.includes(m[0])) list.push(m[0])
  }
  return out
}

export function parseSeed(text: string): SeedStandard {
  const lines = text.split(/\r?\n/)
  const tableStart = lines.findIndex((l) => isTableHeader(l.split('\t')))
  if (tableStart < 0) throw new Error('no 主要職責 table in the seed')
  const attitudeStart = lines.findIndex((l, i) => i > tableStart && isAttitudeHeading(l))
  if (attitudeStart < 0) throw new Error('no 職能內涵 (A=attitude) heading in the seed')
  const notesStart = lines.findIndex((l, i) => i > attitudeStart && isNotesHeading(l))
  if (notesStart < 0) throw new Error('no 說明與補充事項 heading in the seed')

  const head = lines.slice(0, tableStart)
  const level = headerValue(head, '基準級別')
  const description = headerValue(head, '工作描述')
  if (level === null || description === null) throw new Error('no 基準級別 or 工作描述 row')

  return {
    header: { code: headerValue(head, '職能基準代碼'), level, description },
    ...readTable(lines, tableStart, attitudeStart),
    ...readAttitudes(lines, attitudeStart, notesStart),
    footnotes: readFootnotes(lines, notesStart + 1),
    rawCodes: distinctCodes(text),
  }
}
