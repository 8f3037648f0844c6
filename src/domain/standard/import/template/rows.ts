/**
 * The first step of reading a template: the text checked as a whole (size, encoding, control
 * characters) and split into rows of cells, each with the line of the file it starts on. It
 * takes what Excel saves: with or without the BOM, CRLF or LF, quoted cells with commas and line
 * breaks, `;` or tab between cells when the header row uses it (or a first line `sep=;` says so).
 *
 * A hand-written splitter rather than a CSV library: it keeps the line a row starts on through
 * quoted line breaks, names the line where an unclosed quote opened, and stops at the limits
 * below as it goes, in a few hundred bytes (README, "Fill the spreadsheet template").
 */
import { Refusal } from '../refusal'
import { templateProblem, type TemplateProblemCode, type TemplateProblemParams } from './problems'

/** The longest text a template may be: far above any standard (a bundled one is ~60 000). */
export const TEMPLATE_MAX_LENGTH = 2_000_000
/** Rows: a standard has a few hundred. */
export const TEMPLATE_MAX_ROWS = 20_000
/** One cell: the paste parser's longest line. */
export const TEMPLATE_MAX_CELL = 50_000

/** The limits a text is read within: a template's by default (another CSV reader has its own). */
export interface RowLimits {
  length: number
  rows: number
  cell: number
}
const TEMPLATE_LIMITS: RowLimits = {
  length: TEMPLATE_MAX_LENGTH,
  rows: TEMPLATE_MAX_ROWS,
  cell: TEMPLATE_MAX_CELL,
}

/** A row of cells as split, and the 1-based line of the file it starts on. */
export interface RawRow {
  line: number
  cells: string[]
}

function refuse<C extends TemplateProblemCode>(
  code: C,
  params: TemplateProblemParams[C],
  line: number,
): never {
  throw new Refusal([templateProblem(code, params, line)])
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
/**
 * Bytes of UTF-8 or Big5 read as Windows-1252 or Latin-1: runs of two or more letters from the
 * upper half of those code pages (ä¸­, ¤¤¤å). A text with Chinese in it is not mojibake.
 */
const MOJIBAKE =
  /[\u00a1-\u00ff\u0080-\u009f\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}/

/** Checks the text as a whole, line by line: size, encoding, control characters. */
function checkText(input: string, limits: RowLimits): void {
  if (input.length > limits.length)
    refuse('template-too-large', { limit: limits.length, length: input.length }, 1)
  if (input.replace(/^\uFEFF/, '').trim() === '') refuse('template-empty', {}, 1)
  // UTF-16 (Excel's "Unicode text") read as UTF-8 puts a NUL beside every Latin letter.
  const head = input.slice(0, 400)
  if ((head.match(/\u0000/g)?.length ?? 0) > head.length / 4) refuse('template-not-utf8', {}, 1)
  const lines = input.split(/\r\n|\r|\n/)
  const hasCjk = CJK.test(input)
  let mojibake: number | null = null
  let runs = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (CONTROL.test(line)) refuse('template-not-text', {}, i + 1)
    if (line.includes('\ufffd')) refuse('template-not-utf8', {}, i + 1)
    if (!hasCjk && MOJIBAKE.test(line)) {
      mojibake ??= i + 1
      runs++
    }
  }
  // Two lines, so one accented name in an English standard ("Crème brûlée") is not taken for it.
  if (mojibake !== null && runs >= 2) refuse('template-not-utf8', {}, mojibake)
}

/** The separator the header row uses: `,` unless `;` or a tab is clearly it. */
function separatorOf(input: string): string {
  const lines = input.split(/\r\n|\r|\n/)
  const header = lines.find((l) => l.trim() !== '' && !/^"?#/.test(l.trim())) ?? ''
  const outside = header.replace(/"[^"]*"/g, '')
  const count = (ch: string) => outside.split(ch).length - 1
  const [comma, semicolon, tab] = [count(','), count(';'), count('\t')]
  if (semicolon > comma && semicolon >= tab) return ';'
  if (tab > comma && tab > semicolon) return '\t'
  return ','
}

/**
 * Splits the text into rows of cells (RFC 4180, as Excel writes it), each with the line it
 * starts on. A quote opens a quoted cell only at the start of a cell; elsewhere it is a letter.
 */
function splitRows(input: string, sep: string, limits: RowLimits): RawRow[] {
  const rows: RawRow[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let quoteLine = 1
  let line = 1
  let rowLine = 1
  let cellStart = true
  const endCell = () => {
    if (cell.length > limits.cell)
      refuse('template-cell-too-long', { limit: limits.cell, length: cell.length }, rowLine)
    cells.push(cell)
    cell = ''
    cellStart = true
  }
  const endRow = () => {
    endCell()
    rows.push({ line: rowLine, cells })
    if (rows.length > limits.rows)
      refuse('template-too-many-rows', { limit: limits.rows, rows: rows.length }, rowLine)
    cells = []
    rowLine = line
  }
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++
        cell += ch
      }
    } else if (ch === '"' && cellStart && cell === '') {
      quoted = true
      quoteLine = line
      cellStart = false
    } else if (ch === sep) endCell()
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++
      line++
      endRow()
    } else {
      cell += ch
      cellStart = false
    }
  }
  if (quoted) refuse('template-unclosed-quote', {}, quoteLine)
  if (cell !== '' || cells.length > 0) endRow()
  return rows
}

/**
 * The rows of a template's text; a Refusal thrown for a text that is no template: too large,
 * empty, not UTF-8 text, a quote never closed, too many rows or too long a cell. The course
 * list (domain/training/course-csv.ts) is read by the same splitter within its own `limits`.
 */
export function rowsOfText(input: string, limits: RowLimits = TEMPLATE_LIMITS): RawRow[] {
  checkText(input, limits)
  let body = input.replace(/^\uFEFF/, '')
  // Excel's own hint for the separator, a first line `sep=;`, which some people add by hand.
  const hint = /^sep=(.)\r?\n/i.exec(body)
  const separator = hint ? hint[1]! : separatorOf(body)
  // Kept as an empty line, so every line number is still the file's.
  if (hint) body = `\n${body.slice(hint[0].length)}`
  return splitRows(body, separator, limits)
}
