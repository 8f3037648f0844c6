/**
 * What can be wrong with a filled CSV template of a standard, as data: a code, its parameters
 * and the 1-based line of the file where the row starts (a quoted cell may span lines, so a
 * row's line is not its index). The shape is the paste parser's (../paste/problems); the
 * interface words each code (src/i18n/template-problems.ts), nothing here knows a language.
 */
import type { TemplateColumn, TemplateKind } from './format'

export interface TemplateProblemParams {
  /** Nothing but white space (or a byte-order mark). */
  'template-empty': Record<string, never>
  /** Longer than any standard's template (a limit in characters). */
  'template-too-large': { limit: number; length: number }
  /** More rows than any standard has. */
  'template-too-many-rows': { limit: number; rows: number }
  /** One cell longer than any text of a standard. */
  'template-cell-too-long': { limit: number; length: number }
  /** Control characters: the file is not text (a spreadsheet's binary .xlsx, a picture …). */
  'template-not-text': Record<string, never>
  /** U+FFFD or mojibake: saved in another encoding than UTF-8 (Excel's plain "CSV"). */
  'template-not-utf8': Record<string, never>
  /** A quote opened and never closed: the rest of the file would be one cell. */
  'template-unclosed-quote': Record<string, never>
  /** No header row naming the `kind` column. */
  'template-no-header': Record<string, never>
  /** A column the template needs is not in the header row. */
  'template-missing-column': { column: TemplateColumn }
  /** A header cell that names no column of the template. */
  'template-unknown-column': { column: string }
  /** Two header cells naming the same column. */
  'template-duplicate-column': { column: TemplateColumn }
  /** A row with text in a column the header does not name (a spreadsheet letter: Q). */
  'template-extra-cells': { column: string }
  /** A header and no row of the standard (examples and comments only, as the blank template). */
  'template-no-rows': Record<string, never>
  /** A `kind` cell that is no kind of row. */
  'template-unknown-kind': { kind: string }
  /** A row of a kind the standard needs exactly once is not there. */
  'template-missing-row': { kind: TemplateKind }
  /** A row of a kind the standard holds only once is there twice. */
  'template-repeated-row': { kind: TemplateKind; first: number }
  /** A cell the row's kind needs is empty. */
  'template-missing-value': { kind: TemplateKind; code: string; column: TemplateColumn }
  /** A competency or standard level that is not a whole number 1–6. */
  'template-bad-level': { kind: TemplateKind; code: string; value: string }
  /** A code that does not have the form of its kind (T1, T1.1, O1.1.1, P1.1.1, K01 …). */
  'template-bad-code': { kind: TemplateKind; value: string }
  /** Two rows with the same code. */
  'template-duplicate-code': { code: string; first: number }
  /** A row naming a duty that has no duty row. */
  'template-unknown-duty': { kind: TemplateKind; code: string; duty: string }
  /** A row naming a task that has no task row (an indicator's task, a K/S/A item's tasks). */
  'template-unknown-task': { kind: TemplateKind; code: string; task: string }
  /** An indicator naming an output that is not one of its task's. */
  'template-unknown-output': { code: string; task: string; output: string }
  /** A task, or a row's task, that is not in the duty the row names. */
  'template-task-outside-duty': { task: string; duty: string }
  /** A duty row with no task row under it. */
  'template-duty-without-tasks': { duty: string }
  /** A task row with no indicator row under it. */
  'template-task-without-indicators': { task: string }
  /** A supplementary note naming a K, S or A item that has no row. */
  'template-unknown-item': { item: string }
  /** A footnotes cell that does not read as marks (`1`, `2: the words`). */
  'template-bad-footnote-mark': { value: string }
  /** A footnote mark with no footnote row. */
  'template-unknown-footnote': { n: number }
  /** A date that is not a calendar date (2024-12-15, or Excel's 2024/12/15). */
  'template-bad-date': { value: string }
  /** A language that is not a language tag (zh-Hant-TW, en). */
  'template-bad-lang': { value: string }
  /** The standard read from the rows fails the standard schema (a path and the rule). */
  'template-invalid': { path: string; message: string }
  /** The reader itself failed (a bug): the file is refused rather than half read. */
  'template-unreadable': { message: string }
}
export type TemplateProblemCode = keyof TemplateProblemParams

// A record, so the compiler refuses a code added to the params and not here.
const CODES: Record<TemplateProblemCode, true> = {
  'template-empty': true,
  'template-too-large': true,
  'template-too-many-rows': true,
  'template-cell-too-long': true,
  'template-not-text': true,
  'template-not-utf8': true,
  'template-unclosed-quote': true,
  'template-no-header': true,
  'template-missing-column': true,
  'template-unknown-column': true,
  'template-duplicate-column': true,
  'template-extra-cells': true,
  'template-no-rows': true,
  'template-unknown-kind': true,
  'template-missing-row': true,
  'template-repeated-row': true,
  'template-missing-value': true,
  'template-bad-level': true,
  'template-bad-code': true,
  'template-duplicate-code': true,
  'template-unknown-duty': true,
  'template-unknown-task': true,
  'template-unknown-output': true,
  'template-task-outside-duty': true,
  'template-duty-without-tasks': true,
  'template-task-without-indicators': true,
  'template-unknown-item': true,
  'template-bad-footnote-mark': true,
  'template-unknown-footnote': true,
  'template-bad-date': true,
  'template-bad-lang': true,
  'template-invalid': true,
  'template-unreadable': true,
}
/** Every problem code, so tests and the catalog can be checked against the list. */
export const TEMPLATE_PROBLEM_CODES = Object.keys(CODES) as TemplateProblemCode[]

export type TemplateProblem = {
  [C in TemplateProblemCode]: { code: C; params: TemplateProblemParams[C]; line: number }
}[TemplateProblemCode]

export function templateProblem<C extends TemplateProblemCode>(
  code: C,
  params: TemplateProblemParams[C],
  line: number,
): TemplateProblem {
  return { code, params, line } as TemplateProblem
}

/** The problems a reading has found so far, kept up to a bound. */
export interface TemplateProblemList {
  readonly list: TemplateProblem[]
  add: (problem: TemplateProblem) => void
}

/** A list that keeps the first `max` problems: enough to fix a file, bounded for a hostile one. */
export function templateProblemList(max: number): TemplateProblemList {
  const list: TemplateProblem[] = []
  return {
    list,
    add: (problem) => {
      if (list.length < max) list.push(problem)
    },
  }
}
