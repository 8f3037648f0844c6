/**
 * A restore as the page runs it: the messages to and from the restore worker, and
 * `startRestore`, which checks a file and restores it there, or on this thread where there is
 * no worker (a test's DOM), with the same answers.
 */
import type { RestoreChoices, RestoreMode } from '@/domain/files/restore-plan'
import type { BackupCheck, DeviceStandard, RestoreResult } from './restore-run'

export type { BackupCheck, DeviceStandard, RestoreResult, RestoreSummary } from './restore-run'

export type ToRestoreWorker =
  | { type: 'check'; dbName: string; file: File; standards: DeviceStandard[] }
  | { type: 'restore'; mode: RestoreMode; choices: RestoreChoices }

export type FromRestoreWorker =
  | { type: 'checked'; result: BackupCheck }
  | { type: 'progress'; written: number; total: number }
  | { type: 'restored'; result: RestoreResult }

/** One backup file: checked once, then restored (or dropped) as the person chooses. */
export interface RestoreSession {
  check(file: File, standards: DeviceStandard[]): Promise<BackupCheck>
  restore(
    mode: RestoreMode,
    choices: RestoreChoices,
    onProgress: (written: number, total: number) => void,
  ): Promise<RestoreResult>
  /** Lets the checked backup go (the worker ends). */
  end(): void
}

function inThisThread(dbName: string): RestoreSession {
  const run = (async () => {
    const [{ RestoreRun }, { getDb }] = await Promise.all([
      import('./restore-run'),
      import('@/db/db'),
    ])
    const db = getDb()
    if (db.name !== dbName) throw new Error(`restore into ${dbName}, not ${db.name}`)
    return new RestoreRun(db)
  })()
  return {
    check: async (file, standards) => (await run).check(file, standards),
    restore: async (mode, choices, onProgress) => (await run).restore(mode, choices, onProgress),
    end: () => undefined,
  }
}

function newWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('./restore-backup.worker.ts', import.meta.url), {
      type: 'module',
      name: 'restore-backup',
    })
  } catch {
    return null
  }
}

/**
 * Starts a restore in a Web Worker: the file is read, parsed and checked there, and written
 * there in one transaction, so a backup of tens of thousands of assessments never holds the
 * page. A worker that cannot start (a browser without module workers) leaves the same work to
 * this thread; one that fails midway rejects what was asked of it, and nothing was written.
 */
export function startRestore(dbName: string): RestoreSession {
  const worker = newWorker()
  if (!worker) return inThisThread(dbName)
  let fallback: RestoreSession | null = null
  let heard = false
  let waiting: { resolve: (m: FromRestoreWorker) => void; reject: (e: Error) => void } | null = null
  let onProgress: (written: number, total: number) => void = () => undefined
  worker.onmessage = (event: MessageEvent<FromRestoreWorker>) => {
    heard = true
    const message = event.data
    if (message.type === 'progress') onProgress(message.written, message.total)
    else waiting?.resolve(message)
  }
  worker.onerror = (event) => {
    event.preventDefault()
    worker.terminate()
    if (!heard) fallback = inThisThread(dbName)
    waiting?.reject(new Error(event.message || 'the restore worker failed'))
  }
  /** Sends a message and waits for the worker's answer to it. */
  const ask = (message: ToRestoreWorker) =>
    new Promise<FromRestoreWorker>((resolve, reject) => {
      waiting = { resolve, reject }
      worker.postMessage(message)
    })
  /** The session on this thread, once the worker could not start (read through a function:
   * it is set by the error handler, which the compiler cannot see). */
  const local = () => fallback
  return {
    async check(file, standards) {
      const here = local()
      if (here) return here.check(file, standards)
      try {
        const answer = await ask({ type: 'check', dbName, file, standards })
        if (answer.type === 'checked') return answer.result
      } catch (error) {
        // A worker that never started: the same check on this thread.
        const started = local()
        if (started) return started.check(file, standards)
        throw error
      }
      throw new Error('the restore worker answered out of turn')
    },
    async restore(mode, choices, progress) {
      const here = local()
      if (here) return here.restore(mode, choices, progress)
      onProgress = progress
      const answer = await ask({ type: 'restore', mode, choices })
      if (answer.type === 'restored') return answer.result
      throw new Error('the restore worker answered out of turn')
    },
    end: () => worker.terminate(),
  }
}
