import type { ParseResult } from '@/domain/io/problems'
import type { Standard } from '@/domain/standard/schema'

/** A standard file's name (for messages) and its text. */
export interface StandardText {
  file: string
  body: string
}

async function inThisThread(texts: StandardText[]): Promise<ParseResult<Standard>[]> {
  const { parseStandardFile } = await import('@/domain/standard/parse')
  return texts.map(({ file, body }) => parseStandardFile(file, body))
}

/**
 * Checks standard files in a worker, each as parseStandardFile does, results in the same order.
 * Where there is no worker (a test's DOM) or it cannot start, the check runs on this thread:
 * the answer is the same, only later for the first screen.
 */
export function parseStandardTexts(texts: StandardText[]): Promise<ParseResult<Standard>[]> {
  if (typeof Worker === 'undefined') return inThisThread(texts)
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./parse-standards.worker.ts', import.meta.url), {
        type: 'module',
        name: 'parse-standards',
      })
    } catch {
      resolve(inThisThread(texts))
      return
    }
    worker.onmessage = (event: MessageEvent<ParseResult<Standard>[]>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      resolve(inThisThread(texts))
    }
    worker.postMessage(texts)
  })
}
