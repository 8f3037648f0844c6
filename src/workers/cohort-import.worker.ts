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
 * Loaded as a worker it answers messages (see cohort-import-protocol.ts); imported on the page's thread
 * (a test, a browser without module workers) it only exports `runCohortImport`.
 */
import { GapLensDB } from '@/db/db'
import { cohortKeyOf, storeCohortFiles } from '@/db/cohort'
import type { CohortFileRecord } from '@/domain/cohort/records'
import { readAssessmentText } from '@/domain/files/read'
import type { FileFailure } from '@/domain/io/problems'
import { standardContentHash } from '@/domain/standard/identity'
import type { Standard } from '@/domain/standard/schema'
import { giveWay } from './give-way'
import { archiveBudget, itemsOf, type Item } from './import-items'
import { readAhead } from './read-ahead'
import type {
  ImportCounts,
  ImportError,
  ImportInput,
  ImportJob,
  ImportProgress,
  ImportReport,
  ImportResult,
  LockedText,
  PartnerLink,
  ToWorker,
} from './cohort-import-protocol'
import { portLink } from './cohort-import-protocol'
import { packedBuffers } from './cohort-pack'
import { preparedCohorts, type PreparedCohort } from './cohort-load'

/** Records written per transaction: few enough to keep each short, many enough to be fast. */
export const RECORDS_PER_TRANSACTION = 200
/** A report at most every this many files or milliseconds, whichever comes first. */
const REPORT_EVERY_FILES = 50
const REPORT_EVERY_MS = 100

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
 * stops at the next step in any state (reading, inflating an entry, between files, after a
 * write): files already checked are written, whole, and counted as kept; no other is read. The
 * batch gives its thread a turn often (`giveWay`), so a cancel sent as a message is heard.
 * Never throws: a write that fails ends the batch with `failed`.
 *
 * The job's inputs may be only the first of the batch (`job.count` says how many there are in
 * all): `more` then gives the next ones as they come, and null after the last. Files are checked
 * while the previous transaction commits: one transaction at a time, in the files' order.
 *
 * A batch shared by two workers (`job.partner`, see cohort-import.ts) runs this in each, on its
 * own inputs; `link` joins them: the helper gives the lead the members it made, and the lead
 * answers the prepared cohorts with them, after the helper's last write.
 */
export async function runCohortImport(
  job: ImportJob,
  db: GapLensDB,
  onReport: (report: ImportReport) => void,
  isCancelled: () => boolean,
  more?: () => Promise<ImportInput[] | null>,
  link?: PartnerLink,
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
  const standards = new Map(job.standards.map((s) => [s.id, s]))
  /** The cohorts written to, made ready as they are written (see `ImportJob.prepare`). */
  let prepare = job.prepare ? preparedCohorts((id) => standards.get(id)) : null
  /** The transaction being written (at most one), after those before it. */
  let writing: Promise<void> = Promise.resolve()
  /** Starts writing the pending records once the transaction before has committed. */
  const flush = () => {
    if (!pending.length) return
    const records = pending
    pending = []
    writing = writing.then(async () => {
      const outcomes = await storeCohortFiles(records, db)
      for (const outcome of outcomes) counts[outcome] += 1
      progress.kept += records.length
      // Said at once: a page reloaded now says how many of the batch's files are stored.
      report(true)
      try {
        for (const [i, outcome] of outcomes.entries())
          if (prepare && outcome !== 'unchanged') await prepare.add(records[i]!)
      } catch {
        // Not a failed write: the page reads the cohorts back instead.
        prepare = null
      }
    })
    // Awaited below; until then a failure is not an unhandled one.
    writing.catch(() => undefined)
  }

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
    const budget = archiveBudget()
    /** Inputs whose files are in `items`, of the `expected` in all. */
    let received = 0
    const expected = Math.max(job.count ?? 0, job.inputs.length)
    /** Adds the inputs' files (a .zip's directory is read now, its entries when their turn comes). */
    const add = async (inputs: readonly ImportInput[]) => {
      for (const input of inputs) {
        if (isCancelled()) return
        items.push(...(await itemsOf(input, budget)))
        received += 1
        await giveWay()
      }
    }
    /** The files known, and one for each input still to come (a .zip may turn out more). */
    const total = () => items.length + Math.max(0, expected - received)
    await add(job.inputs)
    progress.total = total()
    report(true)

    const reading = readAhead(items, isCancelled)

    let start = 0
    for (;;) {
      if (start >= items.length && !more) break
      // Whatever the files (all refused from memory, say), a cancel is heard between groups.
      await giveWay()
      if (isCancelled()) {
        // Not cancelled if nothing was left to do (a cancel as the last file was stored).
        cancelled = start < items.length || received < expected
        break
      }
      if (start >= items.length) {
        const inputs = await more!()
        if (inputs === null) more = undefined
        else await add(inputs)
        progress.total = total()
        continue
      }
      const first = start
      start = reading.group(first)
      const results = await Promise.all(
        items.slice(first, start).map(async (item, i) => {
          const text = await reading.take(first + i)
          // Cancelled while it was read: neither checked nor counted.
          if (text === null || isCancelled()) return null
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
      for (const result of results) {
        // A file left unread or unchecked by the cancel: the batch was cut short.
        if (!result) {
          cancelled = true
          continue
        }
        const { item, text, read } = result
        if ('problem' in read) reject(read)
        else if (read.ok === 'locked') locked.push({ name: item.name, text })
        else {
          const { integrity, ...file } = read.value.file
          // The standard a file may carry is this device's already (it was checked against it):
          // a cohort of thousands keeps one copy, not one per file.
          const { body: _body, ...standard } = file.standard
          const content = { ...file, standard }
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
      if (pending.length >= RECORDS_PER_TRANSACTION) {
        await writing
        flush()
      }
      report()
    }
    flush()
    await writing
  } catch (error) {
    // Only a write can throw here: the records of the failed transaction are not stored.
    failed = errorOf(error)
    progress.done = progress.kept + progress.rejected
  }
  let prepared: PreparedCohort[] | undefined
  if (link && job.partner === 'helper') {
    const shared = prepare && !failed ? await prepare.share().catch(() => null) : null
    link.give(shared?.shared ?? null, shared?.transfer ?? [])
  } else {
    const shared = link ? await link.take() : null
    if (prepare && shared) await prepare.join(shared).catch(() => (prepare = null))
    // A cohort that cannot be made ready here is read by the page as usual.
    if (prepare && !failed) prepared = await prepare.answers(db).catch(() => undefined)
  }
  report(true)
  return { progress, counts, locked: cancelled ? [] : locked, cancelled, failed, prepared }
}

/**
 * The inputs that follow a job's first ones, as `runCohortImport` asks for them: `push` each
 * lot as it arrives and `end` after the last; `next` resolves with the next lot, or null once
 * they have all been taken after the end.
 */
export function inputQueue(): {
  push(inputs: ImportInput[]): void
  end(): void
  next(): Promise<ImportInput[] | null>
} {
  const lots: ImportInput[][] = []
  let ended = false
  let waiting: ((inputs: ImportInput[] | null) => void) | null = null
  const wake = () => {
    if (!waiting || (!lots.length && !ended)) return
    const resolve = waiting
    waiting = null
    resolve(lots.shift() ?? null)
  }
  return {
    push(inputs) {
      lots.push(inputs)
      wake()
    },
    end() {
      ended = true
      wake()
    },
    next() {
      if (waiting) throw new Error('one lot at a time')
      return new Promise((resolve) => {
        waiting = resolve
        wake()
      })
    },
  }
}

/** The buffers of a result's prepared cohorts, moved to the page with it rather than copied. */
export function transferOf(result: ImportResult): ArrayBuffer[] {
  return (result.prepared ?? []).flatMap(({ answer }) =>
    'packed' in answer ? packedBuffers(answer.packed) : [],
  )
}

// As a worker: one batch per worker, its inputs perhaps in several messages, cancelled by one.
if ('WorkerGlobalScope' in globalThis) {
  let cancelled = false
  const queue = inputQueue()
  let link: PartnerLink | undefined
  self.onmessage = async (event: MessageEvent<ToWorker>) => {
    const message = event.data
    if (message.type === 'partner-gone') return link?.abandon()
    if (message.type === 'cancel') {
      cancelled = true
      queue.end()
      return
    }
    if (message.type === 'inputs') return queue.push(message.inputs)
    if (message.type === 'end') return queue.end()
    // Relaxed durability: a batch's transactions are still each whole or not there (a crash
    // leaves no half-written file), but the browser does not wait for the disk to confirm
    // each; the trainer still has the files, and the page says how many were stored.
    const db = new GapLensDB(message.job.dbName, { durability: 'relaxed' })
    link = message.port ? portLink(message.port) : undefined
    const result = await runCohortImport(
      message.job,
      db,
      (report) => self.postMessage({ type: 'progress', report }),
      () => cancelled,
      message.job.more ? queue.next : undefined,
      link,
    )
    db.close()
    self.postMessage({ type: 'done', result }, { transfer: transferOf(result) })
  }
}
