/**
 * The GapLens IndexedDB database. One place declares every version; a released version is
 * never edited: a change adds version(n + 1) with an upgrade() that moves the data.
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { AssessmentRecord, ResponseRecord } from '@/domain/assessment/records'
import type { Setting, StoredStandard } from '@/domain/backup'

export type { AssessmentRecord, ResponseRecord, Setting, StoredStandard }

export const DB_NAME = 'gaplens'

export class GapLensDB extends Dexie {
  settings!: EntityTable<Setting, 'key'>
  standards!: EntityTable<StoredStandard, 'id'>
  assessments!: EntityTable<AssessmentRecord, 'id'>
  responses!: Table<ResponseRecord, [string, string]>

  constructor(name: string = DB_NAME) {
    // Chrome commits IndexedDB writes "relaxed" by default; a rating shown as saved must
    // survive a crash of the whole browser too, so ask for strict durability.
    super(name, { chromeTransactionDurability: 'strict' })
    // Version 1 (released with the Foundation).
    this.version(1).stores({
      settings: '&key',
      standards: '&id',
    })
    // Version 2: assessments and their responses, one record per rated item.
    this.version(2).stores({
      assessments: '&id, standardId, updatedAt',
      responses: '&[assessmentId+itemKey], assessmentId',
    })
  }
}

let instance: GapLensDB | undefined

/** The app's database, opened on first use. */
export function getDb(): GapLensDB {
  instance ??= new GapLensDB()
  return instance
}

/** Replaces the app's database (tests). */
export function setDb(db: GapLensDB): void {
  instance = db
}
