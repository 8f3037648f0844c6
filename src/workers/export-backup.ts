/**
 * The whole-database backup file, made in a Web Worker: every table read and written as JSON
 * there, and only the finished file (a Blob, handed over without a copy of its text) comes to
 * the page. Where there is no worker (a test's DOM), it is made on this thread.
 */
import { classifyStorageError, type StorageProblem } from '@/db/errors'
import type { GapLensDB } from '@/db/db'

/** A backup file: when it was made, and its bytes. */
export interface BackupFile {
  exportedAt: string
  blob: Blob
}

export type ExportAnswer = { ok: true; file: BackupFile } | { ok: false; problem: StorageProblem }

/** Reads every table in one transaction and writes the file (the worker's work, or this thread's). */
export async function backupFile(db: GapLensDB): Promise<BackupFile> {
  const { exportBackup } = await import('@/db/backup')
  const backup = await exportBackup(undefined, db)
  const blob = new Blob([JSON.stringify(backup, null, 2), '\n'], { type: 'application/json' })
  return { exportedAt: backup.exportedAt, blob }
}

async function inThisThread(): Promise<ExportAnswer> {
  try {
    const { getDb } = await import('@/db/db')
    return { ok: true, file: await backupFile(getDb()) }
  } catch (error) {
    return { ok: false, problem: classifyStorageError(error) }
  }
}

/** Makes the backup file of the database `dbName` off the page's thread. */
export function exportBackupFile(dbName: string): Promise<ExportAnswer> {
  if (typeof Worker === 'undefined') return inThisThread()
  let worker: Worker
  try {
    worker = new Worker(new URL('./export-backup.worker.ts', import.meta.url), {
      type: 'module',
      name: 'export-backup',
    })
  } catch {
    return inThisThread()
  }
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<ExportAnswer>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      // A worker that cannot start: the same file made here.
      event.preventDefault()
      worker.terminate()
      resolve(inThisThread())
    }
    worker.postMessage({ dbName })
  })
}
