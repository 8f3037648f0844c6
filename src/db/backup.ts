/**
 * Whole-database backup and restore. A restore is all-or-nothing: the file is checked in full
 * first, then every table is replaced in one transaction, which IndexedDB rolls back whole if
 * any write fails.
 */
import { getDb } from './db'
import { buildBackup, type Backup } from '@/domain/files/backup'

function tablesOf(db: ReturnType<typeof getDb>) {
  return [
    db.settings,
    db.standards,
    db.assessments,
    db.responses,
    db.reviews,
    db.reviewRatings,
    db.receivedReviews,
  ]
}

export async function exportBackup(exportedAt = new Date().toISOString()): Promise<Backup> {
  const db = getDb()
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
      },
      exportedAt,
    ),
  )
}

/** Replaces everything with a checked backup (see parseBackup). */
export async function restoreBackup(backup: Backup): Promise<void> {
  const db = getDb()
  const t = backup.tables
  await db.transaction('rw', tablesOf(db), async () => {
    await Promise.all(tablesOf(db).map((table) => table.clear()))
    await db.settings.bulkAdd(t.settings)
    await db.standards.bulkAdd(t.standards)
    await db.assessments.bulkAdd(t.assessments)
    await db.responses.bulkAdd(t.responses)
    await db.reviews.bulkAdd(t.reviews)
    await db.reviewRatings.bulkAdd(t.reviewRatings)
    await db.receivedReviews.bulkAdd(t.receivedReviews)
  })
}
