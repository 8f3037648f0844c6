import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import type { GapLensDB } from '@/db/db'
import { getScale } from '@/domain/assessment/scales'
import { shareBatch, type PartStarter } from '@/workers/cohort-import-combine'
import type {
  ImportInput,
  ImportJob,
  ImportProgress,
  PartnerLink,
} from '@/workers/cohort-import-protocol'
import { runCohortImport } from '@/workers/cohort-import.worker'
import {
  cohortFromAnswer,
  loadCohort,
  type LoadedCohort,
  type SharedCohort,
} from '@/workers/cohort-load'
import { FILES_AT_ONCE } from '@/workers/read-ahead'
import { freshDatabase, until } from './helpers'
import { AT, contentOf, fileOf, files, makeFile, standard } from './cohort-files'

/**
 * A batch shared by two parts, both run on this thread through the very `runCohortImport` each
 * worker runs, joined by an in-memory link where the workers have a MessageChannel: the
 * dealing, the members handed from helper to lead, the summed reports and the cancel, with the
 * database (fake IndexedDB) as both parts see it.
 */
const database = freshDatabase()

/** Two parts on this thread, and a cancel that reaches both; `handed` counts the members given. */
function parts(db: GapLensDB, handed = { members: 0 }) {
  let give: (shared: SharedCohort[] | null) => void = () => {}
  const given = new Promise<SharedCohort[] | null>((resolve) => (give = resolve))
  const link: PartnerLink = {
    give: (shared) => {
      handed.members += (shared ?? []).reduce((sum, set) => sum + set.packed.count, 0)
      give(shared)
    },
    take: () => given,
    abandon: () => give(null),
  }
  let cancelled = false
  const start: PartStarter = (job, onReport) => ({
    cancel: () => (cancelled = true),
    result: runCohortImport(job, db, onReport, () => cancelled, undefined, link),
    fellBack: Promise.resolve(false),
    partnerGone: () => link.abandon(),
  })
  return start
}

const jobOf = (inputs: ImportInput[]): ImportJob => ({
  dbName: database().name,
  inputs,
  standards: [standard],
  importedAt: AT,
  prepare: true,
})
const plain = (c: LoadedCohort) =>
  c.cohort.members.map((m) => ({ ...m, self: [...m.self], targets: [...m.targets] }))

describe('a batch shared by two parts', () => {
  it('stores every file once, the newer copy of an assessment in both parts, and the lead answers the cohort as reading it back would', async () => {
    // Imported before: files 0–9, and an older copy of 41.
    const before = await files(10)
    await shareBatch(
      jobOf(before.map((f) => ({ kind: 'file', file: fileOf(f) }))),
      () => undefined,
      parts(database()),
    ).result
    const made = await files(40, 10)
    const newer = await makeFile(3, { exportedAt: '2026-11-25T00:00:00.000Z', shift: 1 })
    const older = await makeFile(20, { exportedAt: '2026-11-20T00:00:00.000Z', shift: 2 })
    // Places 0 and 1 go to the lead and the helper: the same file in both; 2 and 3 likewise
    // hold two copies of assessment 20, the older in the lead's part, the newer in the helper's.
    const inputs: ImportInput[] = [
      made[0]!,
      made[0]!,
      older,
      made[10]!,
      ...made.slice(1, 10),
      ...made.slice(11),
      newer,
    ].map((f, i) => ({ kind: 'file', file: fileOf(f, `${i}.json`) }))
    const reports: ImportProgress[] = []
    // What the lead reads back to answer: only what the helper did not hand it.
    const table = database().cohortFiles
    const bulkGet = table.bulkGet.bind(table)
    let readBack = 0
    table.bulkGet = ((keys: Parameters<typeof bulkGet>[0]) => {
      if (!Dexie.currentTransaction) readBack += keys.length
      return bulkGet(keys)
    }) as typeof table.bulkGet
    const handed = { members: 0 }
    const run = shareBatch(
      jobOf(inputs),
      (r) => reports.push(r.progress),
      parts(database(), handed),
    )
    const result = await run.result
    expect(result.cancelled).toBe(false)
    expect(result.progress).toEqual({ done: 43, total: 43, rejected: 0, kept: 43 })
    // 38 new alone, one of each pair added, and the other replaced it or was left unchanged
    // (which, depends on which part wrote first); the newer export of 3 replaced the old.
    const { added, replaced, unchanged } = result.counts
    expect(added + replaced + unchanged).toBe(43)
    expect(added).toBe(40)
    expect(reports[0]!.total).toBe(43)
    const stored = await database().cohortFiles.toArray()
    expect(stored).toHaveLength(50)
    const byId = new Map(stored.map((r) => [r.assessmentId, r.content]))
    expect(byId.get('assessment-3')).toEqual(contentOf(newer))
    // Which part wrote first does not matter: the newer export is kept.
    expect(byId.get('assessment-20')).toEqual(contentOf(made[10]!))
    expect(byId.get('assessment-10')).toEqual(contentOf(made[0]!))

    // The helper's 21 files made members (but a copy left unchanged); the lead reads back the
    // 9 files stored before and not replaced, and assessment 20 if both parts wrote it.
    expect(handed.members).toBeGreaterThanOrEqual(19)
    expect(readBack).toBeGreaterThanOrEqual(9)
    expect(readBack).toBeLessThanOrEqual(10)
    const [prepared] = result.prepared!
    const scale = getScale('proficiency-5')!.id
    const shown = await cohortFromAnswer(prepared!.answer, standard, scale)
    const read = await loadCohort({ key: prepared!.key, standard, scale })
    expect(shown.cohort.members).toHaveLength(50)
    expect(plain(shown)).toEqual(plain(read))
    expect(shown.overview).toEqual(read.overview)
  }, 60_000)

  it('cancelled part way, each part keeps exactly the files of its half finished before it, each whole', async () => {
    const made = await files(300)
    // Neither part can end before the cancel: the reads from file HELD of the batch on (file
    // HELD / 2 of each part) wait for `release`, which comes only after the cancel. Each part
    // reports at least every 50 files, so the sum says 50 before a part reaches the files held.
    const HELD = 112
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    const inputs: ImportInput[] = made.map((f, i) => {
      const file = fileOf(f)
      const text = file.text.bind(file)
      if (i >= HELD) file.text = () => released.then(text)
      return { kind: 'file', file }
    })
    let progress: ImportProgress = { done: 0, total: 0, rejected: 0, kept: 0 }
    const run = shareBatch(jobOf(inputs), (r) => (progress = r.progress), parts(database()))
    await until(() => progress.done >= 50, 20_000)
    run.cancel()
    release()
    const result = await run.result
    expect(result.cancelled).toBe(true)
    const { done, kept, rejected, total } = result.progress
    expect(total).toBe(300)
    expect(rejected).toBe(0)
    expect(kept).toBe(done)
    expect(kept).toBeGreaterThanOrEqual(50)
    expect(kept).toBeLessThanOrEqual(HELD + 2 * FILES_AT_ONCE)
    const stored = await database().cohortFiles.toArray()
    expect(stored).toHaveLength(kept)
    const ids = new Set(stored.map((r) => r.assessmentId))
    // Each part takes its files in order: what it kept is the first of its half.
    for (const half of [0, 1]) {
      const mine = made.filter((_, i) => i % 2 === half).map((f) => ids.has(f.assessment.id))
      const count = mine.filter(Boolean).length
      expect(mine).toEqual(mine.map((_, i) => i < count))
      expect(count).toBeLessThanOrEqual(HELD / 2 + FILES_AT_ONCE)
    }
    for (const record of stored)
      expect(record.content).toEqual(
        contentOf(made.find((f) => f.assessment.id === record.assessmentId)!),
      )
    expect(result.prepared![0]!.answer).toHaveProperty('packed.count', kept)
  }, 60_000)
})
