/**
 * The fingerprint of each stored file's review key, as a cohort is read (reviewers.ts says what
 * a trainer does with it). Apart from reviewers.ts, which the page's filters use, as this one
 * needs the digest.
 */
import type { AssessmentFileContent } from '../files/assessment-file'
import { fingerprintOf } from '../io/sign'

/**
 * The fingerprint of a file's review key, computed once per key: a cohort of ten thousand
 * reviews has a few dozen reviewers, and each fingerprint is a digest. '' for a file with no
 * review or an unsigned one. Only files the reader checked come here, so a signature present
 * is one that verified (a broken one is refused before a file is stored).
 */
export function fingerprintFinder(): (content: AssessmentFileContent) => Promise<string> {
  const seen = new Map<string, Promise<string>>()
  return (content) => {
    const key = content.review?.signature?.publicKey
    if (!key) return Promise.resolve('')
    const id = `${key.x}.${key.y}`
    let found = seen.get(id)
    if (!found) seen.set(id, (found = fingerprintOf(key)))
    return found
  }
}
