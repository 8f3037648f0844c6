/**
 * What can be wrong with a file a person gives the app (a standard, a backup, an assessment
 * file), as data: a problem code with its parameters and the place in the file, in the terms
 * of the file's content (duty T1 › task T1.3 › indicator P1.3.2), not a schema path.
 *
 * The domain names problems; src/i18n/problems.ts says them in the interface language. Nothing
 * here knows a language, so a worker or a test can produce and compare problems as they are.
 */

/** The kinds of file the app reads. */
export type FileKind = 'standard' | 'backup' | 'assessment'

/** What a value should have been, as a person would put it. */
export type ValueType =
  'string' | 'number' | 'integer' | 'boolean' | 'list' | 'object' | 'null' | 'value'

/** A literal value a field may take, e.g. "na" or 1. */
export type Literal = string | number | boolean | null

/** How one field fails its shape check. */
export type FieldIssue =
  | { kind: 'missing' }
  /** The value is of another type; `values` lists the literal values also accepted. */
  | { kind: 'wrong-type'; expected: ValueType[]; values: Literal[] }
  /** A text that is blank, or a list that must hold at least one entry and holds none. */
  | { kind: 'empty'; of: 'text' | 'list' }
  | { kind: 'too-short'; minimum: number; unit: 'characters' | 'entries' }
  | { kind: 'too-long'; maximum: number; length: number | null; unit: 'characters' | 'entries' }
  | { kind: 'out-of-range'; value: number | null; minimum: number | null; maximum: number | null }
  | { kind: 'not-allowed'; allowed: Literal[] }
  /** A text that does not read as a date, a date and time, or a code of the expected form. */
  | { kind: 'bad-format'; format: 'date' | 'datetime' | 'code' | 'other'; value: string | null }
  | { kind: 'unknown-key'; keys: string[] }
  /** Anything else the schema refused. */
  | { kind: 'invalid' }

/**
 * The kinds of record a place can name. Each file type names its records with these (see
 * place.ts), and the interface has a word for each.
 */
export type RecordKind =
  // a standard
  | 'duty'
  | 'task'
  | 'output'
  | 'indicator'
  | 'knowledge'
  | 'skill'
  | 'attitude'
  | 'footnote'
  | 'footnoteMark'
  | 'supplementaryNote'
  | 'version'
  | 'editorialNote'
  // a backup or an assessment file
  | 'setting'
  | 'addedStandard'
  | 'assessment'
  | 'item'
  | 'response'
  | 'review'
  | 'action'
  // a line of a list of texts, or an entry of anything else
  | 'entry'

/** The fields a place can name, as the person knows them (評分, 備註, 姓名 …). */
export type FieldName =
  | 'formatVersion'
  | 'fileFormat'
  | 'id'
  | 'standardCode'
  | 'code'
  | 'title'
  | 'occupationTitle'
  | 'name'
  | 'text'
  | 'standardLevel'
  | 'competencyLevel'
  | 'field'
  | 'occupation'
  | 'industry'
  | 'industries'
  | 'description'
  | 'workDescription'
  | 'descriptionFootnotes'
  | 'duties'
  | 'tasks'
  | 'outputs'
  | 'indicators'
  | 'knowledge'
  | 'skills'
  | 'attitudes'
  | 'footnotes'
  | 'titleFootnotes'
  | 'footnoteNumber'
  | 'anchor'
  | 'notes'
  | 'general'
  | 'qualifications'
  | 'supplementary'
  | 'explains'
  | 'versions'
  | 'version'
  | 'status'
  | 'versionNote'
  | 'date'
  | 'source'
  | 'document'
  | 'extraction'
  | 'editorial'
  | 'where'
  | 'decision'
  | 'language'
  | 'exportedAt'
  | 'tables'
  | 'settings'
  | 'settingKey'
  | 'settingValue'
  | 'addedStandards'
  | 'fileName'
  | 'content'
  | 'addedAt'
  | 'assessments'
  | 'responses'
  | 'standard'
  | 'subject'
  | 'personName'
  | 'employeeId'
  | 'department'
  | 'jobTitle'
  | 'scale'
  | 'targets'
  | 'target'
  | 'round'
  | 'previousRound'
  | 'createdAt'
  | 'updatedAt'
  | 'lastItem'
  | 'assessment'
  | 'itemKey'
  | 'rating'
  | 'note'
  | 'evidence'
  | 'review'
  | 'reviewer'
  | 'comment'
  | 'startedAt'
  | 'integrity'
  | 'algorithm'
  | 'hash'
  | 'contentHash'
  | 'ratings'
  | 'reviews'
  | 'reviewRatings'
  | 'receivedReviews'
  | 'plan'
  | 'actionWhat'
  | 'actionKind'
  | 'actionItems'
  | 'actionSupport'
  | 'actionDue'
  | 'actionSuccess'
  | 'actionAgreed'
  | 'signature'

/** How a record is named: by its own code, key or title, or else by its position. */
export type RecordLabel = RecordName | { position: number }
/** A record's own code, key or title; a title is quoted when shown. */
export interface RecordName {
  text: string
  quoted: boolean
}

/** One step of a place: a record (duty T1, the assessment 「…」) or a field of it. */
export type PlaceStep =
  | { kind: 'record'; record: RecordKind; label: RecordLabel }
  | { kind: 'field'; field: FieldName }
  /** A key the file's layout does not know: shown as written. */
  | { kind: 'key'; key: string }

/** Where in a file a problem is; empty for the file as a whole. */
export type Place = PlaceStep[]

/** The parameters of each problem code. */
export interface ProblemParams {
  'not-json': { line: number | null; column: number | null }
  'not-an-object': Record<string, never>
  'wrong-kind': { expected: FileKind }
  'version-newer': { kind: FileKind; found: number; supported: number }
  'version-unsupported': { kind: FileKind; found: string | null; supported: number }
  'too-large': { size: number; limit: number }
  /** The file could not be read at all (a failed fetch, a refused read). */
  unreadable: { detail: string }
  // A .zip of files (the cohort import): the archive, or one of its entries, refused.
  /** Not a .zip archive at all: no zip directory at its end. */
  'zip-not-zip': Record<string, never>
  /** A .zip whose directory or an entry's header is damaged (cut short, overwritten). */
  'zip-damaged': Record<string, never>
  /**
   * An entry whose content is not the size its header says (it inflates to more or less, or
   * its compressed bytes could not hold it): damaged, or built to fool a size check.
   */
  'zip-entry-size': Record<string, never>
  /** An entry locked with a zip password (not a GapLens passphrase). */
  'zip-encrypted': Record<string, never>
  /** An entry compressed some other way than stored or deflate (the method's number). */
  'zip-method': { method: number }
  /** The batch's .zip files hold more entries than one import takes. */
  'zip-too-many-entries': { limit: number }
  /** The batch's .zip files would inflate to more than one import takes: `size` so far. */
  'zip-batch-too-large': { size: number; limit: number }
  'invalid-field': { issue: FieldIssue }
  /** A code, key or id that appears twice where it must be unique. */
  duplicate: { name: string }
  /** A code or id that names a record the file does not hold. */
  'unknown-reference': { target: RecordKind; name: string }
  /** A K or S item no task uses. */
  'unused-item': { name: string }
  'footnote-missing': { n: number }
  'footnote-anchor-missing': { n: number; anchor: string }
  'footnote-unused': { n: number }
  'task-outside-duty': { task: string; duty: string }
  /** A rating that is not a step of its assessment's scale. */
  'off-scale': { value: number; scale: string }
  /** Another file already holds a standard with this id. */
  'same-id-as-other-file': { id: string }
  /** The content does not match the file's own SHA-256: it was changed after export. */
  'integrity-mismatch': Record<string, never>
  /** A protected file: the passphrase is wrong, or a byte was changed (GCM cannot tell). */
  'protected-failed': Record<string, never>
  /** A protected file whose parameters are not ones the app writes. */
  'protected-damaged': Record<string, never>
  /** Nesting deeper than any file of ours: refused before anything walks it. */
  'too-deep': { limit: number }
  /** The standard the file was rated on is not on this device. */
  'standard-missing': { id: string; code: string | null; title: string; version: string | null }
  /** An item code the standard does not have. */
  'unknown-item': { item: string; standard: string }
  /** A reviewed file for an assessment this device does not hold. */
  'not-own-assessment': { title: string }
  /** A file brought back to its owner with no review in it. */
  'no-review': Record<string, never>
  /** A signed review changed after it was signed: not the signer's words. */
  'signature-broken': { reviewer: string }
}
export type ProblemCode = keyof ProblemParams

export type FileProblem = {
  [C in ProblemCode]: { code: C; params: ProblemParams[C]; place: Place }
}[ProblemCode]

/** Makes a problem; the place defaults to the file as a whole. */
export function problem<C extends ProblemCode>(
  code: C,
  params: ProblemParams[C],
  place: Place = [],
): FileProblem {
  return { code, params, place } as FileProblem
}

/**
 * The problem of a format version this app does not read: a newer one (update the app), or
 * one it never had (a missing or odd value, shown as written, cut short).
 */
export function versionProblem(kind: FileKind, found: unknown, supported: number): FileProblem {
  if (typeof found === 'number' && found > supported)
    return problem('version-newer', { kind, found, supported })
  const written = found === undefined ? null : JSON.stringify(found)
  return problem('version-unsupported', {
    kind,
    found: written && written.length > 20 ? `${written.slice(0, 19)}…` : written,
    supported,
  })
}

/** A file that failed its check: its name, the first problem found and any others. */
export interface FileFailure {
  file: string
  problem: FileProblem
  more: FileProblem[]
}

/** The outcome of reading a file. Readers never throw: a bad file yields a failure. */
export type ParseResult<T> = { ok: true; value: T } | ({ ok: false } & FileFailure)

/** A failed result from one or more problems (at least one). */
export function failure(
  file: string,
  [first, ...more]: [FileProblem, ...FileProblem[]],
): { ok: false } & FileFailure {
  return { ok: false, file, problem: first, more }
}

/** Every problem of a failure, the first one first. */
export function problemsOf(f: FileFailure): FileProblem[] {
  return [f.problem, ...f.more]
}

const CODES: Record<ProblemCode, true> = {
  'not-json': true,
  'not-an-object': true,
  'wrong-kind': true,
  'version-newer': true,
  'version-unsupported': true,
  'too-large': true,
  unreadable: true,
  'zip-not-zip': true,
  'zip-damaged': true,
  'zip-entry-size': true,
  'zip-encrypted': true,
  'zip-method': true,
  'zip-too-many-entries': true,
  'zip-batch-too-large': true,
  'invalid-field': true,
  duplicate: true,
  'unknown-reference': true,
  'unused-item': true,
  'footnote-missing': true,
  'footnote-anchor-missing': true,
  'footnote-unused': true,
  'task-outside-duty': true,
  'off-scale': true,
  'same-id-as-other-file': true,
  'integrity-mismatch': true,
  'protected-failed': true,
  'protected-damaged': true,
  'too-deep': true,
  'standard-missing': true,
  'unknown-item': true,
  'not-own-assessment': true,
  'no-review': true,
  'signature-broken': true,
}

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value)
}
