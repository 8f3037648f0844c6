/**
 * Ids of the catalogue's standards, and how a standard says it is a transcription from it.
 *
 * A transcription's id is never its bare code: the published text of the same standard, pasted
 * by a person, takes the code as its id, and both are kept side by side (an assessment made on
 * the transcription stays on it, and carries over to the published text as a new version does).
 */
import type { Standard } from '../standard/schema'

/** What every transcription's `source.extraction` begins with. */
export const TRANSCRIPTION_MARK = 'CompetencyWizard parsed_json_v2'

/** Whether a standard is the catalogue's transcription rather than a published text. */
export function isTranscription(standard: Pick<Standard, 'source'>): boolean {
  return standard.source.extraction.startsWith(TRANSCRIPTION_MARK)
}

/**
 * FNV-1a (32 bits) of a text's UTF-8 bytes, as 8 hex digits: a short, stable fingerprint for an
 * id (not a security hash), the same in Node and in a browser.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

const SUFFIX = 'parsed'

/** A code as an id may hold it: anything but letters, digits, '.', '_' and '-' becomes '-'. */
function idSafe(code: string): string {
  return code.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '')
}

/**
 * The stable id of a transcription: `<code>.parsed` (FAC3313-001v2.parsed); where two files of
 * the catalogue share a code, `<code>.parsed-<fingerprint of the title>`; where a file has no
 * code, `parsed-<fingerprint of the title>`. The title, unlike the order of the files, does not
 * change when the catalogue gains a file.
 */
export function transcriptionId(code: string | null, title: string, shared: boolean): string {
  const safe = code ? idSafe(code) : ''
  if (!safe) return `${SUFFIX}-${fingerprint(title)}`
  return shared ? `${safe}.${SUFFIX}-${fingerprint(title)}` : `${safe}.${SUFFIX}`
}
