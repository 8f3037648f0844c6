/**
 * The judgements the paste parser makes, as records the preview lists for the person to
 * confirm or change. Each one that the standard's `editorial` list records carries its entry
 * (`note`), worded as the bundled files word theirs; a judgement folded into another's entry
 * (one footnote anchor among many) has `note: null`.
 */
import type { EditorialNote } from '../../schema'

export type JudgementKind =
  /** The standard has no 職能基準代碼: the id is ours. value: the id. */
  | 'no-code'
  /** An empty K/S cell read as part of the merged cell above. value: true (spread). */
  | 'merged-cell'
  /** Spaces inside Chinese words removed. value: true (joined). */
  | 'words-joined'
  /** An empty 職能級別 cell. value: the level read. */
  | 'empty-level'
  /**
   * A code that looks mistyped (O2.31), or another task's code repeated by mistake (an output
   * of T2.1 printed as O2.2.1). value: the code used.
   */
  | 'code-fixed'
  /** Footnote marks and HTML taken out of the text. value: true. */
  | 'footnote-marks'
  /** The words a footnote mark follows. value: the words ('' = the whole item). */
  | 'footnote-anchor'
  /** A cell split by a page break joined again. value: true. */
  | 'cell-joined'
  /** A footnote split by a page break joined again. value: true. */
  | 'footnote-joined'
  /** An empty K/S cell kept empty (the standard lists K and S per task). value: false (not spread). */
  | 'empty-cell'
  /** Tasks with an empty 工作產出 cell. value: true. */
  | 'no-output'
  /** K/S items repeated under several tasks listed once. value: true. */
  | 'items-deduplicated'
  /** Supplementary notes linked to the K, S or A items they explain. value: true. */
  | 'notes-linked'
  /** One supplementary note's link. value: the codes, comma-separated ('' = none). */
  | 'note-link'
  /** The attitude matrix (or its absence). value: true. */
  | 'attitude-matrix'

export interface Judgement {
  /** Stable across parses of the same text: answers are keyed by it. */
  id: string
  kind: JudgementKind
  /** 1-based line of the paste where the judgement was made. */
  line: number
  value: string | number | boolean
  note: EditorialNote | null
}

/** A person's answer to a judgement: another value, and/or their own wording of the decision. */
export interface JudgementAnswer {
  value?: string | number | boolean
  decision?: string
  /** The language of `decision` (BCP 47); without it, the one its script shows. */
  lang?: string
}

/** The editorial entries of a list of judgements, in order. */
export function editorialOf(judgements: Judgement[]): EditorialNote[] {
  return judgements.flatMap((j) => (j.note ? [j.note] : []))
}

/** The order the editorial list follows, kind by kind (the bundled files' order). */
export const KIND_ORDER: JudgementKind[] = [
  'no-code',
  'merged-cell',
  'words-joined',
  'empty-level',
  'code-fixed',
  'footnote-marks',
  'footnote-anchor',
  'cell-joined',
  'footnote-joined',
  'empty-cell',
  'no-output',
  'items-deduplicated',
  'notes-linked',
  'note-link',
  'attitude-matrix',
]
