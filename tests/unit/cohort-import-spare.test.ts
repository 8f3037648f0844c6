import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  prepareCohortImport,
  releaseCohortImport,
  startCohortImport,
} from '@/workers/cohort-import'
import type {
  FromWorker,
  ImportJob,
  ImportResult,
  ToWorker,
} from '@/workers/cohort-import-protocol'

/** A Worker that runs nothing: it keeps what it is sent, and a test answers for it. */
class FakeWorker {
  static made: FakeWorker[] = []
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  posted: ToWorker[] = []
  terminated = false
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this)
  }
  postMessage(message: ToWorker) {
    this.posted.push(message)
  }
  terminate() {
    this.terminated = true
  }
  /** The worker failing to start, as a browser says it. */
  fail() {
    this.onerror?.({ message: 'could not load', preventDefault: () => undefined } as ErrorEvent)
  }
  answer(result: ImportResult) {
    this.onmessage?.({ data: { type: 'done', result } } as MessageEvent<FromWorker>)
  }
}

const job = (): ImportJob => ({
  dbName: 'spare-test',
  inputs: [{ kind: 'text', name: 'a.gaplens.json', text: '{}' }],
  standards: [],
  importedAt: '2026-11-29T00:00:00.000Z',
})
const result: ImportResult = {
  progress: { done: 1, total: 1, rejected: 1, kept: 0 },
  counts: { added: 0, replaced: 0, unchanged: 0 },
  locked: [],
  cancelled: false,
  failed: null,
}

beforeEach(() => {
  FakeWorker.made = []
  vi.stubGlobal('Worker', FakeWorker)
})
afterEach(() => {
  releaseCohortImport()
  vi.unstubAllGlobals()
})

describe('the import worker started ahead of a batch', () => {
  it('is started once, and the next batch runs on it rather than on a new one', async () => {
    prepareCohortImport()
    prepareCohortImport()
    expect(FakeWorker.made).toHaveLength(1)
    const [ready] = FakeWorker.made
    expect(ready!.options).toMatchObject({ type: 'module', name: 'cohort-import' })
    expect(ready!.url.pathname).toMatch(/cohort-import\.worker\.ts$/)

    const run = startCohortImport(job(), () => undefined)
    expect(FakeWorker.made).toHaveLength(1)
    expect(ready!.posted[0]).toMatchObject({ type: 'start', job: { dbName: 'spare-test' } })
    ready!.answer(result)
    expect(await run.result).toEqual(result)
    expect(ready!.terminated).toBe(true)

    // Taken once: the batch after it starts a worker of its own.
    startCohortImport(job(), () => undefined)
    expect(FakeWorker.made).toHaveLength(2)
  })

  it('that could not start sends the batch to this thread at once, with no second try', async () => {
    prepareCohortImport()
    const [failed] = FakeWorker.made
    failed!.fail()
    const run = startCohortImport(job(), () => undefined)
    expect(failed!.terminated).toBe(true)
    expect(failed!.posted).toEqual([])
    expect(FakeWorker.made).toHaveLength(1)
    // The one file, read here: not an assessment file, so refused.
    expect((await run.result).progress).toMatchObject({ done: 1, rejected: 1, kept: 0 })
  })

  it('failing once a batch has taken it, the batch runs on this thread instead', async () => {
    prepareCohortImport()
    const [taken] = FakeWorker.made
    const run = startCohortImport(job(), () => undefined)
    taken!.fail()
    expect(taken!.terminated).toBe(true)
    expect(FakeWorker.made).toHaveLength(1)
    expect((await run.result).progress).toMatchObject({ done: 1, rejected: 1, kept: 0 })
  })

  it('ends when the cohort page is left, and a batch then starts its own', () => {
    prepareCohortImport()
    const [ready] = FakeWorker.made
    releaseCohortImport()
    expect(ready!.terminated).toBe(true)
    startCohortImport(job(), () => undefined)
    expect(FakeWorker.made).toHaveLength(2)
    expect(ready!.posted).toEqual([])
  })

  it('is not started where there are no workers', () => {
    vi.stubGlobal('Worker', undefined)
    prepareCohortImport()
    expect(FakeWorker.made).toHaveLength(0)
  })
})
