/**
 * The cohort import as the page sees it: `startCohortImport` runs a batch in the import worker
 * (cohort-import.worker.ts), or on this thread where there is no worker (a test), with the same
 * answer; the messages between the two are in cohort-import-protocol.ts.
 */
import { shareBatch, sharesBatch, type ImportRun, type PartRun } from './cohort-import-combine'
import type {
  FromWorker,
  ImportJob,
  ImportReport,
  ImportResult,
  ToWorker,
} from './cohort-import-protocol'

export type { ImportRun } from './cohort-import-combine'

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

/** Workers started ahead of the next batch (two: a shared batch's), and whether each failed to start. */
let spares: { worker: Worker; failed: boolean }[] = []
const SPARES = 2

/**
 * Starts the workers of the next batch now, so the batch does not wait for them: a worker's
 * thread and modules take a few hundred milliseconds to start, as long as checking hundreds of
 * files. Two, as a large batch is shared by two (see `startCohortImport`). The cohort page
 * calls it once it has listed its cohorts, and again after each batch. A worker that cannot
 * start (a browser without module workers) tells the batch to run on this thread at once.
 */
export function prepareCohortImport(): void {
  if (typeof Worker === 'undefined') return
  try {
    while (spares.length < SPARES) {
      const ready = { worker: newWorker(), failed: false }
      ready.worker.onerror = (event) => {
        event.preventDefault()
        ready.failed = true
      }
      spares.push(ready)
    }
  } catch {
    // The batch starts its workers itself, or runs on this thread.
  }
}

/** Ends the workers started ahead, if no batch took them (the cohort page is left). */
export function releaseCohortImport(): void {
  for (const { worker } of spares) worker.terminate()
  spares = []
}

/** A worker started ahead, if any, or 'failed' if it could not start; each taken at most once. */
function takeSpare(): Worker | 'failed' | null {
  const taken = spares.shift()
  if (!taken) return null
  taken.worker.onerror = null
  if (!taken.failed) return taken.worker
  taken.worker.terminate()
  return 'failed'
}

/**
 * Runs a job on a worker, its inputs sent a lot at a time, or on this thread where the worker
 * cannot start (then `fellBack` says so, and the part runs alone: neither partner nor cohorts
 * prepared, as its partner's writes may not be over when it ends). `port` is the worker's end
 * of the channel to the other worker of a shared batch.
 */
function runPart(
  worker: Worker,
  job: ImportJob,
  onReport: (report: ImportReport) => void,
  port?: MessagePort,
): PartRun {
  let fallback: ImportRun | null = null
  let heard = false
  let settleFellBack: (value: boolean) => void = () => {}
  const fellBack = new Promise<boolean>((resolve) => (settleFellBack = resolve))
  const alone: ImportJob = job.partner ? { ...job, partner: undefined, prepare: false } : job
  const result = new Promise<ImportResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (!heard) settleFellBack(false)
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
        fallback = inThisThread(alone, onReport)
        settleFellBack(true)
        resolve(fallback.result)
      }
    }
  })
  const [first, ...rest] = lotsOf(job.inputs)
  let stopped = false
  worker.postMessage(
    {
      type: 'start',
      job: { ...job, inputs: first!, more: rest.length > 0, count: job.inputs.length },
      ...(port ? { port } : {}),
    } satisfies ToWorker,
    port ? [port] : [],
  )
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
    fellBack,
    partnerGone: () => {
      // Heard after a cancel too: the lead waits for its helper's members when it stops.
      if (!fallback) worker.postMessage({ type: 'partner-gone' } satisfies ToWorker)
    },
  }
}

export { SHARED_FROM } from './cohort-import-combine'

/**
 * Imports a batch of files into the cohort in a Web Worker, reporting progress a few times a
 * second. The worker checks each file with the app's one reader and writes whole records in
 * bulk transactions itself: the files never pass through the page, which only hears counts.
 * A batch of SHARED_FROM inputs or more, none a .zip, is shared by two workers, one channel
 * between them (`shareBatch` in cohort-import-combine.ts): on a device of two cores, both work.
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
  if (!sharesBatch(job.inputs)) return runPart(worker, job, onReport)
  const spareHelper = takeSpare()
  let helper: Worker
  try {
    // One that could not start ahead is tried again: it falls back to this thread if it fails.
    helper = spareHelper === 'failed' || !spareHelper ? newWorker() : spareHelper
  } catch {
    return runPart(worker, job, onReport)
  }
  const channel = new MessageChannel()
  const workers = [worker, helper]
  const ports = [channel.port1, channel.port2]
  let started = 0
  return shareBatch(job, onReport, (part, report) => {
    const at = started++
    return runPart(workers[at]!, part, report, ports[at])
  })
}
