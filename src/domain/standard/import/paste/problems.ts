/**
 * What can be wrong with a pasted standard text, as data: a code, its parameters and the 1-based
 * line of the paste. The interface words each code (src/i18n); nothing here knows a language.
 */
import { Refusal } from '../refusal'

export interface PasteProblemParams {
  /** Nothing but white space was pasted. */
  'paste-empty': Record<string, never>
  /** The paste is longer than any standard (a limit in characters). */
  'paste-too-large': { limit: number; length: number }
  /** A line longer than any row of a standard. */
  'paste-line-too-long': { limit: number; length: number }
  /** Control characters: the paste is not text (a binary file's bytes). */
  'paste-not-text': Record<string, never>
  /** No 主要職責 / 工作任務 … table header: not the text of a 職能基準. */
  'paste-no-table': Record<string, never>
  /** A header field the standard needs is missing (title, level, description, classification). */
  'paste-missing-field': { field: PasteField }
  /** 行業別 names and codes that cannot be paired: a different number of each. */
  'paste-industries-unpaired': { names: number; codes: number }
  /** A 職能級別 or 基準級別 that is not 1–6. */
  'paste-bad-level': { value: string }
  /** A table row with more cells than the table has columns. */
  'paste-bad-row': { cells: number; expected: number }
  /** Text in a table cell before its first code (an item without a code). */
  'paste-text-without-code': { text: string }
  /** A code in the wrong column (an indicator code in the output cell …). */
  'paste-code-misplaced': { code: string; column: PasteColumn }
  /** A task row before any duty, or indicators before any task. */
  'paste-orphan-row': Record<string, never>
  /** Two items with the same code. */
  'paste-duplicate-code': { code: string }
  /** A task with no behaviour indicator. */
  'paste-task-without-indicators': { task: string }
  /** A row of the attitude √ matrix whose cells do not match its header. */
  'paste-bad-matrix-row': { cells: number; expected: number }
  /** A footnote mark with no footnote, or a footnote defined twice. */
  'paste-footnote-missing': { n: number }
  /** The standard read from the text fails the standard schema (a path and the rule). */
  'paste-invalid': { path: string; message: string }
  /** The reader itself failed (a bug): the paste is refused rather than half read. */
  'paste-unreadable': { message: string }
}
export type PasteProblemCode = keyof PasteProblemParams

export type PasteField = 'title' | 'level' | 'description' | 'field' | 'occupation' | 'industry'
export type PasteColumn =
  'duty' | 'task' | 'outputs' | 'indicators' | 'level' | 'knowledge' | 'skills'

export type PasteProblem = {
  [C in PasteProblemCode]: { code: C; params: PasteProblemParams[C]; line: number }
}[PasteProblemCode]

export function pasteProblem<C extends PasteProblemCode>(
  code: C,
  params: PasteProblemParams[C],
  line: number,
): PasteProblem {
  return { code, params, line } as PasteProblem
}

/** Stops the reading: the problems found so far, and the one that stops it. */
export function refuse(found: readonly PasteProblem[], problem: PasteProblem): never {
  throw new Refusal([...found, problem])
}
