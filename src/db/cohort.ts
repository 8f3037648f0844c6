/**
 * The trainer's cohort in the database: one record per imported assessment file (never one per
 * rating), holding the file's checked content. A cohort is every file of one standard, version
 * and scale; its key is indexed, so a cohort loads with one query.
 *
 * Every function takes the database to use (the app's by default): the import writes from a
 * Web Worker, which opens its own connection to the same database.
 */
import { getDb, type GapLensDB } from './db'
import type { AssessmentFileContent } from '@/domain/files/assessment-file'
import { choose, poolKey } from '@/domain/cohort/pool'
import type { CohortFileRecord } from '@/domain/cohort/records'

/** What identifies a cohort: the standard's id and version and the scale rated on. */
export interface CohortIdentity {
  standardId: string
  version: string | null
  scale: AssessmentFileContent['assessment']['scale']
}

/** The key of a cohort: the pooling rule's (domain/cohort/pool.ts). */
export const cohortKeyOf = poolKey

/** A cohort as the list of cohorts shows it. */
export interface CohortSummary {
  key: string
  /** The standard as the first file of the cohort names it. */
  standard: AssessmentFileContent['standard']
  scale: AssessmentFileContent['assessment']['scale']
  /** Files in the cohort: one per assessment. */
  count: number
}

/** What storing a batch did to each file: the file's record is new, took an older one's place,
 * or changed nothing (the same file, or an export older than the one stored). */
export type StoreOutcome = 'added' | 'replaced' | 'unchanged'

/**
 * Stores checked files in one transaction: all of them or, if the transaction fails (a full
 * disk), none. A file whose assessment is already in its cohort replaces the stored one only
 * when it is the newer copy (`choose` in domain/cohort/pool.ts: rated, reviewed, then exported
 * later); within the batch the same rule holds. Outcomes in input order.
 */
export async function storeCohortFiles(
  records: readonly CohortFileRecord[],
  db: GapLensDB = getDb(),
): Promise<StoreOutcome[]> {
  return db.transaction('rw', db.cohortFiles, async () => {
    const keys = records.map((r): [string, string] => [r.cohortKey, r.assessmentId])
    const stored = await db.cohortFiles.bulkGet(keys)
    const winners = new Map<string, CohortFileRecord>()
    const outcomes = records.map((record, i): StoreOutcome => {
      const id = JSON.stringify(keys[i])
      const held = winners.get(id) ?? stored[i]
      if (held && (held.hash === record.hash || choose(held.content, record.content) !== 'replace'))
        return 'unchanged'
      winners.set(id, record)
      return stored[i] ? 'replaced' : 'added'
    })
    await db.cohortFiles.bulkPut([...winners.values()])
    return outcomes
  })
}

/** Every cohort on this device, with the number of files in each, in key order. */
export async function listCohorts(db: GapLensDB = getDb()): Promise<CohortSummary[]> {
  return db.transaction('r', db.cohortFiles, async () => {
    const keys = (await db.cohortFiles.orderBy('cohortKey').uniqueKeys()) as string[]
    return Promise.all(
      keys.map(async (key) => {
        // A new collection for each query: Dexie's `first()` limits the collection it is on.
        const files = () => db.cohortFiles.where('cohortKey').equals(key)
        const [count, first] = await Promise.all([files().count(), files().first()])
        return {
          key,
          standard: first!.content.standard,
          scale: first!.content.assessment.scale,
          count,
        }
      }),
    )
  })
}

/** The files of one cohort, in assessment id order. */
export function cohortFiles(key: string, db: GapLensDB = getDb()): Promise<CohortFileRecord[]> {
  return db.cohortFiles.where('cohortKey').equals(key).toArray()
}

/** Deletes a cohort and every file in it. */
export async function deleteCohort(key: string, db: GapLensDB = getDb()): Promise<number> {
  return db.cohortFiles.where('cohortKey').equals(key).delete()
}
