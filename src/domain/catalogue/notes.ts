/**
 * What converting a file of the catalogue records: a note for every judgement (it goes into the
 * standard's `editorial` list, as in the bundled files), or the reason a file is left out.
 */
import type { EditorialNote } from '../standard/schema'
import type { CleanLog, Cleanup } from './text'

/** A judgement made in converting a file: where, what the source shows, what was decided. */
export interface ConversionNote {
  where: string
  source: string
  decision: string
}

/** The `where` of the notes the app reads back from a transcription (see transcriptionFacts). */
export const WHERE_HISTORIC = 'title, status'
export const WHERE_TASKS_LEFT_OUT = 'tasks left out: '

/** Why a file is not converted. */
export type LeftOutReason =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'no-tasks' }
  | { kind: 'no-level' }
  | { kind: 'bad-task-code'; task: string }
  /** Two rows under one task code, each with its own indicators. */
  | { kind: 'repeated-task'; tasks: string[] }
  /** Fewer than half of the tasks keep indicator text. */
  | { kind: 'tasks-without-indicators'; without: number; of: number }
  /** Two files would take one id (never so far: ids come from the code or the title). */
  | { kind: 'same-id'; id: string }
  /** The converted file fails the app's standard check (a fault of the conversion). */
  | { kind: 'schema'; detail: string }

/** A reason in English, for the build's report and the README. */
export function describeReason(reason: LeftOutReason): string {
  switch (reason.kind) {
    case 'unreadable':
      return `the file cannot be read (${reason.detail})`
    case 'no-tasks':
      return 'the source holds no task'
    case 'no-level':
      return 'the source gives no standard level (基準級別)'
    case 'bad-task-code':
      return `a task code is not of the form T1.1 (${reason.task})`
    case 'repeated-task':
      return `task ${reason.tasks.length === 1 ? 'code' : 'codes'} ${reason.tasks.join(', ')} ${reason.tasks.length === 1 ? 'heads' : 'each head'} rows with different indicators: which task is which is not in the source`
    case 'tasks-without-indicators':
      return `${reason.without} of ${reason.of} tasks have no indicator text`
    case 'same-id':
      return `another file takes the same id ${reason.id}`
    case 'schema':
      return `the converted file fails the standard check (${reason.detail})`
  }
}

/** At most this many places are named in one note; the rest are counted. */
const PLACES = 40

function places(list: string[]): string {
  const shown = list.slice(0, PLACES).join(', ')
  return list.length > PLACES ? `${shown} … (${list.length} places)` : shown
}

const CLEANUP_DECISIONS: Record<Cleanup, [source: string, decision: string]> = {
  'footnote-marks': [
    '【註n】 marks in the text, some broken by the parser (【註 … 8】, 7】)',
    'Footnote marks are taken out of the text: the footnotes they point to are not in the source.',
  ],
  'task-references': [
    '【T1.1】 after the item’s text',
    'The task codes written after an item’s text are taken out: the task rows already name the items they use.',
  ],
  spaces: [
    'spaces inside Chinese text and around its punctuation',
    'Spaces the PDF put inside Chinese text or around its punctuation are removed; spaces next to Latin letters and digits are kept.',
  ],
  symbols: [
    'private-use characters (the PDF’s bullet symbols)',
    'The PDF’s bullet symbols are dropped.',
  ],
}

/** One note per kind of text cleanup made, naming where it was made. */
export function cleanupNotes(log: CleanLog): ConversionNote[] {
  return [...log.places].map(([kind, where]) => {
    const [source, decision] = CLEANUP_DECISIONS[kind]
    return { where: places(where), source, decision }
  })
}

/** The notes as the standard's editorial list: written in English, as the bundled files are. */
export function editorialOf(notes: ConversionNote[]): EditorialNote[] {
  return notes.map((n) => ({
    where: n.where.trim() || 'the whole standard',
    source: n.source,
    decision: n.decision,
    lang: 'en',
  }))
}

/** What a transcription's page says of it, read back from its editorial notes. */
export interface TranscriptionFacts {
  /** A superseded version (《歷史資料》). */
  historic: boolean
  /** Task codes of the published standard the transcription lacks. */
  tasksLeftOut: string[]
  /** Judgements made in converting it, beyond the note every transcription has. */
  judgements: number
}

export function transcriptionFacts(standard: { editorial: EditorialNote[] }): TranscriptionFacts {
  const leftOut = standard.editorial.find((n) => n.where.startsWith(WHERE_TASKS_LEFT_OUT))
  return {
    historic: standard.editorial.some((n) => n.where === WHERE_HISTORIC),
    tasksLeftOut: leftOut
      ? leftOut.where.slice(WHERE_TASKS_LEFT_OUT.length).split(/,\s*/).filter(Boolean)
      : [],
    judgements: Math.max(0, standard.editorial.length - 1),
  }
}
