/**
 * Reads the text of a published 職能基準 as it comes when the whole document is selected and
 * copied (the shape of shared/seeds/*.txt) into a GapLens standard, with every judgement the
 * reading needed (see ./judgements). Pure: no DOM, no storage; never throws.
 *
 * The person answers judgements in the preview; the app parses again with those answers (a
 * seed takes a few milliseconds), so the standard and its `editorial` list always agree.
 *
 * Reading, line by line: the lines and their sections (./lines), the header (./header), the
 * table's rows of cells (./table), the attitudes (./attitudes), the notes (./notes). Building,
 * with the judgements: duties and tasks (./tasks), mistyped codes (./codes), levels (./levels),
 * K and S lists (./ks-lists), clean texts and footnote marks (./cleaning), the standard's parts
 * (./build), the summing judgements (./summaries, ./supplementary), the id, the editorial list
 * and the schema (./standard).
 */
import { STANDARD_FORMAT_VERSION, type EditorialNote, type Standard } from '../../schema'
import { readAttitudes } from './attitudes'
import { buildParts } from './build'
import { cleanerOf } from './cleaning'
import { fixCodes } from './codes'
import { readHeader } from './header'
import { judgeWith } from './judge'
import type { Judgement, JudgementAnswer } from './judgements'
import { readKsLists } from './ks-lists'
import { readLevels } from './levels'
import { isTableHeader, linesOfPaste, sectionsOf } from './lines'
import { readNotes } from './notes'
import { readOrRefuse, Refusal } from '../refusal'
import { pasteProblem, refuse, type PasteProblem } from './problems'
import { checkStandard, editorialList, identityOf, sourceDocument } from './standard'
import { judgeAttitudeMatrix, judgeSummaries } from './summaries'
import { linkNotes } from './supplementary'
import { readTable } from './table'
import { groupTasks } from './tasks'

export type { Judgement, JudgementAnswer, JudgementKind } from './judgements'
export { editorialOf } from './judgements'
export type { PasteProblem, PasteProblemCode } from './problems'
export { langOf } from './judge'
export { PASTE_MAX_LENGTH, PASTE_MAX_LINE } from './lines'

export interface PasteOptions {
  /** Answers to judgements, by judgement id. */
  answers?: Record<string, JudgementAnswer>
  /** Where the text came from, for `source.extraction` (default "pasted text"). */
  sourceName?: string
  /** A `$schema` reference to write into the standard (the bundled files have one). */
  schemaRef?: string
  /**
   * Editorial notes of the person's own (a typo kept as published …), each placed before the
   * entry of the judgement it names, or at the end.
   */
  notes?: { note: EditorialNote; before?: string }[]
}

export type PasteResult =
  | { ok: true; standard: Standard; judgements: Judgement[] }
  | { ok: false; problems: PasteProblem[] }

/**
 * Parses the pasted text of a 職能基準. Returns the standard (checked by the standard schema)
 * and the judgements made, or the problems found, each naming its line.
 */
export function parsePastedStandard(text: string, options: PasteOptions = {}): PasteResult {
  return readOrRefuse(
    () => parse(typeof text === 'string' ? text : '', options),
    (message) => pasteProblem('paste-unreadable', { message }, 1),
  )
}

// Problems are listed in the order found, so the steps keep the order they have always had:
// the attitudes are read after the table's tasks are grouped, and a refusal on the way carries
// the problems found before it.
function parse(input: string, options: PasteOptions): PasteResult {
  // ---- reading: the lines, the header and the table's rows ---------------------------------
  const lines = linesOfPaste(input)
  const { tableStart, tableEnd, attitudeStart, notesStart } = sectionsOf(lines)
  const tableLine = tableStart + 1
  const header = readHeader(lines.slice(0, tableStart))
  const problems: PasteProblem[] = []
  const { rows, joins } = readTable(lines, tableStart, tableEnd, isTableHeader, problems)
  if (rows.length === 0) refuse(problems, pasteProblem('paste-no-table', {}, tableLine))

  // ---- tasks and codes, the attitudes and notes, levels and K/S lists, the parts ------------
  const { judge, judged } = judgeWith(options.answers ?? {})
  const duties = groupTasks(rows, problems)
  const tasks = duties.flatMap((d) => d.tasks)
  fixCodes(tasks, judge)
  const attitudes = readAttitudes(
    lines,
    attitudeStart ?? tableEnd,
    notesStart ?? lines.length,
    problems,
  )
  const notes = readNotes(lines, notesStart)
  const level = readLevels(header, tasks, judge, problems)
  const ks = readKsLists(duties, judge)
  const cleaner = cleanerOf(notes.footnotes, judge, problems)
  const parts = buildParts(header, duties, ks, attitudes, cleaner, problems)

  // ---- judgements that sum up, the notes' links, the id ------------------------------------
  const firsts = [...parts.kItems, ...parts.sItems]
  judgeSummaries({ log: cleaner.log, joins, notes, tasks, ks, firsts }, judge, tableLine)
  const supplementary = linkNotes(
    notes,
    [
      ...parts.knowledge,
      ...parts.skills,
      ...parts.attitudes.map((a) => ({ code: a.code, text: a.name })),
    ],
    judge,
  )
  judgeAttitudeMatrix(attitudes, judge)
  const { id, title, field, occupation } = identityOf(header, judge, problems)

  if (problems.length > 0) throw new Refusal(problems)

  const { ordered, editorial } = editorialList(judged, options.notes ?? [])
  const candidate = {
    ...(options.schemaRef !== undefined ? { $schema: options.schemaRef } : {}),
    formatVersion: STANDARD_FORMAT_VERSION,
    id,
    code: header.code,
    title,
    level,
    field,
    occupation,
    industries: header.industries,
    description: parts.description.text,
    ...(parts.description.marks ? { descriptionFootnotes: parts.description.marks } : {}),
    duties: parts.duties,
    knowledge: parts.knowledge,
    skills: parts.skills,
    attitudes: parts.attitudes,
    footnotes: notes.footnotes.map((f) => ({ n: f.n, text: f.text })),
    notes: {
      general: notes.general,
      qualifications: notes.qualifications,
      supplementary,
    },
    versions: header.versions,
    source: {
      document: sourceDocument(header, title),
      extraction: options.sourceName ?? 'pasted text',
    },
    editorial,
  }
  const standard = checkStandard(candidate, parts.seen, tableLine)
  return { ok: true, standard, judgements: ordered }
}
