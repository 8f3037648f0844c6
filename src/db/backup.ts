/**
 * Whole-database backup and restore. A restore is all-or-nothing: the file is checked in full
 * first, then every write is made in one transaction, which IndexedDB rolls back whole if any
 * write fails (a full disk half-way leaves the device as it was). The writes go in chunks with
 * progress between them; the transaction stays open across them because each chunk is asked
 * for as the one before it answers.
 */
import { getDb, type GapLensDB } from './db'
import { buildBackup, type Backup, type BackupTables } from '@/domain/files/backup'
import { recordCount, type DeviceIndex, type MergePlan } from '@/domain/files/restore-plan'

function tablesOf(db: GapLensDB) {
  return [
    db.settings,
    db.standards,
    db.assessments,
    db.responses,
    db.reviews,
    db.reviewRatings,
    db.receivedReviews,
    db.planActions,
    db.reviewPlanActions,
    db.reviewerKeys,
  ]
}

export async function exportBackup(
  exportedAt = new Date().toISOString(),
  db: GapLensDB = getDb(),
): Promise<Backup> {
  return db.transaction('r', tablesOf(db), async () =>
    buildBackup(
      {
        settings: await db.settings.toArray(),
        standards: await db.standards.toArray(),
        assessments: await db.assessments.toArray(),
        responses: await db.responses.toArray(),
        reviews: await db.reviews.toArray(),
        reviewRatings: await db.reviewRatings.toArray(),
        receivedReviews: await db.receivedReviews.toArray(),
        planActions: await db.planActions.toArray(),
        reviewPlanActions: await db.reviewPlanActions.toArray(),
        reviewerKeys: await db.reviewerKeys.toArray(),
      },
      exportedAt,
    ),
  )
}

/** What the device holds, as a restore that adds to it compares against. */
export async function deviceIndex(db: GapLensDB = getDb()): Promise<DeviceIndex> {
  return db.transaction('r', tablesOf(db), async () => {
    const assessments = new Map<string, string>()
    await db.assessments.each((a) => void assessments.set(a.id, a.updatedAt))
    const reviews = new Map<string, { id: string; updatedAt: string }>()
    await db.reviews.each(
      (r) => void reviews.set(r.assessmentId, { id: r.id, updatedAt: r.updatedAt }),
    )
    return {
      assessments,
      reviews,
      standards: new Set(await db.standards.toCollection().primaryKeys()),
      settings: new Set(await db.settings.toCollection().primaryKeys()),
      received: new Set(await db.receivedReviews.toCollection().primaryKeys()),
    }
  })
}

/** Records per write request: small enough that progress moves several times a second. */
export const RESTORE_CHUNK = 2000

/** How far a restore's writes are: records written of all. */
export type RestoreProgress = (written: number, total: number) => void

/** What a restore writes: everything (replacing the device's), or an added plan's records. */
export type RestoreWrite =
  { mode: 'replace'; tables: BackupTables } | { mode: 'add'; plan: MergePlan }

/**
 * Writes a checked restore in one transaction: replace clears every table first; add takes out
 * the device's older copies the plan replaces (with their responses or review ratings), then
 * puts the plan's records. Rejects, having changed nothing, if any write fails.
 */
export async function writeRestore(
  write: RestoreWrite,
  onProgress: RestoreProgress = () => undefined,
  db: GapLensDB = getDb(),
): Promise<void> {
  const t = write.mode === 'replace' ? write.tables : write.plan.put
  const total = recordCount(t)
  let written = 0
  /** Puts rows a chunk at a time, each asked for as the one before it is answered. */
  async function put<T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: T[]) {
    for (let at = 0; at < rows.length; at += RESTORE_CHUNK) {
      const chunk = rows.slice(at, at + RESTORE_CHUNK)
      await table.bulkPut(chunk)
      written += chunk.length
      onProgress(written, total)
    }
  }
  await db.transaction('rw', tablesOf(db), async () => {
    if (write.mode === 'replace') await Promise.all(tablesOf(db).map((table) => table.clear()))
    else {
      const { replacedAssessments, replacedReviews } = write.plan
      if (replacedAssessments.length) {
        await db.responses.where('assessmentId').anyOf(replacedAssessments).delete()
        await db.planActions.where('assessmentId').anyOf(replacedAssessments).delete()
      }
      if (replacedReviews.length) {
        await db.reviewRatings.where('reviewId').anyOf(replacedReviews).delete()
        await db.reviewPlanActions.where('reviewId').anyOf(replacedReviews).delete()
        await db.reviews.bulkDelete(replacedReviews)
      }
    }
    onProgress(0, total)
    await put(db.settings, t.settings)
    await put(db.standards, t.standards)
    await put(db.assessments, t.assessments)
    await put(db.responses, t.responses)
    await put(db.reviews, t.reviews)
    await put(db.reviewRatings, t.reviewRatings)
    await put(db.receivedReviews, t.receivedReviews)
    await put(db.planActions, t.planActions)
    await put(db.reviewPlanActions, t.reviewPlanActions)
    await put(db.reviewerKeys, t.reviewerKeys)
  })
}
