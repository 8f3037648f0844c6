/**
 * Which reviews of a cohort a trainer can trust: a review signed with a key whose fingerprint
 * is on the trainer's list of known reviewers is verified; an unsigned one, or one signed with
 * a key the list does not name, is not. The cohort can leave the unverified reviews out of its
 * supervisor figures (filters.ts, `verifiedOnly`).
 *
 * The list is the trainer's: pasted or loaded, one reviewer a line, a name and a fingerprint
 * (as the supervisor's Settings page shows it, 3F2A 9C01 77B4 E0D5), or a small CSV of the two.
 */
import type { CohortMember } from './cohort'

/** A reviewer the trainer knows, by the fingerprint of their signing key. */
export interface KnownReviewer {
  name: string
  /** Four groups of four hex digits, upper case: 3F2A 9C01 77B4 E0D5. */
  fingerprint: string
}

/** Lines a list may have, and characters: far above a company's supervisors. */
export const MAX_REVIEWER_LINES = 5000
export const MAX_REVIEWER_TEXT = 500_000
const MAX_NAME = 200

/** What is wrong with a line of a list (1-based), as data; src/i18n says it. */
export type ReviewerListProblem =
  | { code: 'reviewers-too-large'; line: 1; limit: number }
  | { code: 'reviewers-too-many'; line: number; limit: number }
  | { code: 'reviewers-no-fingerprint'; line: number; text: string }
  | { code: 'reviewers-name-too-long'; line: number; limit: number }
  | { code: 'reviewers-empty'; line: 1 }

export type ReviewerListResult =
  { ok: true; reviewers: KnownReviewer[] } | { ok: false; problems: ReviewerListProblem[] }

/** A fingerprint written with or without spaces, colons or dashes between its groups. */
const FINGERPRINT =
  /(?<![0-9A-Fa-f])([0-9A-Fa-f]{4})[\s:-]?([0-9A-Fa-f]{4})[\s:-]?([0-9A-Fa-f]{4})[\s:-]?([0-9A-Fa-f]{4})(?![0-9A-Fa-f])/
/** A header line: the column names, in either language. */
const HEADER = /^\W*(name|姓名|名稱|主管|reviewer)\W*[,;\t]?\W*(fingerprint|指紋|金鑰指紋)?\W*$/i
const PROBLEMS_SHOWN = 50

/** A cell as a spreadsheet saved it: quotes and our apostrophe before a formula-like text off. */
const cleanName = (text: string) =>
  text
    .replace(/^[\s,;\t"]+|[\s,;\t"]+$/g, '')
    .replace(/""/g, '"')
    .replace(/^'(?=[=+\-@])/, '')
    .trim()

/**
 * Reads a list of known reviewers: each line a name and a fingerprint (in either order, with a
 * comma, a tab or spaces between), or a fingerprint alone; a header line, blank lines and lines
 * starting with # are skipped. A line with no fingerprint refuses the whole list (every such
 * line named), so a list half read never stands for the whole. Never throws.
 */
export function readKnownReviewers(text: string): ReviewerListResult {
  if (text.length > MAX_REVIEWER_TEXT)
    return {
      ok: false,
      problems: [{ code: 'reviewers-too-large', line: 1, limit: MAX_REVIEWER_TEXT }],
    }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const problems: ReviewerListProblem[] = []
  const reviewers = new Map<string, KnownReviewer>()
  let counted = 0
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || HEADER.test(line)) continue
    if (++counted > MAX_REVIEWER_LINES) {
      problems.push({ code: 'reviewers-too-many', line: i + 1, limit: MAX_REVIEWER_LINES })
      break
    }
    const found = FINGERPRINT.exec(line)
    if (!found) {
      if (problems.length < PROBLEMS_SHOWN)
        problems.push({ code: 'reviewers-no-fingerprint', line: i + 1, text: line.slice(0, 80) })
      continue
    }
    const fingerprint = found.slice(1, 5).join(' ').toUpperCase()
    const name = cleanName(
      line.slice(0, found.index) + ' ' + line.slice(found.index + found[0].length),
    )
    if (name.length > MAX_NAME) {
      problems.push({ code: 'reviewers-name-too-long', line: i + 1, limit: MAX_NAME })
      continue
    }
    // The same key twice keeps the first name given to it.
    if (!reviewers.has(fingerprint)) reviewers.set(fingerprint, { name, fingerprint })
  }
  if (problems.length) return { ok: false, problems }
  if (!reviewers.size) return { ok: false, problems: [{ code: 'reviewers-empty', line: 1 }] }
  return { ok: true, reviewers: [...reviewers.values()] }
}

/** The fingerprints of a list, for `isVerified`. */
export function knownKeys(reviewers: readonly KnownReviewer[]): ReadonlySet<string> {
  return new Set(reviewers.map((r) => r.fingerprint))
}

/** Whether a member's review is signed with a key on the list. */
export function isVerified(
  member: Pick<CohortMember, 'reviewed' | 'fingerprint'>,
  known: ReadonlySet<string>,
): boolean {
  return member.reviewed && member.fingerprint !== '' && known.has(member.fingerprint)
}

/** A signing key seen in a cohort's reviews, and whether the list names it. */
export interface ReviewKey {
  fingerprint: string
  reviews: number
  /** The name the list gives the key; null when the list does not have it. */
  known: string | null
  /** The names the reviews signed with it give (for the trainer to check an unknown key). */
  reviewers: string[]
}

export interface ReviewKeys {
  reviewed: number
  verified: number
  unsigned: number
  /** Each key seen, most reviews first, then by fingerprint. */
  keys: ReviewKey[]
}

/** The keys a cohort's reviews are signed with, and how many reviews the list verifies. */
export function reviewKeys(
  members: readonly CohortMember[],
  reviewers: readonly KnownReviewer[],
): ReviewKeys {
  const names = new Map(reviewers.map((r) => [r.fingerprint, r.name]))
  const keys = new Map<string, { reviews: number; reviewers: Set<string> }>()
  let reviewed = 0
  let verified = 0
  let unsigned = 0
  for (const m of members) {
    if (!m.reviewed) continue
    reviewed++
    if (!m.fingerprint) {
      unsigned++
      continue
    }
    if (names.has(m.fingerprint)) verified++
    let key = keys.get(m.fingerprint)
    if (!key) keys.set(m.fingerprint, (key = { reviews: 0, reviewers: new Set() }))
    key.reviews++
    if (m.reviewer) key.reviewers.add(m.reviewer)
  }
  return {
    reviewed,
    verified,
    unsigned,
    keys: [...keys]
      .map(([fingerprint, k]) => ({
        fingerprint,
        reviews: k.reviews,
        known: names.get(fingerprint) ?? null,
        reviewers: [...k.reviewers].sort(),
      }))
      .sort((a, b) => b.reviews - a.reviews || (a.fingerprint < b.fingerprint ? -1 : 1)),
  }
}
