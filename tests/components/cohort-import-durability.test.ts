import { afterEach, describe, expect, it, vi } from 'vitest'
import Dexie from 'dexie'
import { GapLensDB } from '@/db/db'
import { storeCohortFiles } from '@/db/cohort'
import { runCohortImport, RECORDS_PER_TRANSACTION } from '@/workers/cohort-import.worker'
import { AT, contentOf, fileOf, files, standard } from './cohort-files'

/**
 * The cohort import writes with relaxed durability (its worker's own connection): the browser
 * does not wait for the disk before it calls a transaction done. What must still hold is that
 * a transaction is whole or absent: a worker that dies in the middle of one (its page closed,
 * the browser crashed) leaves none of that transaction's files, and every file stored whole.
 */
const opened: GapLensDB[] = []
const connection = (name: string, durability?: 'relaxed') => {
  const db = new GapLensDB(name, durability ? { durability } : {})
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
  vi.restoreAllMocks()
})

/** The durability each read-write transaction on the cohort's table was opened with. */
function durabilities(): (string | undefined)[] {
  const asked: (string | undefined)[] = []
  const open = IDBDatabase.prototype.transaction
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    stores: string | Iterable<string>,
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    if (
      mode === 'readwrite' &&
      [...(typeof stores === 'string' ? [stores] : stores)].includes('cohortFiles')
    )
      asked.push(options?.durability)
    return open.call(this, stores, mode, options)
  })
  return asked
}

describe('the cohort import’s writes', () => {
  it('ask for relaxed durability on the import’s connection only; every other stays strict', async () => {
    const asked = durabilities()
    const [file] = await files(1)
    const record = {
      cohortKey: 'k',
      assessmentId: file!.assessment.id,
      hash: file!.integrity.hash,
      fileName: 'a.json',
      importedAt: AT,
      content: contentOf(file!),
    }
    await storeCohortFiles([record], connection(`durability-${crypto.randomUUID()}`, 'relaxed'))
    await storeCohortFiles([record], connection(`durability-${crypto.randomUUID()}`))
    expect(asked).toEqual(['relaxed', 'strict'])
  })

  it('a worker dying in the middle of a transaction leaves none of its files, and those before it whole', async () => {
    const name = `durability-${crypto.randomUUID()}`
    const db = connection(name, 'relaxed')
    const table = db.cohortFiles
    const bulkPut = table.bulkPut.bind(table)
    let calls = 0
    // The second transaction puts half its records, then its thread dies: it never commits.
    table.bulkPut = (async (records: Parameters<typeof bulkPut>[0]) => {
      calls += 1
      if (calls === 1) return bulkPut(records)
      await bulkPut(records.slice(0, records.length / 2))
      throw Object.assign(new Error('the worker ended'), { name: 'AbortError' })
    }) as typeof table.bulkPut
    const made = await files(RECORDS_PER_TRANSACTION * 2 + 10)
    const result = await runCohortImport(
      {
        dbName: name,
        inputs: made.map((f) => ({ kind: 'file', file: fileOf(f) })),
        standards: [standard],
        importedAt: AT,
      },
      db,
      () => undefined,
      () => false,
    )
    expect(result.failed?.name).toBe('AbortError')
    expect(result.progress.kept).toBe(RECORDS_PER_TRANSACTION)
    // Read by a connection of its own, as the page reloaded would.
    const stored = await connection(name).cohortFiles.toArray()
    expect(stored.map((r) => r.assessmentId).sort()).toEqual(
      made
        .slice(0, RECORDS_PER_TRANSACTION)
        .map((f) => f.assessment.id)
        .sort(),
    )
    for (const record of stored)
      expect(record.content).toEqual(
        contentOf(made.find((f) => f.assessment.id === record.assessmentId)!),
      )
  }, 60_000)
})
