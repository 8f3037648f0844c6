/**
 * The cohort import as the page sees it: `startCohortImport` runs a batch in the import worker
 * (cohort-import.worker.ts), or on this thread where there is no worker (a test), with the same
 * answer; the messages between the two are in cohort-import-protocol.ts.
 */
import type {
  FromWorker,
  ImportJob,
  ImportReport,
  ImportResult,
  ToWorker,
} from './cohort-import-protocol'

/**
 * Inputs per message to the worker. A file the page has not sent before costs the page's thread
 * some time to send (the browser looks it up), so thousands go ten at a time, as many messages
 * a task as fit in SEND_BUDGET_MS, and the worker starts on the first while the rest follow.
 */
export const INPUTS_PER_MESSAGE = 10
const SEND_BUDGET_MS = 10

/** The inputs in lots of `size`, the first lot first (one empty lot for no inputs). */
export function lotsOf<T>(inputs: readonly T[], size = INPUTS_PER_MESSAGE): T[][] {
  const lots: T[][] = []
  for (let at = 0; at < inputs.length || at === 0; at += size)
    lots.push(inputs.slice(at, at + size))
  return lots
}

/** Resolves in a later task, after the page has had a turn (input, drawing). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** A running batch: cancel it, or wait for its end. */
export interface ImportRun {
  cancel(): void
  result: Promise<ImportResult>
}

function inThisThread(job: ImportJob, onReport: (report: ImportReport) => void): ImportRun {
  let cancelled = false
  return {
    cancel: () => (cancelled = true),
    result: (async () => {
      const [{ runCohortImport }, { getDb }] = await Promise.all([
        import('./cohort-import.worker'),
        import('@/db/db'),
      ])
      return runCohortImport(job, getDb(), onReport, () => cancelled)
    })(),
  }
}

function newWorker(): Worker {
  return new Worker(new URL('./cohort-import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cohort-import',
  })
}

/** A worker started ahead of the next batch, and whether it failed to start. */
let spare: { worker: Worker; failed: boolean } | null = null

/**
 * Starts the worker of the next batch now, so the batch does not wait for it: a worker's thread
 * and modules take a few hundred milliseconds to start, as long as checking hundreds of files.
 * The cohort page calls it once it has listed its cohorts, and again after each batch. A
 * worker that cannot start (a browser without module workers) tells the batch to run on this
 * thread at once.
 */
export function prepareCohortImport(): void {
  if (spare || typeof Worker === 'undefined') return
  try {
    const ready = { worker: newWorker(), failed: false }
    ready.worker.onerror = (event) => {
      event.preventDefault()
      ready.failed = true
    }
    spare = ready
  } catch {
    // The batch starts its worker itself, or runs on this thread.
  }
}

/** Ends the worker started ahead, if no batch took it (the cohort page is left). */
export function releaseCohortImport(): void {
  spare?.worker.terminate()
  spare = null
}

/** The worker started ahead, if any, or 'failed' if it could not start; taken at most once. */
function takeSpare(): Worker | 'failed' | null {
  const taken = spare
  spare = null
  if (!taken) return null
  taken.worker.onerror = null
  if (!taken.failed) return taken.worker
  taken.worker.terminate()
  return 'failed'
}

/**
 * Imports a batch of files into the cohort in a Web Worker, reporting progress a few times a
 * second. The worker checks each file with the app's one reader and writes whole records in
 * bulk transactions itself: the files never pass through the page, which only hears counts.
 */
export function startCohortImport(
  job: ImportJob,
  onReport: (report: ImportReport) => void,
): ImportRun {
  if (typeof Worker === 'undefined') return inThisThread(job, onReport)
  const spareWorker = takeSpare()
  if (spareWorker === 'failed') return inThisThread(job, onReport)
  let worker: Worker
  try {
    worker = spareWorker ?? newWorker()
  } catch {
    return inThisThread(job, onReport)
  }
  let fallback: ImportRun | null = null
  let heard = false
  const result = new Promise<ImportResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      heard = true
      const message = event.data
      if (message.type === 'progress') onReport(message.report)
      else {
        worker.terminate()
        resolve(message.result)
      }
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      // A worker that never started (a browser that cannot run module workers): the same work
      // on this thread. One that failed midway has written whole records only; say so.
      if (heard) reject(new Error(event.message || 'the import worker failed'))
      else {
        fallback = inThisThread(job, onReport)
        resolve(fallback.result)
      }
    }
  })
  const [first, ...rest] = lotsOf(job.inputs)
  let stopped = false
  worker.postMessage({
    type: 'start',
    job: { ...job, inputs: first!, more: rest.length > 0, count: job.inputs.length },
  } satisfies ToWorker)
  if (rest.length)
    void (async () => {
      let next = 0
      while (next < rest.length) {
        await nextTask()
        if (stopped || fallback) return
        const started = performance.now()
        do worker.postMessage({ type: 'inputs', inputs: rest[next++]! } satisfies ToWorker)
        while (next < rest.length && performance.now() - started < SEND_BUDGET_MS)
      }
      worker.postMessage({ type: 'end' } satisfies ToWorker)
    })()
  void result.finally(() => (stopped = true)).catch(() => undefined)
  return {
    cancel: () => {
      stopped = true
      if (fallback) fallback.cancel()
      else worker.postMessage({ type: 'cancel' } satisfies ToWorker)
    },
    result,
  }
}
