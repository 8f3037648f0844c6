import { describe, expect, it } from 'vitest'
import {
  SHARED_FROM,
  combineResults,
  dealInputs,
  reportSummer,
  shareBatch,
  sharesBatch,
  sumProgress,
  type PartRun,
} from '@/workers/cohort-import-combine'
import type { ImportJob, ImportReport, ImportResult } from '@/workers/cohort-import-protocol'

const result = (over: Partial<ImportResult> = {}): ImportResult => ({
  progress: { done: 0, total: 0, rejected: 0, kept: 0 },
  counts: { added: 0, replaced: 0, unchanged: 0 },
  locked: [],
  cancelled: false,
  failed: null,
  ...over,
})
const failure = (file: string) => ({ file, problem: { kind: 'not-json' } }) as never

describe('which batches are shared', () => {
  const text = (name: string) => ({ kind: 'text' as const, name, text: '' })
  const file = (name: string) => ({ kind: 'file' as const, file: new File([''], name) })
  const many = (n: number) => Array.from({ length: n }, (_, i) => text(`${i}.json`))

  it('from SHARED_FROM inputs on, none of them a .zip (whose limits are the batch’s)', () => {
    expect(sharesBatch(many(SHARED_FROM - 1))).toBe(false)
    expect(sharesBatch(many(SHARED_FROM))).toBe(true)
    expect(sharesBatch([...many(SHARED_FROM), file('b.json')])).toBe(true)
    expect(sharesBatch([...many(SHARED_FROM), file('team.ZIP')])).toBe(false)
    // A text kept from a first pass is never an archive, whatever its name.
    expect(sharesBatch([...many(SHARED_FROM), text('team.zip')])).toBe(true)
  })
})

describe('dealing a batch between two parts', () => {
  it('gives the lead the even places and the helper the odd, in order', () => {
    expect(dealInputs([0, 1, 2, 3, 4])).toEqual([
      [0, 2, 4],
      [1, 3],
    ])
    expect(dealInputs([])).toEqual([[], []])
  })
})

describe('the parts’ progress as the batch’s', () => {
  it('sums every field', () => {
    expect(
      sumProgress([
        { done: 1, total: 5, rejected: 1, kept: 0 },
        { done: 3, total: 4, rejected: 0, kept: 3 },
      ]),
    ).toEqual({ done: 4, total: 9, rejected: 1, kept: 3 })
  })

  it('reports each part’s latest progress summed, its total whole from the first report, and the refused files of the report that came', () => {
    const seen: ImportReport[] = []
    const report = reportSummer([3, 2], (r) => seen.push(r))
    report(1)({ progress: { done: 1, total: 2, rejected: 1, kept: 0 }, rejected: [failure('b')] })
    expect(seen.at(-1)).toEqual({
      progress: { done: 1, total: 5, rejected: 1, kept: 0 },
      rejected: [failure('b')],
    })
    report(0)({ progress: { done: 2, total: 3, rejected: 0, kept: 2 }, rejected: [] })
    // The helper's refused file was said once, with its report; its progress stays counted.
    expect(seen.at(-1)).toEqual({
      progress: { done: 3, total: 5, rejected: 1, kept: 2 },
      rejected: [],
    })
    // A later report replaces that part's figures, it does not add to them.
    report(0)({ progress: { done: 3, total: 3, rejected: 0, kept: 3 }, rejected: [] })
    expect(seen.at(-1)!.progress).toEqual({ done: 4, total: 5, rejected: 1, kept: 3 })
  })
})

describe('the parts’ results as the batch’s', () => {
  it('sums counts and progress, keeps both parts’ locked files and the lead’s prepared cohorts', () => {
    const prepared = [{ key: 'k', answer: { error: { name: 'E', message: 'm' } } }]
    const whole = combineResults(
      result({
        progress: { done: 2, total: 2, rejected: 1, kept: 1 },
        counts: { added: 1, replaced: 0, unchanged: 0 },
        locked: [{ name: 'a', text: 'A' }],
        prepared,
      }),
      result({
        progress: { done: 3, total: 3, rejected: 0, kept: 3 },
        counts: { added: 1, replaced: 1, unchanged: 1 },
        locked: [{ name: 'b', text: 'B' }],
      }),
    )
    expect(whole).toEqual({
      progress: { done: 5, total: 5, rejected: 1, kept: 4 },
      counts: { added: 2, replaced: 1, unchanged: 1 },
      locked: [
        { name: 'a', text: 'A' },
        { name: 'b', text: 'B' },
      ],
      cancelled: false,
      failed: null,
      prepared,
    })
  })

  it('is cancelled if either part was, and failed with the first write that failed', () => {
    const quota = { name: 'QuotaExceededError', message: 'full', inner: null }
    expect(combineResults(result(), result({ cancelled: true })).cancelled).toBe(true)
    expect(combineResults(result({ cancelled: true }), result()).cancelled).toBe(true)
    expect(combineResults(result(), result({ failed: quota })).failed).toEqual(quota)
    expect(combineResults(result({ failed: quota }), result()).failed).toEqual(quota)
  })
})

describe('a batch run as two parts', () => {
  const job: ImportJob = {
    dbName: 'x',
    inputs: ['a', 'b', 'c'].map((name) => ({ kind: 'text', name, text: '' })),
    standards: [],
    importedAt: '2026-12-01T00:00:00.000Z',
    prepare: true,
  }
  /** Parts the test ends: `end(i, result)` or `fail(i)`; what each was asked is kept. */
  function fakeParts(fellBack: [boolean, boolean] = [false, false]) {
    const jobs: ImportJob[] = []
    const asked: string[] = []
    const ends: { resolve: (r: ImportResult) => void; reject: (e: Error) => void }[] = []
    const start = (part: ImportJob): PartRun => {
      const at = jobs.length
      jobs.push(part)
      return {
        result: new Promise((resolve, reject) => ends.push({ resolve, reject })),
        cancel: () => asked.push(`cancel ${at}`),
        fellBack: Promise.resolve(fellBack[at]!),
        partnerGone: () => asked.push(`partner-gone ${at}`),
      }
    }
    return { start, jobs, asked, ends }
  }
  const prepared = [{ key: 'k', answer: { error: { name: 'E', message: 'm' } } }]

  it('starts a lead and a helper on their halves and answers with the lead’s prepared cohorts', async () => {
    const parts = fakeParts()
    const run = shareBatch(job, () => undefined, parts.start)
    expect(
      parts.jobs.map((j) => [j.partner, j.inputs.map((i) => (i as { name: string }).name)]),
    ).toEqual([
      ['lead', ['a', 'c']],
      ['helper', ['b']],
    ])
    parts.ends[1]!.resolve(result())
    parts.ends[0]!.resolve(result({ prepared }))
    expect((await run.result).prepared).toEqual(prepared)
    run.cancel()
    expect(parts.asked).toEqual(['cancel 0', 'cancel 1'])
  })

  it('keeps nothing prepared when a part ran on the page’s thread, and tells the lead when it was the helper', async () => {
    for (const fell of [
      [true, false],
      [false, true],
    ] as [boolean, boolean][]) {
      const parts = fakeParts(fell)
      const run = shareBatch(job, () => undefined, parts.start)
      parts.ends[0]!.resolve(result({ prepared }))
      parts.ends[1]!.resolve(result())
      expect((await run.result).prepared).toBeUndefined()
      expect(parts.asked).toEqual(fell[1] ? ['partner-gone 0'] : [])
    }
  })

  it('fails when a part fails: both are cancelled, and the lead is told not to wait for the helper', async () => {
    const parts = fakeParts()
    const run = shareBatch(job, () => undefined, parts.start)
    parts.ends[1]!.reject(new Error('the import worker failed'))
    await expect(run.result).rejects.toThrow('the import worker failed')
    expect(parts.asked).toEqual(['partner-gone 0', 'cancel 0', 'cancel 1'])
  })
})
