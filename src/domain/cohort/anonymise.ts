/**
 * Anonymised mode: each person gets a pseudonym (成員 001, Person 001) used on screen, in the
 * exports and on paper alike, so one table can be checked against another without a name.
 *
 * The numbers follow a hash of each person's key, not the order of import and not the name:
 * the same people give the same numbers on every screen and every device, and a number says
 * nothing about who it is (alphabetical numbering would tell 陳 from 王). Compute them over
 * the whole cohort, before any filter, so a person keeps their number when a filter changes.
 */
import type { CohortMember } from './cohort'

/** FNV-1a, 32 bits: a stable, quick spread of a text; not a secret (names are not kept). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * A pseudonym for each person (by `personKey`): `label` turns a zero-padded number ('007', at
 * least three digits) into the words shown, e.g. (n) => `成員 ${n}`.
 */
export function pseudonyms(
  members: readonly Pick<CohortMember, 'personKey'>[],
  label: (number: string) => string,
): Map<string, string> {
  const keys = [...new Set(members.map((m) => m.personKey))]
  const hashed = keys.map((key) => ({ key, hash: fnv1a(key) }))
  hashed.sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const width = Math.max(3, String(keys.length).length)
  return new Map(
    hashed.map(({ key }, i) => [key, label(String(i + 1).padStart(width, '0'))] as const),
  )
}

/** Shown where a person is missing from the pseudonyms given: never their name. */
export const UNKNOWN_PERSON = '?'

/**
 * How a member is shown: by pseudonym when pseudonyms are given (anonymised mode), else by
 * name. A member the pseudonyms do not know is shown as UNKNOWN_PERSON, so a mistake in the
 * caller hides a name rather than showing one.
 */
export function displayName(
  member: Pick<CohortMember, 'person' | 'personKey'>,
  pseudonyms?: ReadonlyMap<string, string>,
): string {
  if (!pseudonyms) return member.person
  return pseudonyms.get(member.personKey) ?? UNKNOWN_PERSON
}
