/**
 * The CSV template of a standard, written: how a company writes its own 職能基準 in a spreadsheet,
 * and how a bundled standard is handed out to be changed. `templateOf` writes a standard as a
 * filled template, `blankTemplateOf` the header with a row of column notes and example rows in
 * the words it is given. ./read reads a filled template back. Pure: no DOM, no storage.
 *
 * The file is CSV as the project writes it (../../../io/csv: UTF-8 with a BOM, CRLF, RFC 4180
 * quoting, a leading apostrophe before a text cell that a spreadsheet would run as a formula).
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
 * | id        | standard | the file id; empty: the code, or for a standard without a code an id derived from it (./build) |
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
 */
import { toCsv, type CsvCell } from '../../../io/csv'
import type { FootnoteRef, Standard } from '../../schema'
import { NONE, TEMPLATE_COLUMNS, type TemplateColumn, type TemplateKind } from './format'

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

/** The words of an example row of the blank template: a small standard of one task. */
export type BlankTemplateExample =
  | 'title'
  | 'description'
  | 'field'
  | 'occupation'
  | 'industry'
  | 'duty'
  | 'task'
  | 'output'
  | 'indicator'
  | 'indicatorAnchor'
  | 'knowledge'
  | 'skill'
  | 'attitude'
  | 'attitudeDescription'
  | 'footnote'
  | 'note'
  | 'qualification'
  | 'supplement'
  | 'versionStatus'
  | 'versionNote'
  | 'sourceDocument'
  | 'sourceExtraction'
  | 'editorialWhere'
  | 'editorialSource'
  | 'editorialDecision'

/** The words of the blank template in one language: the interface's (src/i18n) supplies them. */
export interface BlankTemplateWords {
  /** What each column holds, for the row of notes under the header. */
  columns: Record<TemplateColumn, string>
  comments: { examples: string }
  examples: Record<BlankTemplateExample, string>
}

/**
 * The header, a row of notes on every column, and one example row of every kind (its kind
 * written `#duty` …, so the reader skips it), in the words given; `lang` is their language tag
 * (BCP 47), for the example editorial note. Taking the `#` off every example row gives a small
 * standard that reads without a problem.
 */
export function blankTemplateOf(words: BlankTemplateWords, lang: string): string {
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
      lang,
    }),
  ]
  return toCsv(TEMPLATE_COLUMNS, rows)
}
