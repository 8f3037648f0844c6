/**
 * CSV as Excel, pandas and DuckDB all read it: UTF-8 with a byte-order mark (so Excel takes it
 * as UTF-8 and shows the Chinese), CRLF line ends, and RFC 4180 quoting (a cell with a comma,
 * a quote or a line break is quoted, its quotes doubled). A cell with a semicolon is quoted too:
 * Excel in the many locales whose list separator is `;` opens a CSV by splitting on it, so an
 * unquoted `a;=1+1` would become a second cell that starts a formula.
 *
 * Formula injection: a text cell that begins with = + - @, a tab or a carriage return would be
 * run by a spreadsheet as a formula, so it is written with a leading apostrophe. Numbers are
 * written as numbers, never prefixed: a difference of -2 is a number, not a formula, and must
 * load as one.
 */
export type CsvCell = string | number | boolean | null | undefined

export const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",;\r\n]/

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole CSV file: a header row, then the rows; BOM first, CRLF after every row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))]
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/**
 * Reads a CSV text as RFC 4180 has it (quoted cells with doubled quotes, CRLF or LF), a BOM
 * skipped. For tests and for reading our own files back; an apostrophe we added is kept.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = text.startsWith(BOM) ? 1 : 0
  for (; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
