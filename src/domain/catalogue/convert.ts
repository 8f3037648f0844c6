/**
 * One file of the catalogue's source converted to a GapLens standard file: the parser's fields
 * read into the standard schema, every judgement recorded in the file's `editorial` list (as
 * the bundled files record theirs), and the result checked by the app's own standard reader.
 * Pure: the build script reads the folder and writes the files.
 */
import { parseStandardFile } from '../standard/parse'
import type { CompetencyLevel, Standard, VersionEntry } from '../standard/schema'
import { STANDARD_FORMAT_VERSION } from '../standard/schema'
import { fieldOf, industriesOf, occupationOf, type ClassNote } from './classify'
import { transcriptionId, TRANSCRIPTION_MARK } from './ids'
import { readItems } from './items'
import {
  cleanupNotes,
  editorialOf,
  WHERE_HISTORIC,
  type ConversionNote,
  type LeftOutReason,
} from './notes'
import { CATALOGUE_SOURCE, HISTORIC_MARK, readSourceFile, type SourceFile } from './source'
import { levelsOf, readDuties } from './tasks'
import { CleanLog, cleanText, isoDate, requirementLines } from './text'

/** Said for a standard whose work description the parser did not keep. */
export const MISSING_DESCRIPTION = '（來源未載工作描述）'

export interface ConvertContext {
  /** The file's name in the source folder. */
  file: string
  /** Codes that more than one file of the catalogue carries (their ids take the title too). */
  sharedCodes: ReadonlySet<string>
}

/** A converted file: the standard, and what the catalogue's index says of it beyond it. */
export interface Transcription {
  standard: Standard
  /** A superseded version (《歷史資料》). */
  historic: boolean
  /** Task codes of the source left out, for want of indicator text. */
  tasksLeftOut: string[]
  /** The field codes to filter by (a standard may name several). */
  fieldCodes: string[]
  /** The published version (V4) and date of update, where the source gives them. */
  version: string | null
  date: string | null
}

export type Conversion = { ok: true; value: Transcription } | { ok: false; reason: LeftOutReason }

const SHORT_COMMIT = CATALOGUE_SOURCE.commit.slice(0, 8)

function transcriptionNote(file: string): ConversionNote {
  return {
    where: 'the whole standard',
    source: `${CATALOGUE_SOURCE.project} ${CATALOGUE_SOURCE.path}/${file} (commit ${SHORT_COMMIT})`,
    decision:
      'A transcription of the published standard by another project’s PDF parser, not the published text. It lacks what the parser did not keep: the indicators’ P codes and the outputs’ O codes (given here in the published order: P1.1.1, P1.1.2 …; outputs split at 、), a level per indicator where a task has two (the source has one level per task), the footnotes (【註n】), the attitude-to-task matrix, the supplementary notes and the version history table. The published text, pasted under 新增職能基準, replaces it.',
  }
}

function titleOf(source: SourceFile, file: string, notes: ConversionNote[]) {
  const historic = file.startsWith(HISTORIC_MARK) || source.metadata.name.includes(HISTORIC_MARK)
  let title = cleanText(source.metadata.name.replace(HISTORIC_MARK, ''))
  if (!title) {
    title = cleanText(file.replace(HISTORIC_MARK, '').replace(/-職能基準\.json$/u, ''))
    notes.push({
      where: 'title',
      source: file,
      decision: `The source gives no title; the file's name gives it: ${title}.`,
    })
  }
  if (historic)
    notes.push({
      where: WHERE_HISTORIC,
      source: `${file} (status: ${source.metadata.status || 'none'})`,
      decision: `The file is marked ${HISTORIC_MARK}: a superseded version, whatever its status says. The mark is taken out of the title, the catalogue lists it as historic, and its version entry says 歷史版本.`,
    })
  return { title, historic }
}

function versionsOf(
  source: SourceFile,
  code: string | null,
  title: string,
  historic: boolean,
  notes: ConversionNote[],
): { versions: VersionEntry[]; version: string | null; date: string | null } {
  const version = cleanText(source.metadata.version) || null
  const given = cleanText(source.metadata.update_date)
  const date = isoDate(given)
  if (given && !date)
    notes.push({
      where: 'versions',
      source: given,
      decision: 'The date of update does not read as a date; left out.',
    })
  const status = historic ? '歷史版本' : cleanText(source.metadata.status)
  if (!code || !version || !status) return { versions: [], version, date }
  const entry: VersionEntry = { version, code, title, status, ...(date ? { date } : {}) }
  return { versions: [entry], version, date }
}

/**
 * Converts one source file. A file is refused, with its reason, where converting it would mean
 * inventing: no standard level, no tasks, two different tasks under one code, or most tasks
 * without indicator text. The result has passed parseStandardFile, the check every standard
 * the app opens passes.
 */
export function convertSource(source: SourceFile, context: ConvertContext): Conversion {
  const { file } = context
  const notes: ConversionNote[] = [transcriptionNote(file)]
  const log = new CleanLog()
  const info = source.basic_info

  const levels = levelsOf(info.level ?? null)
  if (levels.length !== 1) return { ok: false, reason: { kind: 'no-level' } }
  const level = levels[0] as CompetencyLevel

  const { title, historic } = titleOf(source, file, notes)
  const rawCode = cleanText(source.metadata.code)
  const code = rawCode || null
  const shared = code !== null && context.sharedCodes.has(code)
  const id = transcriptionId(code, title, shared)
  if (!code)
    notes.push({
      where: 'id, code',
      source: '(no code in the source)',
      decision: `The source gives no code: code is null, and the id ${id} is GapLens’s own, from a fingerprint of the title.`,
    })
  else if (shared)
    notes.push({
      where: 'id',
      source: code,
      decision: `Another file of the catalogue carries the same code; the id ${id} adds a fingerprint of the title, so each keeps its own.`,
    })

  const duties = readDuties(source.competency_tasks, level, log, notes)
  if (!duties.ok) return duties
  const items = readItems(source, duties.duties, log, notes)

  const classNotes: ClassNote[] = []
  const { field, codes: fieldCodes } = fieldOf(info.category, info.category_code, classNotes)
  const occupation = occupationOf(info.occupation, info.occupation_code, classNotes)
  const industries = industriesOf(info.industry, info.industry_code, classNotes)
  notes.push(...classNotes)

  let description = cleanText(info.job_description, '工作描述', log)
  if (!description) {
    description = MISSING_DESCRIPTION
    notes.push({
      where: '工作描述',
      source: '(empty)',
      decision: `The source gives no work description; shown as ${MISSING_DESCRIPTION}.`,
    })
  }
  const requirements = requirementLines(info.requirements)
  if (requirements.removed)
    notes.push({
      where: '建議擔任此職類/職業之學歷/經驗/或能力條件',
      source: cleanText(info.requirements),
      decision:
        'Page numbers and headings of the PDF’s layout are taken out; the text is split into lines at its bullets.',
    })
  const { versions, version, date } = versionsOf(source, code, title, historic, notes)
  notes.push(...cleanupNotes(log))

  const standard: Standard = {
    formatVersion: STANDARD_FORMAT_VERSION,
    id,
    code,
    title,
    level,
    field,
    occupation,
    industries,
    description,
    duties: duties.duties,
    knowledge: items.knowledge,
    skills: items.skills,
    attitudes: items.attitudes,
    footnotes: [],
    notes: { general: [], qualifications: requirements.lines, supplementary: [] },
    versions,
    source: {
      document: `${title}職能基準${code ? ` ${code}` : ''}（${CATALOGUE_SOURCE.publisher}）`,
      extraction: `${TRANSCRIPTION_MARK}/${file} (${CATALOGUE_SOURCE.project} @ ${SHORT_COMMIT}, ${CATALOGUE_SOURCE.licence} licence)`,
    },
    editorial: editorialOf(notes),
  }
  const checked = parseStandardFile(file, JSON.stringify(standard))
  if (!checked.ok)
    return { ok: false, reason: { kind: 'schema', detail: JSON.stringify(checked.problem) } }
  return {
    ok: true,
    value: {
      standard: checked.value,
      historic,
      tasksLeftOut: duties.tasksLeftOut,
      fieldCodes,
      version,
      date,
    },
  }
}

/** Reads and converts one source file's text. Never throws. */
export function convertFile(text: string, context: ConvertContext): Conversion {
  const read = readSourceFile(text)
  if (!read.ok) return { ok: false, reason: { kind: 'unreadable', detail: read.detail } }
  return convertSource(read.source, context)
}
