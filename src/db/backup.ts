/**
 * Whole-database backup and restore. A restore is all-or-nothing: the file is checked in full
 * first, then every table is replaced in one transaction, which IndexedDB rolls back whole if
 * any write fails.
 */
import { getDb } from './db'
import { buildBackup, type Backup } from '@/domain/backup'

export async function exportBackup(exportedAt = new Date().toISOString()): Promise<Backup> {
  const db = getDb()
  return db.transaction('r', [db.settings, db.standards, db.assessments, db.responses], async () =>
    buildBackup(
      {
        settings: await db.settings.toArray(),
        standards: await db.standards.toArray(),
        assessments: await db.assessments.toArray(),
        responses: await db.responses.toArray(),
      },
      exportedAt,
    ),
  )
}

/** Replaces everything with a checked backup (see parseBackup). */
export async function restoreBackup(backup: Backup): Promise<void> {
  const db = getDb()
  const { settings, standards, assessments, responses } = backup.tables
  await db.transaction(
    'rw',
    [db.settings, db.standards, db.assessments, db.responses],
    async () => {
      await Promise.all([
        db.settings.clear(),
        db.standards.clear(),
        db.assessments.clear(),
        db.responses.clear(),
      ])
      await db.settings.bulkAdd(settings)
      await db.standards.bulkAdd(standards)
      await db.assessments.bulkAdd(assessments)
      await db.responses.bulkAdd(responses)
    },
  )
}
