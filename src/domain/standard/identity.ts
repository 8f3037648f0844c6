/**
 * What identifies the exact text an assessment was rated on: the standard's id and code, its
 * version, and a SHA-256 of its content. A file carries these, so the device that opens it can
 * tell whether it holds the same standard.
 */
import type { Standard } from './schema'
import { canonicalJson } from '../io/canonical'
import { sha256Hex } from '../io/digest'

/**
 * The standard's version as it publishes it (V4): the entry of its version table that carries
 * its own code, else the code's vN suffix, else none.
 */
export function standardVersion(standard: Standard): string | null {
  const own = standard.versions.find((v) => v.code === standard.code)
  if (own) return own.version
  const suffix = standard.code ? /v(\d+)$/i.exec(standard.code) : null
  return suffix ? `V${suffix[1]}` : null
}

/**
 * SHA-256 of the canonical JSON of what ratings rest on: the standard's identity, its duties,
 * tasks and indicators, and its K, S and A items. The file format, classifications, notes,
 * versions and editorial list are left out, so a new format version or a corrected note never
 * makes a file look rated on another text; a changed item always does.
 */
export function standardContentHash(standard: Standard): Promise<string> {
  const { id, code, title, level, duties, knowledge, skills, attitudes } = standard
  return sha256Hex(canonicalJson({ id, code, title, level, duties, knowledge, skills, attitudes }))
}
