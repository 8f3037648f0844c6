import { describe, expect, it } from 'vitest'
import { zipSync, strToU8 } from 'fflate'
import { assessmentFileText, sealAssessmentFile } from '@/domain/files/assessment-file'
import { parseCsv } from '@/domain/io/csv'
import { protect } from '@/domain/io/protect'
import { locale } from '@/i18n'
import { useCohortStore } from '@/stores/cohort'
import { useStorageStore } from '@/stores/storage'
import { getScale } from '@/domain/assessment/scales'
import { loadCohort } from '@/workers/cohort-load'
import { lotsOf } from '@/workers/cohort-import'
import type { ImportInput, ImportReport } from '@/workers/cohort-import-protocol'
import {
  RECORDS_PER_TRANSACTION,
  inputQueue,
  runCohortImport,
} from '@/workers/cohort-import.worker'
import { FILES_AT_ONCE, READ_AHEAD, READ_AHEAD_BYTES } from '@/workers/read-ahead'
import { freshDatabase, freshPinia, until } from './helpers'
import { AT, contentOf, fileOf, files, makeFile, standard } from './cohort-files'

const database = freshDatabase()
describe('importing many assessment files into a cohort', () => {
  it('pools 50 files into one cohort, one record per file', async () => {
    await freshPinia()
    const store = useCohortStore()
    const made = await files(50)
    await store.importFiles(made.map((f) => fileOf(f)))
    expect(store.status).toBe('done')
    expect(store.progress).toEqual({ done: 50, total: 50, rejected: 0, kept: 50 })
    expect(store.counts).toEqual({ added: 50, replaced: 0, unchanged: 0 })
    expect(await database().cohortFiles.count()).toBe(50)
    expect(store.cohorts).toHaveLength(1)
    expect(store.cohorts[0]).toMatchObject({ count: 50, scale: 'proficiency-5' })
    expect(store.cohorts[0]!.standard.id).toBe(standard.id)
    const members = await store.members(store.cohorts[0]!.key)
    expect(members.map((m) => m.assessment.subject.name).sort()).toEqual(
      made.map((f) => f.assessment.subject.name).sort(),
    )
    expect(members.find((m) => m.assessment.id === 'assessment-7')).toEqual(contentOf(made[7]!))
  })

  it('writes more files than one transaction holds, and a reload finds them', async () => {
    await freshPinia()
    const count = RECORDS_PER_TRANSACTION + 30
    await useCohortStore().importFiles((await files(count)).map((f) => fileOf(f)))
    await freshPinia()
    const store = useCohortStore()
    expect(store.cohorts).toEqual([])
    await store.load()
    expect(store.cohorts.map((c) => c.count)).toEqual([count])
  })

  it('the same file twice is one record; a newer export replaces the older, an older one does not', async () => {
    await freshPinia()
    const store = useCohortStore()
    const first = await makeFile(1)
    await store.importFiles([fileOf(first, 'a.json'), fileOf(first, 'a-copy.json')])
    expect(store.progress.kept).toBe(2)
    expect(store.counts).toEqual({ added: 1, replaced: 0, unchanged: 1 })
    expect(await database().cohortFiles.count()).toBe(1)

    const newer = await makeFile(1, { exportedAt: '2026-12-01T08:00:00.000Z', shift: 1 })
    await store.importFiles([fileOf(newer, 'a-newer.json')])
    expect(store.counts).toEqual({ added: 0, replaced: 1, unchanged: 0 })
    await store.importFiles([fileOf(first, 'a.json')])
    expect(store.counts).toEqual({ added: 0, replaced: 0, unchanged: 1 })

    const [only] = await store.members(store.cohorts[0]!.key)
    expect(store.cohorts[0]!.count).toBe(1)
    expect(only).toEqual(contentOf(newer))
    expect((await database().cohortFiles.toArray())[0]!.fileName).toBe('a-newer.json')
  })

  it('a file rated on another scale goes to a cohort of its own', async () => {
    await freshPinia()
    const store = useCohortStore()
    await store.importFiles([
      fileOf(await makeFile(1)),
      fileOf(await makeFile(2)),
      fileOf(await makeFile(3, { scale: 'icap-level-6' }), 'levels.json'),
    ])
    expect(store.cohorts.map((c) => [c.scale, c.count])).toEqual([
      ['icap-level-6', 1],
      ['proficiency-5', 2],
    ])
    await store.remove(store.cohorts[0]!.key)
    expect(store.cohorts.map((c) => c.scale)).toEqual(['proficiency-5'])
    expect(await database().cohortFiles.count()).toBe(2)
  })

  it('lists broken files by name and reason, stores none of them, and downloads the list', async () => {
    await freshPinia()
    const store = useCohortStore()
    const good = await makeFile(1)
    const edited = assessmentFileText(await makeFile(2)).replace(
      '"name": "員工2"',
      '"name": "別人"',
    )
    const otherStandard = await makeFile(3)
    otherStandard.standard.id = 'XYZ9999-001v2'
    await store.importFiles([
      fileOf(good),
      new File(['{ "format": "gaplens-assessment", '], 'cut.json'),
      new File([edited], 'edited.json'),
      new File(['=1+1'], '=formula.json'),
      fileOf(await sealAssessmentFile(contentOf(otherStandard)), 'other.json'),
    ])
    expect(store.status).toBe('done')
    expect(store.progress).toEqual({ done: 5, total: 5, rejected: 4, kept: 1 })
    expect(await database().cohortFiles.count()).toBe(1)
    expect(store.rejected.map((r) => r.name)).toEqual([
      'cut.json',
      'edited.json',
      '=formula.json',
      'other.json',
    ])
    const [cut, changed, , other] = store.rejected
    expect(cut!.reason).toContain('不是有效的 JSON')
    expect(changed!.reason).toContain('匯出後有人改過它')
    expect(other!.reason).toContain('這台裝置上沒有評分所依據的職能基準')

    const rows = parseCsv(store.rejectedCsv())
    expect(rows[0]).toEqual(['檔案', '原因'])
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'cut.json',
      'edited.json',
      "'=formula.json",
      'other.json',
    ])
    expect(rows[2]![1]).toBe(changed!.reason)

    locale.value = 'en'
    try {
      expect(parseCsv(store.rejectedCsv())[0]).toEqual(['File', 'Reason'])
      expect(store.rejected[0]!.reason).toContain('JSON')
      expect(store.rejected[0]!.reason).not.toContain('不是有效的')
    } finally {
      locale.value = 'zh-TW'
    }
  })

  it('cancelled part way, keeps exactly the files finished before it, each whole', async () => {
    await freshPinia()
    const store = useCohortStore()
    const made = await files(300)
    // The import cannot end before the cancel: the reads from file HELD on wait for `release`,
    // which comes only once the cancel has reached the import (on this thread, `store.cancel()`
    // sets the flag it reads before each group of files). A report comes at least every 50
    // files, so one saying 50 are done comes before the import reaches the files held.
    const HELD = 112
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    const chosen = made.map((f, i) => {
      const file = fileOf(f)
      const text = file.text.bind(file)
      if (i >= HELD) file.text = () => released.then(text)
      return file
    })
    const running = store.importFiles(chosen)
    await until(() => store.progress.done >= 50, 20_000)
    store.cancel()
    release()
    await running
    expect(store.status).toBe('cancelled')
    const { done, kept, rejected, total } = store.progress
    expect(total).toBe(300)
    expect(rejected).toBe(0)
    expect(kept).toBe(done)
    expect(kept).toBeGreaterThanOrEqual(50)
    // At most the group of files the first held read is in, finished whole after the release.
    expect(kept).toBeLessThanOrEqual(HELD + FILES_AT_ONCE)
    // Files are taken in order: what was kept is the first `kept` files, every one whole.
    const stored = await database().cohortFiles.toArray()
    expect(stored).toHaveLength(kept)
    expect(new Set(stored.map((r) => r.assessmentId))).toEqual(
      new Set(made.slice(0, kept).map((f) => f.assessment.id)),
    )
    for (const record of stored)
      expect(record.content).toEqual(
        contentOf(made.find((f) => f.assessment.id === record.assessmentId)!),
      )
    expect(store.cohorts[0]!.count).toBe(kept)
  }, 60_000)

  it('reports a full disk through the storage store and keeps what was written', async () => {
    await freshPinia()
    const store = useCohortStore()
    const table = database().cohortFiles
    const bulkPut = table.bulkPut.bind(table)
    let calls = 0
    table.bulkPut = ((...args: Parameters<typeof bulkPut>) => {
      calls += 1
      if (calls === 2) {
        const error = new Error('quota')
        error.name = 'QuotaExceededError'
        return Promise.reject(error)
      }
      return bulkPut(...args)
    }) as typeof table.bulkPut
    const count = RECORDS_PER_TRANSACTION * 2 + 10
    await store.importFiles((await files(count)).map((f) => fileOf(f)))
    expect(store.status).toBe('failed')
    expect(useStorageStore().problem?.kind).toBe('quota')
    expect(store.progress.kept).toBe(RECORDS_PER_TRANSACTION)
    expect(await database().cohortFiles.count()).toBe(RECORDS_PER_TRANSACTION)
  }, 60_000)
})

describe('protected files', () => {
  it('asks for the passphrase once for the batch; a wrong one refuses them, the right one opens them', async () => {
    await freshPinia()
    const store = useCohortStore()
    const pass = '測試用通關密語'
    const locked = async (n: number) =>
      new File(
        [JSON.stringify(await protect(assessmentFileText(await makeFile(n)), pass))],
        `locked-${n}.json`,
      )
    const batch = [fileOf(await makeFile(1)), await locked(2), await locked(3)]

    await store.importFiles(batch)
    expect(store.status).toBe('needs-passphrase')
    expect(store.lockedCount).toBe(2)
    expect(store.progress).toEqual({ done: 1, total: 3, rejected: 0, kept: 1 })

    await store.unlock('不對的密語')
    expect(store.status).toBe('done')
    expect(store.progress).toEqual({ done: 3, total: 3, rejected: 2, kept: 1 })
    expect(store.rejected.map((r) => r.name)).toEqual(['locked-2.json', 'locked-3.json'])
    expect(store.rejected[0]!.reason).toContain('通關密語不正確')
    expect(await database().cohortFiles.count()).toBe(1)

    await store.importFiles(batch)
    expect(store.status).toBe('needs-passphrase')
    expect(store.lockedCount).toBe(2)
    await store.unlock(pass)
    expect(store.status).toBe('done')
    expect(store.lockedCount).toBe(0)
    expect(store.progress).toEqual({ done: 3, total: 3, rejected: 0, kept: 3 })
    expect(store.counts).toEqual({ added: 2, replaced: 0, unchanged: 1 })
    expect(store.rejected).toEqual([])
    expect(store.cohorts[0]!.count).toBe(3)
  }, 60_000)
})

describe('a .zip of files', () => {
  it('imports every .json entry as archive.zip/entry.json and leaves other entries out', async () => {
    await freshPinia()
    const store = useCohortStore()
    const [a, b, c] = await files(3)
    const zip = zipSync({
      'a.gaplens.json': strToU8(assessmentFileText(a!)),
      '部門/b.gaplens.json': strToU8(assessmentFileText(b!)),
      'deep/er/c.JSON': [strToU8(assessmentFileText(c!)), { level: 0 }],
      'broken.json': strToU8('not json'),
      'readme.txt': strToU8('hello'),
      '__MACOSX/._a.gaplens.json': strToU8('\u0000\u0005'),
    })
    await store.importFiles([new File([zip], '第一批.zip'), fileOf(await makeFile(9))])
    expect(store.progress).toEqual({ done: 5, total: 5, rejected: 1, kept: 4 })
    expect(store.rejected.map((r) => r.name)).toEqual(['第一批.zip/broken.json'])
    const names = (await database().cohortFiles.toArray()).map((r) => r.fileName).sort()
    expect(names).toEqual([
      'assessment-9.gaplens.json',
      '第一批.zip/a.gaplens.json',
      '第一批.zip/deep/er/c.JSON',
      '第一批.zip/部門/b.gaplens.json',
    ])
  })

  it('refuses an entry larger than an assessment file may be, before inflating it', async () => {
    await freshPinia()
    const store = useCohortStore()
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x20)
    const zip = zipSync({
      'bomb.json': big,
      'ok.json': strToU8(assessmentFileText(await makeFile(1))),
    })
    expect(zip.length).toBeLessThan(1024 * 1024)
    await store.importFiles([new File([zip], 'bomb.zip')])
    expect(store.progress).toEqual({ done: 2, total: 2, rejected: 1, kept: 1 })
    expect(store.rejected[0]!.name).toBe('bomb.zip/bomb.json')
    expect(store.rejected[0]!.reason).toContain('超過上限')
  }, 30_000)
})

describe('a batch whose files come in several messages', () => {
  it('sends them in lots, the first lot first', () => {
    expect(lotsOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(lotsOf([1, 2], 2)).toEqual([[1, 2]])
    expect(lotsOf([], 2)).toEqual([[]])
  })

  it('queues lots as they come and says when there are no more', async () => {
    const queue = inputQueue()
    const a: ImportInput[] = [{ kind: 'text', name: 'a', text: '' }]
    const b: ImportInput[] = [{ kind: 'text', name: 'b', text: '' }]
    queue.push(a)
    expect(await queue.next()).toBe(a)
    const waiting = queue.next()
    queue.push(b)
    expect(await waiting).toBe(b)
    const last = queue.next()
    queue.end()
    expect(await last).toBeNull()
    expect(await queue.next()).toBeNull()
  })

  it('imports every file, in order, counting the files still to come in the total', async () => {
    const made = await files(RECORDS_PER_TRANSACTION + 45)
    const inputs: ImportInput[] = made.map((f) => ({ kind: 'file', file: fileOf(f) }))
    const [first, ...rest] = lotsOf(inputs, 40)
    const queue = inputQueue()
    const reports: ImportReport[] = []
    const running = runCohortImport(
      {
        dbName: database().name,
        inputs: first!,
        standards: [standard],
        importedAt: AT,
        more: true,
        count: inputs.length,
      },
      database(),
      (report) => reports.push(report),
      () => false,
      queue.next,
    )
    for (const lot of rest) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      queue.push(lot)
    }
    queue.end()
    const result = await running
    expect(result.progress).toEqual({
      done: inputs.length,
      total: inputs.length,
      rejected: 0,
      kept: inputs.length,
    })
    expect(result.counts.added).toBe(inputs.length)
    expect(result.cancelled).toBe(false)
    expect(reports[0]!.progress.total).toBe(inputs.length)
    expect(await database().cohortFiles.count()).toBe(inputs.length)
  }, 60_000)

  it('reads the next files while it checks these, never more than READ_AHEAD at once', async () => {
    const made = await files(READ_AHEAD + 20)
    let started = 0
    let open = 0
    let most = 0
    const held: (() => void)[] = []
    const inputs: ImportInput[] = made.map((f) => {
      const file = fileOf(f)
      const text = file.text.bind(file)
      file.text = () => {
        started += 1
        open += 1
        most = Math.max(most, open)
        return new Promise<string>((resolve) => held.push(() => resolve(text()))).finally(
          () => (open -= 1),
        )
      }
      return { kind: 'file', file }
    })
    const running = runCohortImport(
      { dbName: database().name, inputs, standards: [standard], importedAt: AT },
      database(),
      () => undefined,
      () => false,
    )
    await until(() => started > 0)
    // Before the first file is checked, the files after its group are being read too.
    expect(started).toBe(READ_AHEAD)
    expect(READ_AHEAD).toBeGreaterThan(FILES_AT_ONCE)
    // Each read answers in a task of its own, until the batch has ended.
    let over = false
    void running.finally(() => (over = true))
    while (!over) {
      held.shift()?.()
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    const result = await running
    expect(most).toBeLessThanOrEqual(READ_AHEAD)
    expect(started).toBe(made.length) // each file read once
    expect(result.progress).toMatchObject({ done: made.length, kept: made.length, rejected: 0 })
    const stored = await database().cohortFiles.toArray()
    expect(stored.map((r) => r.fileName).sort()).toEqual(
      made.map((f) => `${f.assessment.id}.gaplens.json`).sort(),
    )
  }, 60_000)

  it('reads ahead no more than READ_AHEAD_BYTES beyond the files it checks', async () => {
    const made = await files(READ_AHEAD)
    /** Each file says it is this large (its text is not): reads stop once the sizes add up. */
    const size = 3 * 1024 * 1024
    let started = 0
    const inputs: ImportInput[] = made.map((f) => {
      const file = fileOf(f)
      Object.defineProperty(file, 'size', { value: size })
      file.text = () => {
        started += 1
        return new Promise<string>(() => undefined) // never answers: the batch waits here
      }
      return { kind: 'file', file }
    })
    void runCohortImport(
      { dbName: database().name, inputs, standards: [standard], importedAt: AT },
      database(),
      () => undefined,
      () => false,
    )
    await until(() => started > 0)
    await new Promise((resolve) => setTimeout(resolve, 0))
    const expected = Math.max(FILES_AT_ONCE, Math.ceil(READ_AHEAD_BYTES / size))
    expect(expected).toBeLessThan(READ_AHEAD)
    expect(started).toBe(expected)
  })

  it('cancelled while files are still to come, keeps those checked and says it was cancelled', async () => {
    const made = await files(30)
    const inputs: ImportInput[] = made.map((f) => ({ kind: 'file', file: fileOf(f) }))
    const queue = inputQueue()
    let cancelled = false
    const running = runCohortImport(
      {
        dbName: database().name,
        inputs: inputs.slice(0, 10),
        standards: [standard],
        importedAt: AT,
        more: true,
        count: inputs.length,
      },
      database(),
      () => undefined,
      () => cancelled,
      queue.next,
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
    cancelled = true
    queue.end()
    const result = await running
    expect(result.cancelled).toBe(true)
    expect(result.progress.kept).toBe(result.progress.done)
    expect(result.progress.kept).toBeLessThanOrEqual(10)
    expect(await database().cohortFiles.count()).toBe(result.progress.kept)
  }, 60_000)
})

describe('the cohort an import wrote to', () => {
  it('is ready to show as reading it back gives it, files imported before included', async () => {
    await freshPinia()
    const store = useCohortStore()
    const made = await files(30)
    await store.importFiles(made.slice(0, 10).map((f) => fileOf(f)))
    // A second batch: 20 new files, and a newer export of one imported before.
    const newer = await makeFile(3, { exportedAt: '2026-11-25T00:00:00.000Z', shift: 1 })
    await store.importFiles([...made.slice(10), newer].map((f) => fileOf(f)))
    expect(store.counts).toEqual({ added: 20, replaced: 1, unchanged: 0 })
    const key = store.cohorts[0]!.key
    const scale = getScale('proficiency-5')!
    const job = { key, standard, scale: scale.id }
    const read = await loadCohort(job)
    // Not read back: with the files gone from the database, the cohort is still shown whole.
    await database().cohortFiles.clear()
    const shown = await store.cohort(key, standard, scale)
    const plain = (c: typeof read) =>
      c.cohort.members.map((m) => ({ ...m, self: [...m.self], targets: [...m.targets] }))
    expect(plain(shown)).toEqual(plain(read))
    expect(shown.cohort.members).toHaveLength(30)
    expect(shown.overview).toEqual(read.overview)
    // Shown once: the next time, the cohort is read (and now has no files).
    expect((await store.cohort(key, standard, scale)).cohort.members).toEqual([])
  }, 60_000)
})
