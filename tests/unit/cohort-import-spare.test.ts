import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  SHARED_FROM,
  prepareCohortImport,
  releaseCohortImport,
  startCohortImport,
} from '@/workers/cohort-import'
import type {
  FromWorker,
  ImportInput,
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
  it('is started once (two, for a large batch), and the next batch runs on it rather than on a new one', async () => {
    prepareCohortImport()
    prepareCohortImport()
    expect(FakeWorker.made).toHaveLength(2)
    const [ready, second] = FakeWorker.made
    expect(ready!.options).toMatchObject({ type: 'module', name: 'cohort-import' })
    expect(ready!.url.pathname).toMatch(/cohort-import\.worker\.ts$/)

    const run = startCohortImport(job(), () => undefined)
    expect(FakeWorker.made).toHaveLength(2)
    expect(ready!.posted[0]).toMatchObject({ type: 'start', job: { dbName: 'spare-test' } })
    // A small batch is not shared: the second waits for the next batch.
    expect(second!.posted).toEqual([])
    ready!.answer(result)
    expect(await run.result).toEqual(result)
    expect(ready!.terminated).toBe(true)

    // Each taken once: the next batch runs on the second, the one after starts its own.
    startCohortImport(job(), () => undefined)
    expect(second!.posted[0]).toMatchObject({ type: 'start' })
    startCohortImport(job(), () => undefined)
    expect(FakeWorker.made).toHaveLength(3)
  })

  it('that could not start sends the batch to this thread at once, with no second try', async () => {
    prepareCohortImport()
    const [failed] = FakeWorker.made
    failed!.fail()
    const run = startCohortImport(job(), () => undefined)
    expect(failed!.terminated).toBe(true)
    expect(failed!.posted).toEqual([])
    expect(FakeWorker.made).toHaveLength(2)
    expect(FakeWorker.made[1]!.posted).toEqual([])
    // The one file, read here: not an assessment file, so refused.
    expect((await run.result).progress).toMatchObject({ done: 1, rejected: 1, kept: 0 })
  })

  it('failing once a batch has taken it, the batch runs on this thread instead', async () => {
    prepareCohortImport()
    const [taken] = FakeWorker.made
    const run = startCohortImport(job(), () => undefined)
    taken!.fail()
    expect(taken!.terminated).toBe(true)
    expect(FakeWorker.made).toHaveLength(2)
    expect((await run.result).progress).toMatchObject({ done: 1, rejected: 1, kept: 0 })
  })

  it('ends when the cohort page is left, and a batch then starts its own', () => {
    prepareCohortImport()
    const ready = [...FakeWorker.made]
    releaseCohortImport()
    expect(ready.map((w) => w.terminated)).toEqual([true, true])
    startCohortImport(job(), () => undefined)
    expect(FakeWorker.made).toHaveLength(3)
    expect(ready.map((w) => w.posted)).toEqual([[], []])
  })

  it('is not started where there are no workers', () => {
    vi.stubGlobal('Worker', undefined)
    prepareCohortImport()
    expect(FakeWorker.made).toHaveLength(0)
  })
})

describe('a batch shared by two workers', () => {
  const many = (n: number): ImportJob => ({
    ...job(),
    inputs: Array.from({ length: n }, (_, i) => ({
      kind: 'text' as const,
      name: `f${i}.json`,
      text: '{}',
    })),
    prepare: true,
  })
  const nameOf = (input: ImportInput) => (input.kind === 'text' ? input.name : input.file.name)
  /** The input names a worker was sent, first lot and those that followed. */
  const namesSent = (worker: FakeWorker) =>
    worker.posted
      .flatMap((m) => (m.type === 'start' ? m.job.inputs : m.type === 'inputs' ? m.inputs : []))
      .map(nameOf)
  const progress = (worker: FakeWorker, p: ImportResult['progress']) =>
    worker.onmessage?.({
      data: { type: 'progress', report: { progress: p, rejected: [] } },
    } as unknown as MessageEvent<FromWorker>)

  it('deals the inputs between two workers started ahead, joined by a channel, and sums them', async () => {
    prepareCohortImport()
    const [lead, helper] = FakeWorker.made
    const reports: ImportResult['progress'][] = []
    const batch = many(SHARED_FROM)
    const run = startCohortImport(batch, (r) => reports.push(r.progress))
    expect(FakeWorker.made).toHaveLength(2)
    const [leadStart, helperStart] = [lead!.posted[0]!, helper!.posted[0]!]
    if (leadStart.type !== 'start' || helperStart.type !== 'start') throw new Error('no start')
    expect(leadStart.job).toMatchObject({ partner: 'lead', count: SHARED_FROM / 2, more: true })
    expect(helperStart.job).toMatchObject({ partner: 'helper', count: SHARED_FROM / 2 })
    expect(leadStart.port).toBeInstanceOf(MessagePort)
    expect(helperStart.port).toBeInstanceOf(MessagePort)
    await vi.waitFor(() => expect(helper!.posted.at(-1)).toEqual({ type: 'end' }))
    const names = batch.inputs.map(nameOf)
    expect(namesSent(lead!)).toEqual(names.filter((_, i) => i % 2 === 0))
    expect(namesSent(helper!)).toEqual(names.filter((_, i) => i % 2 === 1))

    // The batch's total is whole before the helper reports.
    progress(lead!, { done: 3, total: 20, rejected: 1, kept: 2 })
    expect(reports.at(-1)).toEqual({ done: 3, total: 40, rejected: 1, kept: 2 })
    progress(helper!, { done: 5, total: 20, rejected: 0, kept: 5 })
    expect(reports.at(-1)).toEqual({ done: 8, total: 40, rejected: 1, kept: 7 })

    const prepared = [{ key: 'k', answer: { error: { name: 'E', message: 'm' } } }]
    lead!.answer({ ...result, prepared, counts: { added: 1, replaced: 0, unchanged: 0 } })
    helper!.answer({ ...result, counts: { added: 0, replaced: 1, unchanged: 2 } })
    const whole = await run.result
    expect(whole.counts).toEqual({ added: 1, replaced: 1, unchanged: 2 })
    expect(whole.progress).toEqual({ done: 2, total: 2, rejected: 2, kept: 0 })
    expect(whole.prepared).toEqual(prepared)
    expect([lead!.terminated, helper!.terminated]).toEqual([true, true])
  })

  it('a helper that cannot start runs its half on this thread, alone; the lead stops waiting for it and nothing prepared is kept', async () => {
    prepareCohortImport()
    const [lead, helper] = FakeWorker.made
    const run = startCohortImport(many(SHARED_FROM), () => undefined)
    helper!.fail()
    await vi.waitFor(() => expect(lead!.posted).toContainEqual({ type: 'partner-gone' }))
    const prepared = [{ key: 'k', answer: { error: { name: 'E', message: 'm' } } }]
    lead!.answer({ ...result, prepared })
    const whole = await run.result
    // The helper's 20 inputs, read here: not assessment files, so refused.
    expect(whole.progress).toEqual({ done: 21, total: 21, rejected: 21, kept: 0 })
    expect(whole.prepared).toBeUndefined()
  })

  it('a helper that fails midway fails the batch: the lead is told to stop and not to wait', async () => {
    prepareCohortImport()
    const [lead, helper] = FakeWorker.made
    const run = startCohortImport(many(SHARED_FROM), () => undefined)
    progress(helper!, { done: 1, total: 20, rejected: 0, kept: 1 })
    helper!.fail()
    await expect(run.result).rejects.toThrow('could not load')
    expect(lead!.posted).toContainEqual({ type: 'partner-gone' })
    expect(lead!.posted).toContainEqual({ type: 'cancel' })
  })

  it('a smaller batch, or one with a .zip, runs on one worker, with no partner', () => {
    const zip: ImportInput = { kind: 'file', file: new File([''], 'team.zip') }
    const withZip = { ...many(SHARED_FROM), inputs: [...many(SHARED_FROM).inputs, zip] }
    for (const batch of [many(SHARED_FROM - 1), withZip]) {
      FakeWorker.made = []
      startCohortImport(batch, () => undefined)
      expect(FakeWorker.made).toHaveLength(1)
      const [start] = FakeWorker.made[0]!.posted
      expect(start).toMatchObject({ type: 'start', job: { count: batch.inputs.length } })
      expect(start).not.toHaveProperty('job.partner')
    }
  })
})
