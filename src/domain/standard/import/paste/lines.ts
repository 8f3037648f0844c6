/**
 * The first step of reading a paste: the text checked as a whole (size, line length, control
 * characters) and cut into lines, and the lines where its sections begin: the header above the
 * table, the table (from its 主要職責 / 工作任務 … header row), the attitudes and the notes.
 */
import { pasteProblem, refuse } from './problems'

export const PASTE_MAX_LENGTH = 2_000_000
export const PASTE_MAX_LINE = 50_000

/** The lines of the paste, or a refusal (thrown) for a text that is no paste of a standard. */
export function linesOfPaste(input: string): string[] {
  if (input.length > PASTE_MAX_LENGTH)
    refuse(
      [],
      pasteProblem('paste-too-large', { limit: PASTE_MAX_LENGTH, length: input.length }, 1),
    )
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (lines.every((l) => l.trim() === '')) refuse([], pasteProblem('paste-empty', {}, 1))
  lines.forEach((l, i) => {
    if (l.length > PASTE_MAX_LINE)
      refuse(
        [],
        pasteProblem('paste-line-too-long', { limit: PASTE_MAX_LINE, length: l.length }, i + 1),
      )
    if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(l))
      refuse([], pasteProblem('paste-not-text', {}, i + 1))
  })
  return lines
}

/** The table's header row, repeated at every page break of the published table. */
export const isTableHeader = (l: string) => /^\s*主要職責[\t ]+工作任務/.test(l)
const isAttitudeHeading = (l: string) => /^\s*職能內涵\s*[(（]\s*A\s*=\s*attitude/i.test(l)
const isNotesHeading = (l: string) => /^\s*說明與補充事項\s*$/.test(l)

/** Where the sections begin, as 0-based line indexes. */
export interface Sections {
  /** The table's first header row; the lines above are the standard's header. */
  tableStart: number
  /** The line after the table: the attitudes' or notes' heading, or the end. */
  tableEnd: number
  /** The attitudes' heading (or the notes', for a standard without attitudes). */
  attitudeStart: number | null
  notesStart: number | null
}

/** The sections of the lines, or a refusal (thrown) where there is no table. */
export function sectionsOf(lines: string[]): Sections {
  const tableStart = lines.findIndex(isTableHeader)
  if (tableStart < 0) refuse([], pasteProblem('paste-no-table', {}, 1))
  const after = (test: (l: string) => boolean) => {
    const i = lines.findIndex((l, j) => j > tableStart && test(l))
    return i < 0 ? null : i
  }
  const notesStart = after(isNotesHeading)
  const attitudeStart = after((l) => isAttitudeHeading(l) || isNotesHeading(l))
  return { tableStart, tableEnd: attitudeStart ?? lines.length, attitudeStart, notesStart }
}
