/**
 * The standards a backup brings (ones a person added on the device it came from), checked as
 * the app checks a standard file before it keeps it: by size first, then the one standard
 * reader. A body that fails is refused here, named, and never stored, so it is not read again
 * (and refused again) on every load of the app.
 */
import { checkDepth, readJsonObject } from '../io/read'
import { failure, problem, type FileFailure } from '../io/problems'
import { utf8Length } from '../io/size'
import { parseStandardFile } from '../standard/parse'
import type { Standard } from '../standard/schema'
import { STANDARD_FILE_MAX_BYTES } from '../standard/import/draft'
import type { StoredStandard } from './backup'

/** Deeper than any standard file (about 8 levels): refused unread. */
const STANDARD_MAX_DEPTH = 16

/** An added standard the backup holds that will not be restored, and why. */
export interface RefusedStandard {
  id: string
  /** What the body says of itself, where it can be read at all. */
  title: string | null
  code: string | null
  failure: FileFailure
}

/** A stored standard's title and code as its body gives them, without trusting the rest. */
function namesInBody(body: string): { title: string | null; code: string | null } {
  if (body.length > STANDARD_FILE_MAX_BYTES) return { title: null, code: null }
  const json = readJsonObject('', body, 'standard')
  if (!json.ok) return { title: null, code: null }
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null
  return { title: text(json.raw.title), code: text(json.raw.code) }
}

/**
 * Checks each added standard of a backup: within the size of a standard file, read by the
 * standard reader, and not taking the id of a standard the app ships (`bundled`). Returns the
 * good ones with their standard, and the others with their problem.
 */
export function checkAddedStandards(
  stored: readonly StoredStandard[],
  bundled: ReadonlySet<string>,
): { valid: { record: StoredStandard; standard: Standard }[]; refused: RefusedStandard[] } {
  const valid: { record: StoredStandard; standard: Standard }[] = []
  const refused: RefusedStandard[] = []
  for (const record of stored) {
    const refuse = (why: FileFailure) =>
      refused.push({ id: record.id, ...namesInBody(record.body), failure: why })
    const size = utf8Length(record.body)
    if (size > STANDARD_FILE_MAX_BYTES) {
      refuse(failure(record.file, [problem('too-large', { size, limit: STANDARD_FILE_MAX_BYTES })]))
      continue
    }
    const json = readJsonObject(record.file, record.body, 'standard')
    const tooDeep = json.ok && checkDepth(record.file, json.raw, STANDARD_MAX_DEPTH)
    if (tooDeep) {
      refuse(tooDeep)
      continue
    }
    const parsed = parseStandardFile(record.file, record.body)
    if (!parsed.ok) refuse(parsed)
    else if (bundled.has(parsed.value.id))
      refuse(failure(record.file, [problem('same-id-as-other-file', { id: parsed.value.id })]))
    else valid.push({ record, standard: parsed.value })
  }
  return { valid, refused }
}
