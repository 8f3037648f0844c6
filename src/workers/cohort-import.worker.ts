/**
 * The cohort import, off the page's thread: every file read, checked by the app's one reader
 * (domain/files/read.ts) against the standards the page sent, and written as one record per
 * file in bulk transactions of whole records.
 *
 * Why the worker writes, not the page: a checked file is the bulk of the work's data (150
 * ratings and their notes); posting 10,000 of them back would clone them all on the page's
 * thread and make it write them there, the very work this worker takes away. Dexie opens the
 * same database here, and the page hears only counts.
 *
 * Loaded as a worker it answers messages (see cohort-import.ts); imported on the page's thread
 * (a test, a browser without module workers) it only exports `runCohortImport`.
 */
import { Inflate } from 'fflate'
import { GapLensDB } from '@/db/db'
import { cohortKeyOf, storeCohortFiles, type CohortFileRecord } from '@/db/cohort'
import { MAX_ASSESSMENT_FILE_BYTES } from '@/domain/files/assessment-file'
import { readAssessmentText } from '@/domain/files/read'
import { failure, problem, type FileFailure } from '@/domain/io/problems'
import { checkSize } from '@/domain/io/size'
import { standardContentHash } from '@/domain/standard/identity'
import type { Standard } from '@/domain/standard/schema'
import type {
  ImportCounts,
  ImportError,
  ImportJob,
  ImportProgress,
  ImportReport,
  ImportResult,
  LockedText,
  ToWorker,
} from './cohort-import'

/** Records written per transaction: few enough to keep each short, many enough to be fast. */
export const RECORDS_PER_TRANSACTION = 200
/** Files read and checked together (their reads and hashes overlap). */
const FILES_AT_ONCE = 8
/** A report at most every this many files or milliseconds, whichever comes first. */
const REPORT_EVERY_FILES = 50
const REPORT_EVERY_MS = 100

// Zip bombs: a .zip is refused before anything is inflated when it has more entries, or its
// .json entries add up to more, than any real batch (10,000 files of one standard); an entry
// larger than an assessment file may be is refused, and one that inflates to more than its
// header says is stopped there, so memory and time never exceed what the headers admit.
/** The most entries a .zip may have (twice the largest batch the app is made for). */
export const MAX_ARCHIVE_ENTRIES = 20_000
/** The most a .zip's .json entries may add up to, inflated; and the largest .zip read. */
export const MAX_ARCHIVE_BYTES = 20 * MAX_ASSESSMENT_FILE_BYTES
/** The largest entry: the largest assessment file. */
export const MAX_ARCHIVE_ENTRY_BYTES = MAX_ASSESSMENT_FILE_BYTES
/** Compressed bytes inflated per step, so an entry that overruns is stopped early. */
const INFLATE_STEP = 64 * 1024

const fail = (name: string, code: 'unreadable', detail: string) =>
  failure(name, [problem(code, { detail })])
const tooLarge = (name: string, size: number, limit: number) =>
  failure(name, [problem('too-large', { size, limit })])

/** A file of the batch, read when its turn comes. */
interface Item {
  name: string
  read(): Promise<string | FileFailure>
}

interface ZipEntry {
  name: string
  flags: number
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder().decode(bytes)
  // Without the UTF-8 flag a name is in the writer's code page: often still UTF-8, in Taiwan
  // often Big5 (Windows' own zip), else read byte for byte.
  for (const label of ['utf-8', 'big5']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes)
    } catch {
      // try the next
    }
  }
  return new TextDecoder('latin1').decode(bytes)
}

/** The entries of a .zip from its central directory, or why it cannot be read. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  const u64 = (at: number) => Number(view.getBigUint64(at, true))
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(at) === 0x06054b50) {
      end = at
      break
    }
  if (end < 0) return 'not a zip archive'
  let count = u16(end + 10)
  let offset = u32(end + 16)
  // ZIP64: the counts and offsets that do not fit are in a record before this one.
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(end - 20) === 0x07064b50) {
    const at = u64(end - 12)
    if (at + 56 > bytes.length || u32(at) !== 0x06064b50) return 'damaged zip64 directory'
    count = u64(at + 32)
    offset = u64(at + 48)
  }
  if (count > MAX_ARCHIVE_ENTRIES) return `more than ${MAX_ARCHIVE_ENTRIES} entries`
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return 'damaged zip directory'
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    const flags = u16(at + 8)
    let compressedSize = u32(at + 20)
    let size = u32(at + 24)
    let localOffset = u32(at + 42)
    if (at + 46 + nameLength + extraLength > bytes.length) return 'damaged zip directory'
    // ZIP64 extra field: the sizes and offset that did not fit, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x)
      const length = u16(x + 2)
      if (id === 0x0001) {
        let field = x + 4
        const next = () => {
          const value = field + 8 <= x + 4 + length ? u64(field) : 0
          field += 8
          return value
        }
        if (size === 0xffffffff) size = next()
        if (compressedSize === 0xffffffff) compressedSize = next()
        if (localOffset === 0xffffffff) localOffset = next()
      }
      x += 4 + length
    }
    entries.push({
      name: decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
      flags,
      method: u16(at + 10),
      compressedSize,
      size,
      localOffset,
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** An entry's bytes, inflated no further than its header says. */
function entryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const at = entry.localOffset
  if (
    at + 30 > bytes.length ||
    new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true) !== 0x04034b50
  )
    return 'damaged zip entry'
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 30)
  const start = at + 30 + view.getUint16(26, true) + view.getUint16(28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) return 'damaged zip entry'
  if (entry.flags & 1) return 'encrypted zip entry'
  if (entry.method === 0)
    return data.length === entry.size ? data : 'zip entry size differs from its header'
  if (entry.method !== 8) return `zip compression method ${entry.method}`
  const out = new Uint8Array(entry.size)
  let length = 0
  let over = false
  const inflater = new Inflate((chunk) => {
    if (over) return
    if (length + chunk.length > out.length) over = true
    else {
      out.set(chunk, length)
      length += chunk.length
    }
  })
  try {
    if (data.length === 0) inflater.push(data, true)
    for (let step = 0; step < data.length && !over; step += INFLATE_STEP)
      inflater.push(data.subarray(step, step + INFLATE_STEP), step + INFLATE_STEP >= data.length)
  } catch (error) {
    return `damaged zip entry (${error instanceof Error ? error.message : String(error)})`
  }
  if (over || length !== entry.size) return 'zip entry size differs from its header'
  return out
}

function isJsonEntry(name: string): boolean {
  const base = name.split('/').pop() ?? ''
  // macOS adds a "._" twin of every file (and a __MACOSX folder): not files a person chose.
  return (
    /\.json$/i.test(name) &&
    !base.startsWith('._') &&
    !name.startsWith('__MACOSX/') &&
    !name.endsWith('/')
  )
}

/** The files of a .zip as items, or the .zip refused as a whole. */
async function zipItems(file: File): Promise<Item[] | FileFailure> {
  const refusedSize = checkSize(file, MAX_ARCHIVE_BYTES)
  if (refusedSize) return refusedSize
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    return fail(file.name, 'unreadable', error instanceof Error ? error.message : String(error))
  }
  const entries = readZipDirectory(bytes)
  if (typeof entries === 'string') return fail(file.name, 'unreadable', entries)
  const files = entries.filter((e) => isJsonEntry(e.name))
  const declared = files.reduce((sum, e) => sum + e.size, 0)
  if (declared > MAX_ARCHIVE_BYTES) return tooLarge(file.name, declared, MAX_ARCHIVE_BYTES)
  return files.map((entry) => {
    const name = `${file.name}/${entry.name}`
    return {
      name,
      read: async () => {
        if (entry.size > MAX_ARCHIVE_ENTRY_BYTES)
          return tooLarge(name, entry.size, MAX_ARCHIVE_ENTRY_BYTES)
        const inflated = entryBytes(bytes, entry)
        if (typeof inflated === 'string') return fail(name, 'unreadable', inflated)
        return new TextDecoder().decode(inflated)
      },
    }
  })
}

function fileItem(file: File): Item {
  return {
    name: file.name,
    read: async () => {
      const refused = checkSize(file, MAX_ASSESSMENT_FILE_BYTES)
      if (refused) return refused
      try {
        return await file.text()
      } catch (error) {
        return fail(file.name, 'unreadable', error instanceof Error ? error.message : String(error))
      }
    },
  }
}

function errorOf(error: unknown): ImportError {
  const e = error as { name?: unknown; message?: unknown; inner?: { name?: unknown } }
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(error),
    inner: typeof e?.inner?.name === 'string' ? e.inner.name : null,
  }
}

/**
 * Imports one batch into the cohort: reads every file (a .zip's .json entries each as a file),
 * checks it, and stores the good ones a transaction of whole records at a time. Protected files
 * are opened with the job's passphrase, or set aside (`locked`) when it has none. Cancelling
 * stops before the next files; those already checked are written, whole, and counted as kept.
 * Never throws: a write that fails ends the batch with `failed`.
 */
export async function runCohortImport(
  job: ImportJob,
  db: GapLensDB,
  onReport: (report: ImportReport) => void,
  isCancelled: () => boolean,
): Promise<ImportResult> {
  const progress: ImportProgress = { done: 0, total: 0, rejected: 0, kept: 0 }
  const counts: ImportCounts = { added: 0, replaced: 0, unchanged: 0 }
  const locked: LockedText[] = []
  let rejected: FileFailure[] = []
  let pending: CohortFileRecord[] = []
  let lastReport = { done: 0, at: Date.now() }

  const report = (force = false) => {
    const now = Date.now()
    if (
      !force &&
      progress.done - lastReport.done < REPORT_EVERY_FILES &&
      now - lastReport.at < REPORT_EVERY_MS
    )
      return
    onReport({ progress: { ...progress }, rejected })
    rejected = []
    lastReport = { done: progress.done, at: now }
  }
  const reject = (f: FileFailure) => {
    rejected.push({ file: f.file, problem: f.problem, more: f.more })
    progress.rejected += 1
    progress.done += 1
  }
  const flush = async () => {
    if (!pending.length) return
    const outcomes = await storeCohortFiles(pending, db)
    for (const outcome of outcomes) counts[outcome] += 1
    progress.kept += pending.length
    pending = []
  }

  const standards = new Map(job.standards.map((s) => [s.id, s]))
  const hashes = new Map<Standard, Promise<string>>()
  const hashOf = (standard: Standard) => {
    let hash = hashes.get(standard)
    if (!hash) hashes.set(standard, (hash = standardContentHash(standard)))
    return hash
  }

  let failed: ImportError | null = null
  let cancelled = false
  try {
    const items: Item[] = []
    for (const input of job.inputs) {
      if (input.kind === 'text') items.push({ name: input.name, read: async () => input.text })
      else if (/\.zip$/i.test(input.file.name)) {
        const zip = await zipItems(input.file)
        if (Array.isArray(zip)) items.push(...zip)
        else items.push({ name: zip.file, read: async () => zip })
      } else items.push(fileItem(input.file))
    }
    progress.total = items.length
    report(true)

    for (let start = 0; start < items.length; start += FILES_AT_ONCE) {
      if (isCancelled()) {
        cancelled = true
        break
      }
      const group = items.slice(start, start + FILES_AT_ONCE)
      const results = await Promise.all(
        group.map(async (item) => {
          const text = await item.read()
          if (typeof text !== 'string') return { item, text: '', read: text }
          const read = await readAssessmentText(
            item.name,
            text,
            (id) => standards.get(id),
            hashOf,
            job.passphrase,
          )
          return { item, text, read }
        }),
      )
      for (const { item, text, read } of results) {
        if ('problem' in read) reject(read)
        else if (read.ok === 'locked') locked.push({ name: item.name, text })
        else {
          const { integrity, ...content } = read.value.file
          pending.push({
            cohortKey: cohortKeyOf(content),
            assessmentId: content.assessment.id,
            hash: integrity.hash,
            fileName: item.name,
            importedAt: job.importedAt,
            content,
          })
          progress.done += 1
        }
      }
      if (pending.length >= RECORDS_PER_TRANSACTION) await flush()
      report()
    }
    await flush()
  } catch (error) {
    // Only a write can throw here: the records of the failed transaction are not stored.
    failed = errorOf(error)
    progress.done = progress.kept + progress.rejected
  }
  report(true)
  return { progress, counts, locked: cancelled ? [] : locked, cancelled, failed }
}

// As a worker: one batch per worker, cancelled by a message.
if ('WorkerGlobalScope' in globalThis) {
  let cancelled = false
  self.onmessage = async (event: MessageEvent<ToWorker>) => {
    const message = event.data
    if (message.type === 'cancel') {
      cancelled = true
      return
    }
    const db = new GapLensDB(message.job.dbName)
    const result = await runCohortImport(
      message.job,
      db,
      (report) => self.postMessage({ type: 'progress', report }),
      () => cancelled,
    )
    db.close()
    self.postMessage({ type: 'done', result })
  }
}
