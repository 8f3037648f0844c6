/**
 * The standard an assessment file may carry (a standard the person added, which the receiving
 * device may lack): read as the standards library reads a JSON file, and only if it is the very
 * text the items were rated on. Pure; the one place both the page and the reading worker use.
 */
import { parseStandardFile } from '../standard/parse'
import { standardContentHash } from '../standard/identity'
import { diffStandards } from '../standard/versions'
import type { Standard } from '../standard/schema'
import type { CheckedAssessmentFile } from './read'

/** The standard a file's raw JSON carries, checked; undefined where it carries none that holds. */
export async function carriedStandard(raw: unknown, file: string): Promise<Standard | undefined> {
  const ref = (raw as { standard?: { body?: unknown; contentHash?: unknown } } | null)?.standard
  if (!ref || typeof ref.body !== 'object' || ref.body === null) return undefined
  const parsed = parseStandardFile(file, JSON.stringify(ref.body))
  if (!parsed.ok) return undefined
  return (await standardContentHash(parsed.value)) === ref.contentHash ? parsed.value : undefined
}

/**
 * How many items of the standard a file was rated on differ from the device's copy: 0 where it
 * is the same text; null where it differs and the file carries no standard to compare with.
 */
export async function differingItems(
  checked: CheckedAssessmentFile,
  raw: unknown,
): Promise<number | null> {
  if (!checked.standardDiffers) return 0
  const carried = await carriedStandard(raw, checked.file.standard.id)
  if (!carried) return null
  const diff = diffStandards(carried, checked.standard)
  return diff.changed.length + diff.added.length + diff.removed.length
}

/** A text's JSON, for a second look at what a check refused; undefined if it is not JSON. */
export function rawOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
