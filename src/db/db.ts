/**
 * The GapLens IndexedDB database. One place declares every version; a released version is
 * never edited: a change adds version(n + 1) with an upgrade() that moves the data.
 */
import Dexie, { type EntityTable } from 'dexie'

export const DB_NAME = 'gaplens'

/** A small preference, by key. */
export interface Setting {
  key: string
  value: unknown
}

/** A standard a user added from a file: kept as its text and checked again on every load. */
export interface StoredStandard {
  id: string
  file: string
  body: string
  addedAt: string
}

export class GapLensDB extends Dexie {
  settings!: EntityTable<Setting, 'key'>
  standards!: EntityTable<StoredStandard, 'id'>

  constructor(name: string = DB_NAME) {
    super(name)
    // Version 1 (released with the Foundation).
    this.version(1).stores({
      settings: '&key',
      standards: '&id',
    })
  }
}

let instance: GapLensDB | undefined

/** The app's database, opened on first use. */
export function getDb(): GapLensDB {
  instance ??= new GapLensDB()
  return instance
}
