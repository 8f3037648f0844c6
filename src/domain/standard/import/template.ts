/**
 * The CSV template of a standard: how a company writes its own 職能基準 in a spreadsheet, and
 * how a bundled standard is handed out to be changed. `templateOf` writes a standard as a filled
 * template, `blankTemplate` the header with a row of column notes and example rows, and
 * `readTemplate` reads a filled template back into a standard for the same preview as a paste.
 * Pure: no DOM, no storage; the reader never throws.
 *
 * The file is CSV as the project writes it (../../io/csv: UTF-8 with a BOM, CRLF, RFC 4180
 * quoting, a leading apostrophe before a text cell that a spreadsheet would run as a formula).
 * The reader takes what Excel saves: with or without the BOM, CRLF or LF, quoted cells with
 * commas and line breaks, `;` or tab between cells when the header row uses it (or a first
 * line `sep=;` says so), trailing empty columns, blank rows, and the columns in any order (found
 * by their header names).
 *
 * One row per thing, its kind in the `kind` column; rows whose first cell (or kind) begins with
 * `#` are notes or examples and are skipped. The header names are stable English keys, the same
 * in either interface language; a header cell may carry words after the key ("kind 種類").
 *
 * | column    | rows that use it | what it holds |
 * |-----------|------------------|---------------|
 * | kind      | every row | standard, field, occupation, industry, duty, task, output, indicator, knowledge, skill, attitude, footnote, note, qualification, supplement, version, editorial, source |
 * | code      | most rows | the 職能基準代碼 (standard; may be empty), T1, T1.1, O1.1.1, P1.1.1, K01, S01, A01, a footnote's number, a classification's code, a version's 職能基準代碼 |
 * | duty      | task, output, indicator | the duty's code; on a task row it may stay empty (read from the task's code) |
 * | task      | output, indicator; knowledge, skill, attitude | the task's code; for K, S and A items the codes of the tasks they serve, separated by spaces or commas (an attitude with an empty cell is mapped to no task; `none` says an empty √ list) |
 * | outputs   | indicator | the task's output codes, for the person reading the row; checked against the task, not stored (outputs belong to the task) |
 * | level     | standard, indicator | 基準級別 or 職能級別, 1–6 |
 * | title     | standard, field, occupation, industry, duty, task, attitude, version, editorial, source | the title or name (an editorial note's place, a source's document) |
 * | text      | standard, output, indicator, knowledge, skill, attitude, footnote, note, qualification, supplement, version, editorial, source | the words (the work description, an attitude's description, a version's note, an editorial decision, a source's extraction) |
 * | footnotes | standard, duty, task, output, indicator, knowledge, skill, attitude | footnote marks on the row's words: `1`, or `1: words` for a mark that follows those words; one mark a line (or separated by `|`) |
 * | explains  | supplement | the K, S or A codes the note explains |
 * | id        | standard | the file id; empty: the code, or for a standard without a code an id derived from it (below) |
 * | version   | version | V1, V2 … |
 * | status    | version | 最新版本, 歷史版本 … |
 * | date      | version | YYYY-MM-DD (Excel's 2024/12/15 is read too) |
 * | source    | editorial | what the source showed |
 * | lang      | editorial | the language of the note (zh-Hant-TW, en) |
 *
 * A list cell that is empty leaves the list out of the standard, and `none` writes an empty
 * list, so every valid standard comes back exactly: `readTemplate(templateOf(s))` equals `s`
 * (with `schemaRef` for its `$schema`), provided a task's K and S codes follow the order of the
 * K and S rows, as in every published standard.
 *
 * The order of rows within a kind is the order of the standard (duties, a duty's tasks, a task's
 * outputs and indicators, the K list …); kinds may come in any order.
 *
 * An id for a standard without a code: the field code and occupation code, a hyphen, and eight
 * hex digits of a hash (FNV-1a) of the title, e.g. THM3514-1a2b3c4d; the paste parser derives
 * the same. It depends on nothing but those, so reading the same template twice gives the same
 * id, and an editorial note records that the id is GapLens's own.
 *
 * Without a `source` row, the source is the title (and code) as the document and the file's
 * name (`sourceName`, default "CSV template") as the extraction.
 */
import { toCsv, type CsvCell } from '../../io/csv'
import { Standard, STANDARD_FORMAT_VERSION, type EditorialNote, type FootnoteRef } from '../schema'
import { shortHash } from './text'
import {
  templateProblem,
  type TemplateColumn,
  type TemplateKind,
  type TemplateProblem,
} from './template-problems'
import { templateZhTW } from '../../../i18n/messages/template.zh-TW'
import { templateEn } from '../../../i18n/messages/template.en'

export type {
  TemplateColumn,
  TemplateKind,
  TemplateProblem,
  TemplateProblemCode,
} from './template-problems'
export { TEMPLATE_PROBLEM_CODES } from './template-problems'

/** The columns in the order the app writes them. */
export const TEMPLATE_COLUMNS = [
  'kind',
  'code',
  'duty',
  'task',
  'outputs',
  'level',
  'title',
  'text',
  'footnotes',
  'explains',
  'id',
  'version',
  'status',
  'date',
  'source',
  'lang',
] as const satisfies readonly TemplateColumn[]

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

export const TEMPLATE_KINDS = [
  'standard',
  'field',
  'occupation',
  'industry',
  'duty',
  'task',
  'output',
  'indicator',
  'knowledge',
  'skill',
  'attitude',
  'footnote',
  'note',
  'qualification',
  'supplement',
  'version',
  'editorial',
  'source',
] as const satisfies readonly TemplateKind[]

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

/** The longest text a template may be: far above any standard (a bundled one is ~60 000). */
export const TEMPLATE_MAX_LENGTH = 2_000_000
/** Rows: a standard has a few hundred. */
export const TEMPLATE_MAX_ROWS = 20_000
/** One cell: the paste parser's longest line. */
export const TEMPLATE_MAX_CELL = 50_000
/** Problems reported at most: enough to fix a file, bounded for a hostile one. */
const MAX_PROBLEMS = 200
/** Schema issues reported at most, after the template's own checks found nothing. */
const MAX_SCHEMA_ISSUES = 10

/** A list cell meaning "an empty list", as apart from an empty cell (no list). */
const NONE = 'none'

export interface TemplateOptions {
  /** The file's name, for `source.extraction` when the template has no source row. */
  sourceName?: string
  /** A `$schema` reference to write into the standard (the bundled files have one). */
  schemaRef?: string
}

export type TemplateResult =
  { ok: true; standard: Standard; judgements: [] } | { ok: false; problems: TemplateProblem[] }

// ---- writing ---------------------------------------------------------------------------------

type Row = Partial<Record<TemplateColumn, CsvCell>>

const toCells = (row: Row): CsvCell[] => TEMPLATE_COLUMNS.map((c) => row[c] ?? null)

const listCell = (list: readonly string[] | undefined): string | null =>
  list === undefined ? null : list.length === 0 ? NONE : list.join(' ')

function marksCell(refs: FootnoteRef[] | undefined): string | null {
  if (refs === undefined) return null
  if (refs.length === 0) return NONE
  return refs.map((r) => (r.after === undefined ? String(r.n) : `${r.n}: ${r.after}`)).join('\n')
}

function rowsOf(s: Standard): Row[] {
  const rows: Row[] = [
    {
      kind: 'standard',
      code: s.code,
      // The id is written only where it is not the code, so a renamed code renames the id.
      id: s.id === s.code ? null : s.id,
      title: s.title,
      level: s.level,
      text: s.description,
      footnotes: marksCell(s.descriptionFootnotes),
    },
    { kind: 'field', code: s.field.code, title: s.field.name },
    { kind: 'occupation', code: s.occupation.code, title: s.occupation.name },
    ...s.industries.map((c): Row => ({ kind: 'industry', code: c.code, title: c.name })),
  ]
  const usedBy = new Map<string, string[]>()
  const use = (code: string, task: string) => usedBy.set(code, [...(usedBy.get(code) ?? []), task])
  for (const duty of s.duties) {
    rows.push({
      kind: 'duty',
      code: duty.code,
      title: duty.title,
      footnotes: marksCell(duty.titleFootnotes),
    })
    for (const task of duty.tasks) {
      const at = { duty: duty.code, task: task.code }
      rows.push({
        kind: 'task',
        code: task.code,
        duty: duty.code,
        title: task.title,
        footnotes: marksCell(task.titleFootnotes),
      })
      for (const o of task.outputs)
        rows.push({
          kind: 'output',
          code: o.code,
          ...at,
          text: o.text,
          footnotes: marksCell(o.footnotes),
        })
      const outputs = task.outputs.map((o) => o.code).join(' ')
      for (const p of task.indicators)
        rows.push({
          kind: 'indicator',
          code: p.code,
          ...at,
          outputs,
          level: p.level,
          text: p.text,
          footnotes: marksCell(p.footnotes),
        })
      for (const k of [...task.knowledge, ...task.skills]) use(k, task.code)
    }
  }
  const item =
    (kind: 'knowledge' | 'skill') =>
    (k: Standard['knowledge'][number]): Row => ({
      kind,
      code: k.code,
      task: listCell(usedBy.get(k.code) ?? []),
      text: k.text,
      footnotes: marksCell(k.footnotes),
    })
  rows.push(...s.knowledge.map(item('knowledge')), ...s.skills.map(item('skill')))
  for (const a of s.attitudes)
    rows.push({
      kind: 'attitude',
      code: a.code,
      task: listCell(a.tasks),
      title: a.name,
      text: a.description,
      footnotes: marksCell(a.footnotes),
    })
  for (const f of s.footnotes) rows.push({ kind: 'footnote', code: f.n, text: f.text })
  for (const text of s.notes.general) rows.push({ kind: 'note', text })
  for (const text of s.notes.qualifications) rows.push({ kind: 'qualification', text })
  for (const n of s.notes.supplementary)
    rows.push({ kind: 'supplement', text: n.text, explains: listCell(n.explains) })
  for (const v of s.versions)
    rows.push({
      kind: 'version',
      version: v.version,
      code: v.code,
      title: v.title,
      status: v.status,
      text: v.note,
      date: v.date,
    })
  rows.push({ kind: 'source', title: s.source.document, text: s.source.extraction })
  for (const e of s.editorial)
    rows.push({
      kind: 'editorial',
      title: e.where,
      source: e.source,
      text: e.decision,
      lang: e.lang,
    })
  return rows
}

/** The standard as a filled template: every part of it, so that reading it back gives it again. */
export function templateOf(standard: Standard): string {
  return toCsv(TEMPLATE_COLUMNS, rowsOf(standard).map(toCells))
}

export type TemplateLang = 'zh-TW' | 'en'

/**
 * The header, a row of notes on every column, and one example row of every kind (its kind
 * written `#duty` …, so the reader skips it) in the person's language. Taking the `#` off every
 * example row gives a small standard that reads without a problem.
 */
export function blankTemplate(lang: TemplateLang): string {
  const words = lang === 'en' ? templateEn : templateZhTW
  const x = words.examples
  const notes = TEMPLATE_COLUMNS.map((c, i) =>
    i === 0 ? `# ${words.columns[c]}` : words.columns[c],
  )
  const example = (row: Row & { kind: TemplateKind }): CsvCell[] =>
    toCells({ ...row, kind: `#${row.kind}` })
  const rows: CsvCell[][] = [
    notes,
    [`# ${words.comments.examples}`],
    example({ kind: 'standard', code: '', title: x.title, level: 3, text: x.description }),
    example({ kind: 'field', code: 'TST', title: x.field }),
    example({ kind: 'occupation', code: '4222', title: x.occupation }),
    example({ kind: 'industry', code: 'G47', title: x.industry }),
    example({ kind: 'duty', code: 'T1', title: x.duty }),
    example({ kind: 'task', code: 'T1.1', duty: 'T1', title: x.task }),
    example({ kind: 'output', code: 'O1.1.1', duty: 'T1', task: 'T1.1', text: x.output }),
    example({
      kind: 'indicator',
      code: 'P1.1.1',
      duty: 'T1',
      task: 'T1.1',
      outputs: 'O1.1.1',
      level: 3,
      text: x.indicator,
      footnotes: `1: ${x.indicatorAnchor}`,
    }),
    example({ kind: 'knowledge', code: 'K01', task: 'T1.1', text: x.knowledge }),
    example({ kind: 'skill', code: 'S01', task: 'T1.1', text: x.skill }),
    example({
      kind: 'attitude',
      code: 'A01',
      task: 'T1.1',
      title: x.attitude,
      text: x.attitudeDescription,
    }),
    example({ kind: 'footnote', code: 1, text: x.footnote }),
    example({ kind: 'note', text: x.note }),
    example({ kind: 'qualification', text: x.qualification }),
    example({ kind: 'supplement', text: x.supplement, explains: 'K01' }),
    example({
      kind: 'version',
      version: 'V1',
      code: 'TST4222-001v1',
      title: x.title,
      status: x.versionStatus,
      text: x.versionNote,
      date: '2026-01-01',
    }),
    example({ kind: 'source', title: x.sourceDocument, text: x.sourceExtraction }),
    example({
      kind: 'editorial',
      title: x.editorialWhere,
      source: x.editorialSource,
      text: x.editorialDecision,
      lang: lang === 'en' ? 'en' : 'zh-Hant-TW',
    }),
  ]
  return toCsv(TEMPLATE_COLUMNS, rows)
}

// ---- reading ---------------------------------------------------------------------------------

class Refusal {
  constructor(readonly problems: TemplateProblem[]) {}
}

/**
 * Reads a filled template into a standard, checked by the standard schema, or the problems
 * found, each naming its line. `judgements` is empty: a template says what it means, and the
 * one decision the reader takes (an id for a standard without a code) is recorded in the
 * standard's editorial notes.
 */
export function readTemplate(text: string, options: TemplateOptions = {}): TemplateResult {
  try {
    return read(typeof text === 'string' ? text : '', options)
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problems: e.problems }
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [templateProblem('template-unreadable', { message }, 1)] }
  }
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
function checkText(input: string): void {
  if (input.length > TEMPLATE_MAX_LENGTH)
    throw new Refusal([
      templateProblem(
        'template-too-large',
        { limit: TEMPLATE_MAX_LENGTH, length: input.length },
        1,
      ),
    ])
  if (input.replace(/^\uFEFF/, '').trim() === '')
    throw new Refusal([templateProblem('template-empty', {}, 1)])
  // UTF-16 (Excel's "Unicode text") read as UTF-8 puts a NUL beside every Latin letter.
  const head = input.slice(0, 400)
  if ((head.match(/\u0000/g)?.length ?? 0) > head.length / 4)
    throw new Refusal([templateProblem('template-not-utf8', {}, 1)])
  const lines = input.split(/\r\n|\r|\n/)
  const hasCjk = CJK.test(input)
  let mojibake: number | null = null
  let runs = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (CONTROL.test(line)) throw new Refusal([templateProblem('template-not-text', {}, i + 1)])
    if (line.includes('\ufffd'))
      throw new Refusal([templateProblem('template-not-utf8', {}, i + 1)])
    if (!hasCjk && MOJIBAKE.test(line)) {
      mojibake ??= i + 1
      runs++
    }
  }
  // Two lines, so one accented name in an English standard ("Crème brûlée") is not taken for it.
  if (mojibake !== null && runs >= 2)
    throw new Refusal([templateProblem('template-not-utf8', {}, mojibake)])
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

interface RawRow {
  line: number
  cells: string[]
}

/**
 * Splits the text into rows of cells (RFC 4180, as Excel writes it), each with the line it
 * starts on. A quote opens a quoted cell only at the start of a cell; elsewhere it is a letter.
 */
function splitRows(input: string, sep: string): RawRow[] {
  const rows: RawRow[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let quoteLine = 1
  let line = 1
  let rowLine = 1
  let cellStart = true
  const endCell = () => {
    if (cell.length > TEMPLATE_MAX_CELL)
      throw new Refusal([
        templateProblem(
          'template-cell-too-long',
          { limit: TEMPLATE_MAX_CELL, length: cell.length },
          rowLine,
        ),
      ])
    cells.push(cell)
    cell = ''
    cellStart = true
  }
  const endRow = () => {
    endCell()
    rows.push({ line: rowLine, cells })
    if (rows.length > TEMPLATE_MAX_ROWS)
      throw new Refusal([
        templateProblem(
          'template-too-many-rows',
          { limit: TEMPLATE_MAX_ROWS, rows: rows.length },
          rowLine,
        ),
      ])
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
  if (quoted) throw new Refusal([templateProblem('template-unclosed-quote', {}, quoteLine)])
  if (cell !== '' || cells.length > 0) endRow()
  return rows
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

interface Line {
  kind: TemplateKind
  line: number
  get: (column: TemplateColumn) => string
}

const PATTERNS: Partial<Record<TemplateKind, RegExp>> = {
  duty: /^T\d+$/,
  task: /^T\d+\.\d+$/,
  output: /^O\d+\.\d+\.\d+$/,
  indicator: /^P\d+\.\d+\.\d+$/,
  knowledge: /^K\d{2,}$/,
  skill: /^S\d{2,}$/,
  attitude: /^A\d{2,}$/,
}
const TASK_CODE = /^T\d+\.\d+$/
const ITEM_CODE = /^[KSA]\d{2,}$/
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/** A code as a person may type it: full-width letters and lower case made the standard's. */
const normCode = (raw: string) => raw.normalize('NFKC').trim().toUpperCase()
const listOf = (raw: string) =>
  raw
    .normalize('NFKC')
    .split(/[\s,;、，；]+/)
    .filter((t) => t !== '')

function read(input: string, options: TemplateOptions): TemplateResult {
  checkText(input)
  let body = input.replace(/^\uFEFF/, '')
  // Excel's own hint for the separator, a first line `sep=;`, which some people add by hand.
  const hint = /^sep=(.)\r?\n/i.exec(body)
  const separator = hint ? hint[1]! : separatorOf(body)
  // Kept as an empty line, so every line number is still the file's.
  if (hint) body = `\n${body.slice(hint[0].length)}`
  const rows = splitRows(body, separator)

  // ---- header ---------------------------------------------------------------------------
  const headerRow = rows.find((r) => !isBlank(r.cells) && !isComment(r.cells[0]))
  if (!headerRow) throw new Refusal([templateProblem('template-no-header', {}, 1)])
  const problems: TemplateProblem[] = []
  const add = (p: TemplateProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p)
  }
  const columns = new Map<TemplateColumn, number>()
  const known = new Set<string>(TEMPLATE_COLUMNS)
  headerRow.cells.forEach((raw, i) => {
    const name = raw.normalize('NFKC').trim()
    if (name === '' || name.startsWith('#')) return
    const key = /^([A-Za-z_]+)(?![A-Za-z0-9])/.exec(name)?.[1]?.toLowerCase() ?? ''
    if (!known.has(key)) {
      add(templateProblem('template-unknown-column', { column: name }, headerRow.line))
      return
    }
    const column = key as TemplateColumn
    if (columns.has(column))
      add(templateProblem('template-duplicate-column', { column }, headerRow.line))
    else columns.set(column, i)
  })
  if (!columns.has('kind'))
    throw new Refusal([templateProblem('template-no-header', {}, headerRow.line)])
  for (const column of TEMPLATE_REQUIRED_COLUMNS)
    if (!columns.has(column))
      add(templateProblem('template-missing-column', { column }, headerRow.line))
  if (problems.length > 0) throw new Refusal(problems)

  // ---- rows -----------------------------------------------------------------------------
  const named = new Set(columns.values())
  const kindAt = columns.get('kind')!
  const lines: Line[] = []
  for (const row of rows.slice(rows.indexOf(headerRow) + 1)) {
    if (isBlank(row.cells) || isComment(row.cells[0]) || isComment(row.cells[kindAt])) continue
    const extra = row.cells.findIndex((c, i) => !named.has(i) && c.trim() !== '')
    if (extra >= 0) {
      add(templateProblem('template-extra-cells', { column: columnLetter(extra) }, row.line))
      continue
    }
    const rawKind = clean(row.cells[kindAt] ?? '')
      .normalize('NFKC')
      .toLowerCase()
    const kind = (TEMPLATE_KINDS as readonly string[]).includes(rawKind)
      ? (rawKind as TemplateKind)
      : KIND_ALIASES[rawKind]
    if (!kind) {
      add(
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
  if (problems.length > 0) throw new Refusal(problems)
  if (lines.length === 0)
    throw new Refusal([templateProblem('template-no-rows', {}, headerRow.line)])

  return build(lines, headerRow.line, options, add, problems)
}

type Add = (p: TemplateProblem) => void

/** From rows to a standard: every cross-reference checked with its line before the schema. */
function build(
  lines: Line[],
  headerLine: number,
  options: TemplateOptions,
  add: Add,
  problems: TemplateProblem[],
): TemplateResult {
  const of = (kind: TemplateKind) => lines.filter((l) => l.kind === kind)
  const nameOf = (l: Line) => l.get('code') || l.get('title') || l.get('text').slice(0, 20)

  /** A cell the row's kind needs; '' (and a problem) where it is empty. */
  const need = (l: Line, column: TemplateColumn): string => {
    const value = l.get(column)
    if (value === '')
      add(
        templateProblem(
          'template-missing-value',
          { kind: l.kind, code: nameOf(l), column },
          l.line,
        ),
      )
    return value
  }
  const once = (kind: TemplateKind, required: boolean): Line | null => {
    const found = of(kind)
    if (found.length === 0 && required)
      add(templateProblem('template-missing-row', { kind }, headerLine))
    found
      .slice(1)
      .forEach((l) =>
        add(templateProblem('template-repeated-row', { kind, first: found[0]!.line }, l.line)),
      )
    return found[0] ?? null
  }
  const levelOf = (l: Line, code: string): number => {
    const raw = need(l, 'level')
    if (raw === '') return 0
    const value = raw.normalize('NFKC').trim()
    const n = /^\d+(\.0+)?$/.test(value) ? Number.parseInt(value, 10) : NaN
    if (!(n >= 1 && n <= 6)) {
      add(templateProblem('template-bad-level', { kind: l.kind, code, value: raw }, l.line))
      return 0
    }
    return n
  }

  // Codes of duties, tasks, outputs, indicators and items share one namespace, as in the schema.
  const firstLine = new Map<string, number>()
  const codeOf = (l: Line): string | null => {
    const raw = need(l, 'code')
    if (raw === '') return null
    const code = normCode(raw)
    if (!PATTERNS[l.kind]!.test(code)) {
      add(templateProblem('template-bad-code', { kind: l.kind, value: raw }, l.line))
      return null
    }
    const first = firstLine.get(code)
    if (first !== undefined) {
      add(templateProblem('template-duplicate-code', { code, first }, l.line))
      return null
    }
    firstLine.set(code, l.line)
    return code
  }

  // Which row each part of the standard came from, to place the schema's issues.
  const lineOf = new Map<object, number>()
  const at = <T extends object>(value: T, l: Line): T => {
    lineOf.set(value, l.line)
    return value
  }

  // ---- footnotes first: marks on every other row refer to them ---------------------------
  const footnotes: { n: number; text: string }[] = []
  const noteLine = new Map<number, number>()
  for (const l of of('footnote')) {
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
  const withMarks = <K extends string>(key: K, refs: FootnoteRef[] | undefined) =>
    (refs === undefined ? {} : { [key]: refs }) as Partial<Record<K, FootnoteRef[]>>

  // ---- the standard's own rows ---------------------------------------------------------------
  const standardRow = once('standard', true)
  const classification = (l: Line | null) =>
    l ? { name: need(l, 'title'), code: need(l, 'code') } : { name: '', code: '' }
  const field = classification(once('field', true))
  const occupation = classification(once('occupation', true))
  const industryRows = of('industry')
  if (industryRows.length === 0)
    add(templateProblem('template-missing-row', { kind: 'industry' }, headerLine))
  const industries = industryRows.map((l) => classification(l))
  const sourceRow = once('source', false)

  let title = ''
  let code: string | null = null
  let id = ''
  let level = 0
  let description = ''
  let descriptionFootnotes: FootnoteRef[] | undefined
  const editorial: EditorialNote[] = []
  if (standardRow) {
    title = need(standardRow, 'title')
    code = standardRow.get('code') || null
    level = levelOf(standardRow, code ?? title)
    description = need(standardRow, 'text')
    descriptionFootnotes = marksOf(standardRow)
    const ownId = standardRow.get('id')
    if (ownId !== '') {
      if (ID.test(ownId)) id = ownId
      else
        add(
          templateProblem(
            'template-bad-code',
            { kind: 'standard', value: ownId },
            standardRow.line,
          ),
        )
    } else if (code !== null) {
      if (ID.test(code)) id = code
      else
        add(
          templateProblem('template-bad-code', { kind: 'standard', value: code }, standardRow.line),
        )
    } else {
      id = `${field.code}${occupation.code}-${shortHash(title)}`.replace(/[^A-Za-z0-9._-]/g, '')
      if (!ID.test(id)) id = `standard-${shortHash(title)}`
      editorial.push({
        where: 'id, code',
        source: 'code (empty)',
        decision: `The standard has no code yet: code is null, and the file id ${id} is GapLens’s own, built from its field (${field.code}) and occupation (${occupation.code}) codes and a hash of its title. It is not an iCAP code.`,
        lang: 'en',
      })
    }
  }

  // ---- duties and tasks --------------------------------------------------------------------
  interface DutyDraft {
    code: string
    title: string
    titleFootnotes?: FootnoteRef[]
    tasks: TaskDraft[]
  }
  interface TaskDraft {
    code: string
    title: string
    titleFootnotes?: FootnoteRef[]
    outputs: { code: string; text: string; footnotes?: FootnoteRef[] }[]
    indicators: { code: string; text: string; level: number; footnotes?: FootnoteRef[] }[]
    knowledge: string[]
    skills: string[]
  }
  const duties = new Map<string, DutyDraft>()
  const dutyLines = new Map<string, Line>()
  for (const l of of('duty')) {
    const c = codeOf(l)
    const t = need(l, 'title')
    const marks = marksOf(l)
    if (c === null) continue
    duties.set(c, at({ code: c, title: t, ...withMarks('titleFootnotes', marks), tasks: [] }, l))
    dutyLines.set(c, l)
  }
  const tasks = new Map<string, { duty: string; draft: TaskDraft; line: Line }>()
  for (const l of of('task')) {
    const c = codeOf(l)
    const t = need(l, 'title')
    const marks = marksOf(l)
    if (c === null) continue
    const implied = c.slice(0, c.indexOf('.'))
    const given = l.get('duty') === '' ? implied : normCode(l.get('duty'))
    if (given !== implied) {
      add(templateProblem('template-task-outside-duty', { task: c, duty: given }, l.line))
      continue
    }
    const duty = duties.get(given)
    if (!duty) {
      add(templateProblem('template-unknown-duty', { kind: 'task', code: c, duty: given }, l.line))
      continue
    }
    const draft: TaskDraft = at(
      {
        code: c,
        title: t,
        ...withMarks('titleFootnotes', marks),
        outputs: [],
        indicators: [],
        knowledge: [],
        skills: [],
      },
      l,
    )
    duty.tasks.push(draft)
    tasks.set(c, { duty: given, draft, line: l })
  }

  /** The task a row names (and the duty it may name with it), or null with a problem. */
  const taskOf = (l: Line, c: string) => {
    const raw = need(l, 'task')
    if (raw === '') return null
    const t = normCode(raw)
    const task = tasks.get(t)
    if (!task) {
      // A duty that does not exist is the first thing to fix, so it is the one named.
      const duty = l.get('duty') === '' ? null : normCode(l.get('duty'))
      if (duty !== null && !duties.has(duty))
        add(templateProblem('template-unknown-duty', { kind: l.kind, code: c, duty }, l.line))
      else add(templateProblem('template-unknown-task', { kind: l.kind, code: c, task: t }, l.line))
      return null
    }
    const duty = l.get('duty')
    if (duty !== '' && normCode(duty) !== task.duty) {
      add(templateProblem('template-task-outside-duty', { task: t, duty: normCode(duty) }, l.line))
      return null
    }
    return task.draft
  }

  for (const l of of('output')) {
    const c = codeOf(l)
    const text = need(l, 'text')
    const marks = marksOf(l)
    if (c === null) continue
    const task = taskOf(l, c)
    if (task) task.outputs.push(at({ code: c, text, ...withMarks('footnotes', marks) }, l))
  }
  const outputChecks: { l: Line; c: string; task: TaskDraft }[] = []
  for (const l of of('indicator')) {
    const c = codeOf(l)
    const text = need(l, 'text')
    const level = levelOf(l, c ?? l.get('code'))
    const marks = marksOf(l)
    if (c === null) continue
    const task = taskOf(l, c)
    if (!task) continue
    task.indicators.push(at({ code: c, text, level, ...withMarks('footnotes', marks) }, l))
    outputChecks.push({ l, c, task })
  }
  // After every output row is read, so an output row below its indicators still counts.
  for (const { l, c, task } of outputChecks)
    for (const o of listOf(l.get('outputs')))
      if (!task.outputs.some((x) => x.code === normCode(o)))
        add(
          templateProblem(
            'template-unknown-output',
            { code: c, task: task.code, output: o },
            l.line,
          ),
        )

  // Only where nothing else is wrong: a task left empty by a bad indicator row would be noise.
  if (problems.length === 0) {
    for (const [c, duty] of duties)
      if (duty.tasks.length === 0)
        add(templateProblem('template-duty-without-tasks', { duty: c }, dutyLines.get(c)!.line))
    for (const [c, task] of tasks)
      if (task.draft.indicators.length === 0)
        add(templateProblem('template-task-without-indicators', { task: c }, task.line.line))
  }

  // ---- K, S and A items ------------------------------------------------------------------
  /** The task codes a K, S or A row serves; undefined for an empty cell. */
  const servedBy = (l: Line, c: string): string[] | undefined => {
    const raw = l.get('task')
    if (raw === '') return undefined
    if (raw.toLowerCase() === NONE) return []
    const codes: string[] = []
    for (const token of listOf(raw)) {
      const t = token.toUpperCase()
      if (!TASK_CODE.test(t)) {
        add(templateProblem('template-bad-code', { kind: 'task', value: token }, l.line))
        continue
      }
      if (!tasks.has(t)) {
        add(templateProblem('template-unknown-task', { kind: l.kind, code: c, task: t }, l.line))
        continue
      }
      if (!codes.includes(t)) codes.push(t)
    }
    return codes
  }
  const items = (kind: 'knowledge' | 'skill') =>
    of(kind).flatMap((l) => {
      const c = codeOf(l)
      const text = need(l, 'text')
      const marks = marksOf(l)
      if (c === null) return []
      if (l.get('task') === '') {
        need(l, 'task')
        return []
      }
      for (const t of servedBy(l, c) ?? []) {
        const task = tasks.get(t)!.draft
        ;(kind === 'knowledge' ? task.knowledge : task.skills).push(c)
      }
      return [at({ code: c, text, ...withMarks('footnotes', marks) }, l)]
    })
  const knowledge = items('knowledge')
  const skills = items('skill')
  const attitudes = of('attitude').flatMap((l) => {
    const c = codeOf(l)
    const name = need(l, 'title')
    const description = need(l, 'text')
    const marks = marksOf(l)
    if (c === null) return []
    const served = servedBy(l, c)
    return [
      at(
        {
          code: c,
          name,
          description,
          ...withMarks('footnotes', marks),
          ...(served === undefined ? {} : { tasks: served }),
        },
        l,
      ),
    ]
  })

  // ---- notes, versions, source, editorial -------------------------------------------------
  const itemCodes = new Set([...knowledge, ...skills, ...attitudes].map((i) => i.code))
  const general = of('note').map((l) => need(l, 'text'))
  const qualifications = of('qualification').map((l) => need(l, 'text'))
  const supplementary = of('supplement').map((l) => {
    const text = need(l, 'text')
    const raw = l.get('explains')
    if (raw === '') return at({ text }, l)
    const explains = raw.toLowerCase() === NONE ? [] : listOf(raw).map((c) => c.toUpperCase())
    for (const c of explains)
      if (!ITEM_CODE.test(c) || !itemCodes.has(c))
        add(templateProblem('template-unknown-item', { item: c }, l.line))
    return at({ text, explains }, l)
  })
  const versions = of('version').map((l) => {
    const entry = {
      version: need(l, 'version'),
      code: need(l, 'code'),
      title: need(l, 'title'),
      status: need(l, 'status'),
    }
    const note = l.get('text')
    const date = dateOf(l.get('date'))
    if (date === null) add(templateProblem('template-bad-date', { value: l.get('date') }, l.line))
    return at({ ...entry, ...(note ? { note } : {}), ...(date ? { date } : {}) }, l)
  })
  const source = sourceRow
    ? { document: need(sourceRow, 'title'), extraction: need(sourceRow, 'text') }
    : {
        document: code ? `${title} ${code}` : title,
        extraction: options.sourceName ?? 'CSV template',
      }
  for (const l of of('editorial')) {
    const lang = need(l, 'lang')
    if (lang !== '' && !LANG.test(lang))
      add(templateProblem('template-bad-lang', { value: lang }, l.line))
    editorial.push(
      at({ where: need(l, 'title'), source: l.get('source'), decision: need(l, 'text'), lang }, l),
    )
  }

  if (problems.length > 0) throw new Refusal([...problems].sort((a, b) => a.line - b.line))

  // ---- the schema, last ------------------------------------------------------------------------
  const candidate = {
    ...(options.schemaRef !== undefined ? { $schema: options.schemaRef } : {}),
    formatVersion: STANDARD_FORMAT_VERSION,
    id,
    code,
    title,
    level,
    field,
    occupation,
    industries,
    description,
    ...withMarks('descriptionFootnotes', descriptionFootnotes),
    duties: [...duties.values()],
    knowledge,
    skills,
    attitudes,
    footnotes,
    notes: { general, qualifications, supplementary },
    versions,
    source,
    editorial,
  }
  if (standardRow) lineOf.set(candidate, standardRow.line)
  const checked = Standard.safeParse(candidate)
  if (!checked.success) {
    const lineAt = (path: PropertyKey[]): number => {
      let node: unknown = candidate
      let line = lineOf.get(candidate) ?? headerLine
      for (const key of path) {
        if (node === null || typeof node !== 'object') break
        node = (node as Record<PropertyKey, unknown>)[key]
        if (node !== null && typeof node === 'object') line = lineOf.get(node) ?? line
      }
      return line
    }
    throw new Refusal(
      checked.error.issues
        .slice(0, MAX_SCHEMA_ISSUES)
        .map((issue) =>
          templateProblem(
            'template-invalid',
            { path: issue.path.map(String).join('.'), message: issueText(issue) },
            lineAt(issue.path),
          ),
        ),
    )
  }
  return { ok: true, standard: checked.data, judgements: [] }
}

/** A schema issue as words: a cross-reference check's own problem and names, else zod's. */
function issueText(issue: { message: string; params?: unknown }): string {
  const p = issue.params as { problem?: unknown; params?: Record<string, unknown> } | undefined
  if (p && typeof p.problem === 'string')
    return `${p.problem}${p.params ? `: ${Object.values(p.params).join(', ')}` : ''}`
  return issue.message
}

/** A version date as the schema keeps it, from ISO or Excel's 2024/12/15; '' for none. */
function dateOf(raw: string): string | null {
  if (raw === '') return ''
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.normalize('NFKC').trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
