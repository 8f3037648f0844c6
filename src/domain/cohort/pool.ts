/**
 * Which cohort a file belongs to, and which of two files of one assessment is kept.
 *
 * A cohort is one standard (id and version) rated on one scale: ratings on different scales or
 * different versions of a standard do not measure the same thing, so they are never pooled.
 * Within a cohort there is one member per assessment id; the newer copy of an assessment wins,
 * whichever order the files arrive in, so pooling the same files twice, or in another order,
 * gives the same cohort.
 */
import type { AssessmentFileContent } from '../files/assessment-file'
import type { ScaleId } from '../assessment/scales'
import { canonicalJson } from '../io/canonical'

export interface CohortKey {
  standardId: string
  /** The standard's version as the file names it (V4), or null where it has none. */
  version: string | null
  scale: ScaleId
}

export function cohortKey(content: AssessmentFileContent): CohortKey {
  return {
    standardId: content.standard.id,
    version: content.standard.version,
    scale: content.assessment.scale,
  }
}

/**
 * The cohort a file goes to, as one string (for a Map or an index). JSON of a list, so no
 * character in an id or a version can make two keys collide.
 */
export function poolKey(content: AssessmentFileContent): string {
  const { standardId, version, scale } = cohortKey(content)
  return JSON.stringify([standardId, version, scale])
}

/** The key of a cohort given by its parts (the inverse of `parsePoolKey`). */
export function poolKeyOf(key: CohortKey): string {
  return JSON.stringify([key.standardId, key.version, key.scale])
}

export function parsePoolKey(key: string): CohortKey {
  const [standardId, version, scale] = JSON.parse(key) as [string, string | null, ScaleId]
  return { standardId, version, scale }
}

/** What to do with an incoming file when the cohort already holds the same assessment. */
export type Choice = 'keep' | 'replace' | 'same'

const time = (iso: string | undefined) => (iso === undefined ? -Infinity : Date.parse(iso))

/**
 * Which copy of one assessment (same id, same cohort) is the newer: the one rated later
 * (`assessment.updatedAt`); at the same rating time, the one reviewed later (a review brought
 * back adds to what the employee's own export said, so it is not lost to a later re-export
 * without it); then the later export. Times are compared as instants, not as text, since
 * "…00Z" and "…00.000Z" are the same moment. Two different contents with all three times equal
 * are ordered by their canonical text, so the choice never depends on which came first.
 */
export function choose(existing: AssessmentFileContent, incoming: AssessmentFileContent): Choice {
  const order = [
    [existing.assessment.updatedAt, incoming.assessment.updatedAt],
    [existing.review?.updatedAt, incoming.review?.updatedAt],
    [existing.exportedAt, incoming.exportedAt],
  ] as const
  for (const [a, b] of order) {
    const diff = time(b) - time(a)
    if (diff > 0) return 'replace'
    if (diff < 0) return 'keep'
  }
  // Rare (the same moments): only here is the whole content compared.
  const before = canonicalJson(existing)
  const after = canonicalJson(incoming)
  if (before === after) return 'same'
  return after > before ? 'replace' : 'keep'
}

/** What pooling did with one file. */
export type PoolOutcome =
  | { action: 'added'; key: string }
  | { action: 'replaced'; key: string; index: number }
  | { action: 'same'; key: string; index: number }
  | { action: 'older'; key: string; index: number }

export interface Pooled {
  /** Each cohort's files, one per assessment id, in the order each assessment first came. */
  cohorts: Map<string, AssessmentFileContent[]>
  /**
   * One per incoming file, in order. `index` is the input file it met: the one it replaced, or
   * the one it is the same as or older than.
   */
  outcomes: PoolOutcome[]
}

/**
 * Pools a list of files into cohorts by the rules above. The store can use it on what it holds
 * plus what comes in, or use `poolKey` and `choose` file by file against its index.
 */
export function pool(files: readonly AssessmentFileContent[]): Pooled {
  const cohorts = new Map<string, AssessmentFileContent[]>()
  /** Where each (cohort, assessment id) sits: its cohort list position and its input index. */
  const held = new Map<string, { at: number; index: number }>()
  const outcomes: PoolOutcome[] = []
  files.forEach((file, index) => {
    const key = poolKey(file)
    let list = cohorts.get(key)
    if (!list) cohorts.set(key, (list = []))
    const id = JSON.stringify([key, file.assessment.id])
    const found = held.get(id)
    if (!found) {
      held.set(id, { at: list.length, index })
      list.push(file)
      outcomes.push({ action: 'added', key })
      return
    }
    const choice = choose(list[found.at]!, file)
    if (choice === 'replace') {
      outcomes.push({ action: 'replaced', key, index: found.index })
      list[found.at] = file
      held.set(id, { at: found.at, index })
    } else outcomes.push({ action: choice === 'same' ? 'same' : 'older', key, index: found.index })
  })
  return { cohorts, outcomes }
}
