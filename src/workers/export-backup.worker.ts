/**
 * Makes the whole-database backup file off the page's thread: reading every table and writing
 * tens of megabytes of JSON would hold the page for seconds (see export-backup.ts).
 */
import { GapLensDB } from '@/db/db'
import { classifyStorageError } from '@/db/errors'
import { backupFile, type ExportAnswer } from './export-backup'

self.onmessage = async (event: MessageEvent<{ dbName: string }>) => {
  const db = new GapLensDB(event.data.dbName)
  try {
    self.postMessage({ ok: true, file: await backupFile(db) } satisfies ExportAnswer)
  } catch (error) {
    self.postMessage({ ok: false, problem: classifyStorageError(error) } satisfies ExportAnswer)
  } finally {
    db.close()
  }
}
