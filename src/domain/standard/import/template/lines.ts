/**
 * The second step of reading a template: the header row found and its columns named (in any
 * order, trailing empty columns allowed), and every other row made a line of a kind whose cells
 * are read by column name. Blank rows and rows whose first cell (or kind) begins with `#` are
 * skipped.
 */
import { Refusal } from '../refusal'
import { TEMPLATE_COLUMNS, TEMPLATE_KINDS, type TemplateColumn, type TemplateKind } from './format'
import { templateProblem, type TemplateProblemList } from './problems'
import type { RawRow } from './rows'

/** A row of the standard: its kind, the line it starts on, and its cells by column. */
export interface Line {
  kind: TemplateKind
  line: number
  get: (column: TemplateColumn) => string
}

/** Columns a template must have; the others may be left out when no row uses them. */
export const TEMPLATE_REQUIRED_COLUMNS: readonly TemplateColumn[] = [
  'kind',
  'code',
  'duty',
  'task',
  'level',
  'title',
  'text',
]

/**
 * Other words a person may type in the kind column: the standard's own Chinese terms, as the
 * column notes name them, and the letters of K, S and A.
 */
const KIND_ALIASES: Record<string, TemplateKind> = {
  基準: 'standard',
  職能基準: 'standard',
  職類別: 'field',
  職業別: 'occupation',
  行業別: 'industry',
  主要職責: 'duty',
  工作任務: 'task',
  工作產出: 'output',
  行為指標: 'indicator',
  k: 'knowledge',
  知識: 'knowledge',
  s: 'skill',
  skills: 'skill',
  技能: 'skill',
  a: 'attitude',
  態度: 'attitude',
  註: 'footnote',
  說明: 'note',
  qualifications: 'qualification',
  能力條件: 'qualification',
  補充說明: 'supplement',
  版本: 'version',
  編輯說明: 'editorial',
  來源: 'source',
}

/** A cell as read: the apostrophe the writer put before a formula-like text taken off, trimmed. */
const clean = (raw: string) => (/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw).trim()
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')
const isComment = (cell: string | undefined) => (cell ?? '').trim().startsWith('#')

/** Excel's name of a column: A … Z, AA … */
function columnLetter(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

/** The header row's columns by name; refused when `kind` or a required column is missing. */
function columnsOf(header: RawRow, problems: TemplateProblemList): Map<TemplateColumn, number> {
  const columns = new Map<TemplateColumn, number>()
  const known = new Set<string>(TEMPLATE_COLUMNS)
  header.cells.forEach((raw, i) => {
    const name = raw.normalize('NFKC').trim()
    if (name === '' || name.startsWith('#')) return
    const key = /^([A-Za-z_]+)(?![A-Za-z0-9])/.exec(name)?.[1]?.toLowerCase() ?? ''
    if (!known.has(key)) {
      problems.add(templateProblem('template-unknown-column', { column: name }, header.line))
      return
    }
    const column = key as TemplateColumn
    if (columns.has(column))
      problems.add(templateProblem('template-duplicate-column', { column }, header.line))
    else columns.set(column, i)
  })
  if (!columns.has('kind'))
    throw new Refusal([templateProblem('template-no-header', {}, header.line)])
  for (const column of TEMPLATE_REQUIRED_COLUMNS)
    if (!columns.has(column))
      problems.add(templateProblem('template-missing-column', { column }, header.line))
  if (problems.list.length > 0) throw new Refusal(problems.list)
  return columns
}

/** A row's kind: a kind's name or one of its other words, in any case and width. */
function kindOf(cell: string): TemplateKind | undefined {
  const raw = clean(cell).normalize('NFKC').toLowerCase()
  return (TEMPLATE_KINDS as readonly string[]).includes(raw)
    ? (raw as TemplateKind)
    : KIND_ALIASES[raw]
}

/**
 * The lines of the standard below the header row, and the header's line; a Refusal thrown for
 * no header, a bad header, a row of no kind or with cells outside the named columns, or no row
 * at all.
 */
export function linesOf(
  rows: RawRow[],
  problems: TemplateProblemList,
): { lines: Line[]; headerLine: number } {
  const headerRow = rows.find((r) => !isBlank(r.cells) && !isComment(r.cells[0]))
  if (!headerRow) throw new Refusal([templateProblem('template-no-header', {}, 1)])
  const columns = columnsOf(headerRow, problems)
  const named = new Set(columns.values())
  const kindAt = columns.get('kind')!
  const lines: Line[] = []
  for (const row of rows.slice(rows.indexOf(headerRow) + 1)) {
    if (isBlank(row.cells) || isComment(row.cells[0]) || isComment(row.cells[kindAt])) continue
    const extra = row.cells.findIndex((c, i) => !named.has(i) && c.trim() !== '')
    if (extra >= 0) {
      problems.add(
        templateProblem('template-extra-cells', { column: columnLetter(extra) }, row.line),
      )
      continue
    }
    const kind = kindOf(row.cells[kindAt] ?? '')
    if (!kind) {
      problems.add(
        templateProblem(
          'template-unknown-kind',
          { kind: clean(row.cells[kindAt] ?? '') },
          row.line,
        ),
      )
      continue
    }
    const cells = row.cells
    lines.push({
      kind,
      line: row.line,
      get: (column) => {
        const at = columns.get(column)
        return at === undefined ? '' : clean(cells[at] ?? '')
      },
    })
  }
  if (problems.list.length > 0) throw new Refusal(problems.list)
  if (lines.length === 0)
    throw new Refusal([templateProblem('template-no-rows', {}, headerRow.line)])
  return { lines, headerLine: headerRow.line }
}
