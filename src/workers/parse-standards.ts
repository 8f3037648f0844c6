import type { ParseResult } from '@/domain/io/problems'
import type { Standard } from '@/domain/standard/schema'

/** A standard file's name (for messages) and its text. */
export interface StandardText {
  file: string
  body: string
}

/** Checks standard files, each as parseStandardFile does, results in the same order. */
export interface StandardCheck {
  check(texts: StandardText[]): Promise<ParseResult<Standard>[]>
}

async function inThisThread(texts: StandardText[]): Promise<ParseResult<Standard>[]> {
  const { parseStandardFile } = await import('@/domain/standard/parse')
  return texts.map(({ file, body }) => parseStandardFile(file, body))
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('./parse-standards.worker.ts', import.meta.url), {
      type: 'module',
      name: 'parse-standards',
    })
  } catch {
    return null
  }
}

/**
 * A check of standard files in a worker, started now: the worker's script and the schema
 * library set themselves up while the files are still being read, and `check` (called once)
 * hands it the texts. Where there is no worker (a test's DOM) or it cannot start, the check runs
 * on this thread: the answer is the same, only later for the first screen.
 */
export function startStandardCheck(): StandardCheck {
  const worker = startWorker()
  let failed = false
  const settled = new Promise<ParseResult<Standard>[] | null>((resolve) => {
    if (!worker) return resolve(null)
    worker.onmessage = (event: MessageEvent<ParseResult<Standard>[]>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      failed = true
      resolve(null)
    }
  })
  return {
    async check(texts) {
      if (!worker || failed) return inThisThread(texts)
      worker.postMessage(texts)
      return (await settled) ?? inThisThread(texts)
    },
  }
}
