/**
 * The cohort import's cancel, in each state a batch can be in: reading a .zip's entries (a
 * batch of archives whose entries are all refused), inside a long entry's inflate, working from
 * memory with nothing to wait on, writing, and waiting for the passphrase. Each test holds the
 * work (a read, a write) on a promise it releases only after the cancel, so the batch cannot
 * end first, and shows that nothing after the cancel was read, checked or stored.
 */
import { describe, expect, it } from 'vitest'
import { deflateSync } from 'fflate'
import { MAX_ASSESSMENT_FILE_BYTES, assessmentFileText } from '@/domain/files/assessment-file'
import { protect } from '@/domain/io/protect'
import { useCohortStore } from '@/stores/cohort'
import { RECORDS_PER_TRANSACTION, runCohortImport } from '@/workers/cohort-import.worker'
import { ZIP_READ_BYTES } from '@/workers/zip'
import { freshDatabase, freshPinia, until } from './helpers'
import { AT, fileOf, files, makeFile, standard } from './cohort-files'
import { craftZip, deflated } from '../fixtures/hostile-zips'

const database = freshDatabase()

/** A gate the test opens: reads held on it wait until `open()`. */
function gate() {
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

/** Reads of a .zip's directory: its end, then the directory itself. */
const DIRECTORY_READS = 2

/**
 * A .zip file whose every read is counted; those after the first `free` wait for `held`, when
 * given (by default all but the directory's, so the entries' reads wait). `answered` hears how
 * many reads had been asked for as each one answers.
 */
function watchedZip(
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  options: { held?: Promise<void>; free?: number; answered?: (asked: number) => void } = {},
) {
  const reads: [number, number][] = []
  const file = new File([bytes], name)
  const slice = file.slice.bind(file)
  file.slice = (start = 0, end = bytes.length) => {
    const part = slice(start, end)
    const arrayBuffer = part.arrayBuffer.bind(part)
    part.arrayBuffer = async () => {
      reads.push([start, end])
      const free = reads.length <= (options.free ?? DIRECTORY_READS)
      const answer = await (options.held && !free ? options.held.then(arrayBuffer) : arrayBuffer())
      options.answered?.(reads.length)
      return answer
    }
    return part
  }
  return { file, reads }
}

/** One .zip imported by the worker's own function, on this thread. */
const importZip = (file: File, isCancelled: () => boolean) =>
  runCohortImport(
    {
      dbName: database().name,
      inputs: [{ kind: 'file', file }],
      standards: [standard],
      importedAt: AT,
    },
    database(),
    () => undefined,
    isCancelled,
  )

/**
 * Holds a table of the database from a connection of its own: a read-write transaction kept
 * alive (a request after each answer) until the returned function is called. Writes to the
 * table from other connections wait behind it, as IndexedDB orders them.
 */
async function holdTable(dbName: string, table: string): Promise<() => void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(dbName)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  const store = db.transaction(table, 'readwrite').objectStore(table)
  let released = false
  const keepAlive = () => {
    if (!released) store.count().onsuccess = keepAlive
  }
  keepAlive()
  return () => {
    released = true
    db.close()
  }
}

describe('the cohort import stops when cancelled', () => {
  it('in a batch of .zip files whose entries are all refused: nothing after the cancel is read or counted', async () => {
    await freshPinia()
    const store = useCohortStore()
    // Entries that each inflate past the size their header gives (as the batch did).
    const text = JSON.stringify({ filler: 'x'.repeat(4000) })
    const held = gate()
    const zips = Array.from({ length: 6 }, (_, z) => {
      const bytes = craftZip(
        Array.from({ length: 20 }, (_, i) => deflated(`${z}/${i}.json`, text, 100)),
      )
      // The first archive reads freely; the entries of the others wait for the gate.
      return watchedZip(bytes, `${z}.zip`, z ? { held: held.opened } : {})
    })
    const reads = () => zips.reduce((n, z) => n + z.reads.length, 0)
    const entryReads = () => zips.slice(1).reduce((n, z) => n + z.reads.length - 2, 0)

    const running = store.importFiles(zips.map((z) => z.file))
    // The batch has refused the first archive's entries and waits on the second's reads.
    await until(() => entryReads() > 0, 10_000)
    store.cancel()
    const readsAtCancel = reads()
    held.open()
    await running

    expect(store.status).toBe('cancelled')
    const { done, rejected, kept, total } = store.progress
    expect(total).toBe(120)
    expect(kept).toBe(0)
    expect(rejected).toBe(done)
    // The first archive's 20 entries at most; none of the held ones was counted.
    expect(done).toBeLessThanOrEqual(20)
    expect(store.failures.every((f) => f.file.startsWith('0.zip/'))).toBe(true)
    // Nothing was read after the cancel: the reads asked for before it were all there are.
    expect(reads()).toBe(readsAtCancel)
    expect(entryReads()).toBeLessThan(100)
    expect(await database().cohortFiles.count()).toBe(0)
  }, 30_000)

  it('inside a long entry: its inflate stops at the next step and reads no more of it', async () => {
    // An entry of 3 MB that deflate cannot shrink, read a megabyte at a time.
    const size = 3 * ZIP_READ_BYTES
    const noise = new Uint8Array(size)
    for (let i = 0; i < size; i++) noise[i] = (i * 2654435761) >>> 24
    const bytes = craftZip([{ name: 'long.json', data: deflateSync(noise, { level: 0 }), size }])
    const held = gate()
    // Its end, its directory and the entry's first megabyte are read; the next waits.
    const zip = watchedZip(bytes, 'long.zip', { held: held.opened, free: DIRECTORY_READS + 1 })
    let cancelled = false
    const running = importZip(zip.file, () => cancelled)
    // The entry's second megabyte is asked for: the inflate is under way, half done.
    await until(() => zip.reads.length === DIRECTORY_READS + 2, 10_000)
    cancelled = true
    held.open()
    const result = await running
    expect(result.cancelled).toBe(true)
    expect(result.progress).toEqual({ done: 0, total: 1, rejected: 0, kept: 0 })
    // Its third megabyte was never read.
    expect(zip.reads).toHaveLength(DIRECTORY_READS + 2)
    expect(await database().cohortFiles.count()).toBe(0)
  }, 30_000)

  it('with nothing to wait on (entries refused by their size alone): the cancel is heard between files', async () => {
    // 19,000 entries each larger than a file may be: refused without a read, from memory only.
    const count = 19_000
    const bytes = craftZip(
      Array.from({ length: count }, (_, i) => ({
        name: `${i}.json`,
        data: new Uint8Array([0]),
        size: MAX_ASSESSMENT_FILE_BYTES + 1,
      })),
    )
    let cancelled = false
    let directoryRead = false
    // The cancel comes as a page's message would: as a task of its own, queued once the
    // directory has been read. A batch that never gives its thread a turn would end first.
    const zip = watchedZip(bytes, 'oversized.zip', {
      answered: (asked) => {
        if (asked !== DIRECTORY_READS || directoryRead) return
        directoryRead = true
        setTimeout(() => (cancelled = true), 0)
      },
    })
    const result = await importZip(zip.file, () => cancelled)
    expect(directoryRead).toBe(true)
    expect(result.cancelled).toBe(true)
    expect(result.progress.total).toBe(count)
    expect(result.progress.done).toBeLessThan(count)
    expect(result.progress.rejected).toBe(result.progress.done)
  }, 60_000)

  it('while a transaction is being written: the files checked are written whole, no more', async () => {
    await freshPinia()
    const store = useCohortStore()
    const count = 3 * RECORDS_PER_TRANSACTION
    const made = await files(count)
    // Another connection holds the cohort's table: the batch's first write waits behind it.
    await database().open()
    const release = await holdTable(database().name, 'cohortFiles')
    let reads = 0
    const chosen = made.map((f) => {
      const file = fileOf(f)
      const text = file.text.bind(file)
      file.text = () => {
        reads += 1
        return text()
      }
      return file
    })
    const running = store.importFiles(chosen)
    await until(() => store.progress.done >= RECORDS_PER_TRANSACTION, 30_000)
    store.cancel()
    const readsAtCancel = reads
    release()
    await running
    expect(store.status).toBe('cancelled')
    const { done, kept, rejected, total } = store.progress
    expect(total).toBe(count)
    expect(rejected).toBe(0)
    expect(kept).toBe(done)
    // The first transaction, and the files checked while it waited (its next at most).
    expect(kept).toBeGreaterThanOrEqual(RECORDS_PER_TRANSACTION)
    expect(kept).toBeLessThanOrEqual(2 * RECORDS_PER_TRANSACTION)
    expect(await database().cohortFiles.count()).toBe(kept)
    // No file was read after the cancel (those read ahead before it were, and are not kept).
    expect(reads).toBe(readsAtCancel)
    expect(reads).toBeLessThan(count)
  }, 60_000)

  it('while waiting for the passphrase: the protected files are left out, the others kept', async () => {
    await freshPinia()
    const store = useCohortStore()
    const locked = new File(
      [JSON.stringify(await protect(assessmentFileText(await makeFile(2)), '密語'))],
      'locked.json',
    )
    await store.importFiles([fileOf(await makeFile(1)), locked])
    expect(store.status).toBe('needs-passphrase')
    store.cancel()
    expect(store.status).toBe('cancelled')
    expect(store.lockedCount).toBe(0)
    await store.unlock('密語') // too late: nothing waits for it
    expect(store.status).toBe('cancelled')
    expect(store.progress).toEqual({ done: 1, total: 2, rejected: 0, kept: 1 })
    expect(await database().cohortFiles.count()).toBe(1)
  }, 30_000)
})
