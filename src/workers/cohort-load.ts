/**
 * A cohort's members, read and reduced off the page's thread: the worker reads the cohort's
 * files from IndexedDB a page at a time and turns each into a member (a few small typed arrays),
 * so ten thousand files of a hundred ratings each never cross to the page, nor are they held
 * at once. It also computes what the screen first shows of the whole cohort (the overview), and
 * sends the members packed in columns whose buffers move to the page rather than being copied:
 * the page's share of the work is to unpack them and draw. Where there is no worker (a test),
 * the same runs on this thread, through the same packing.
 */
import Dexie from 'dexie'
import { getDb, type GapLensDB } from '@/db/db'
import type { CohortFileRecord } from '@/domain/cohort/records'
import type { CohortOverview } from '@/domain/cohort/overview'
import type { Cohort, CohortMember } from '@/domain/cohort/cohort'
import type { PackedMembers } from './cohort-pack'
import { getScale, type ScaleId } from '@/domain/assessment/scales'
import type { Standard } from '@/domain/standard/schema'

export interface LoadJob {
  /** The database to read (the worker opens its own connection to it). */
  dbName: string
  key: string
  standard: Standard
  scale: ScaleId
}

/** What the worker answers: the members packed, and the overview of the whole cohort. */
export type LoadAnswer =
  { packed: PackedMembers; overview: CohortOverview } | { error: { name: string; message: string } }

/** A cohort read for its views: the cohort, and what its first view shows (see overview.ts). */
export interface LoadedCohort {
  cohort: Cohort
  overview: CohortOverview
}

/** Resolves in a later task, after the page has had a turn (input, drawing). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** Files read per query: enough to be quick, few enough to keep memory flat. */
const PAGE = 500

/** Reads a cohort's files in pages and makes each a member. */
export async function loadMembers(job: LoadJob, db: GapLensDB): Promise<CohortMember[]> {
  const [{ memberMaker }, { fingerprintFinder }] = await Promise.all([
    import('@/domain/cohort/cohort'),
    import('@/domain/cohort/fingerprints'),
  ])
  const scale = getScale(job.scale)
  if (!scale) throw new RangeError(`unknown scale ${job.scale}`)
  const maker = memberMaker(job.standard, scale)
  const fingerprintOf = fingerprintFinder()
  const members: CohortMember[] = []
  let after: [string, string] | null = null
  for (;;) {
    const page: CohortFileRecord[] = await db.cohortFiles
      .where(':id')
      .between(after ?? [job.key, ''], [job.key, Dexie.maxKey], after === null, true)
      .limit(PAGE)
      .toArray()
    for (const record of page)
      members.push(maker.make(record.content, await fingerprintOf(record.content)))
    if (page.length < PAGE) return members
    const last: CohortFileRecord = page[page.length - 1]!
    after = [last.cohortKey, last.assessmentId]
  }
}

/**
 * The answer for a cohort's members (in the order the database holds them: by assessment id):
 * the overview computed and the members packed. `transfer` lists the buffers to move with it.
 */
export async function answerOf(
  standard: Standard,
  scale: ScaleId,
  members: CohortMember[],
): Promise<{ answer: LoadAnswer; transfer: ArrayBuffer[] }> {
  const [{ cohortOf }, { cohortOverview }, { packMembers }] = await Promise.all([
    import('@/domain/cohort/cohort'),
    import('@/domain/cohort/overview'),
    import('./cohort-pack'),
  ])
  const cohort = cohortOf(standard, getScale(scale)!, members)
  const overview = cohortOverview(cohort)
  const { packed, transfer } = packMembers(members, cohort.items.length)
  return { answer: { packed, overview }, transfer }
}

/** The worker's side: reads the members, then answers with them (`answerOf`). */
export async function loadAnswer(
  job: LoadJob,
  db: GapLensDB,
): Promise<{ answer: LoadAnswer; transfer: ArrayBuffer[] }> {
  return answerOf(job.standard, job.scale, await loadMembers(job, db))
}

/** A cohort an import wrote to, answered as its load would be (see `preparedCohorts`). */
export interface PreparedCohort {
  key: string
  answer: LoadAnswer
}

/**
 * The members one import worker made of the files it wrote, handed to the other worker of the
 * batch (`share` and `join`), packed so their buffers move rather than being copied.
 */
export interface SharedCohort {
  key: string
  standardId: string
  scale: ScaleId
  packed: PackedMembers
}

/**
 * What an import keeps to show the cohorts it wrote to without reading them back: each stored
 * file made a member as it is written (`add`, in writing order: a later file of the same
 * assessment is the one stored). `answers` then lists the cohort's files in the database (keys
 * only), reads the few it did not write (files imported before), and answers for each cohort
 * as `loadAnswer` would. When two workers share a batch, one hands its members to the other
 * (`share`, `join`) before that one answers.
 */
export function preparedCohorts(standardOf: (id: string) => Standard | undefined) {
  const cohorts = new Map<
    string,
    { standard: Standard; scale: ScaleId; members: Map<string, CohortMember> }
  >()
  const makers = new Map<
    string,
    (content: CohortFileRecord['content'], fingerprint?: string) => CohortMember
  >()
  let fingerprintOf: ((content: CohortFileRecord['content']) => Promise<string>) | null = null
  const made = async (
    make: (content: CohortFileRecord['content'], fingerprint?: string) => CohortMember,
    content: CohortFileRecord['content'],
  ) => {
    if (!fingerprintOf)
      fingerprintOf = (await import('@/domain/cohort/fingerprints')).fingerprintFinder()
    return make(content, await fingerprintOf(content))
  }
  /** The cohort of a key, made ready for members of a standard and scale; null if unknown. */
  const cohortOf = async (key: string, standardId: string, scaleId: ScaleId) => {
    let cohort = cohorts.get(key)
    if (cohort && makers.has(key)) return cohort
    const standard = standardOf(standardId)
    const scale = getScale(scaleId)
    if (!standard || !scale) return null
    const { memberMaker } = await import('@/domain/cohort/cohort')
    makers.set(key, memberMaker(standard, scale).make)
    cohort = { standard, scale: scale.id, members: new Map() }
    cohorts.set(key, cohort)
    return cohort
  }
  return {
    async add(record: CohortFileRecord): Promise<void> {
      const { content } = record
      const cohort = await cohortOf(record.cohortKey, content.standard.id, content.assessment.scale)
      if (!cohort) return
      cohort.members.set(record.assessmentId, await made(makers.get(record.cohortKey)!, content))
    },
    /** The members made so far, each cohort's packed, with the buffers to move. */
    async share(): Promise<{ shared: SharedCohort[]; transfer: ArrayBuffer[] }> {
      const { packMembers } = await import('./cohort-pack')
      const shared: SharedCohort[] = []
      const transfer: ArrayBuffer[] = []
      for (const [key, cohort] of cohorts) {
        const members = [...cohort.members.values()]
        const width = members[0]?.self.length ?? 0
        const { packed, transfer: buffers } = packMembers(members, width)
        shared.push({ key, standardId: cohort.standard.id, scale: cohort.scale, packed })
        transfer.push(...buffers)
      }
      return { shared, transfer }
    },
    /**
     * Adds the members the other worker made. An assessment both workers wrote (two copies of
     * it in one batch) is left to be read back: which copy the database kept is its to say.
     */
    async join(shared: readonly SharedCohort[]): Promise<void> {
      const { unpackMembers } = await import('./cohort-pack')
      for (const set of shared) {
        const cohort = await cohortOf(set.key, set.standardId, set.scale)
        if (!cohort) continue
        for (const member of await unpackMembers(set.packed))
          if (cohort.members.has(member.id)) cohort.members.delete(member.id)
          else cohort.members.set(member.id, member)
      }
    },
    async answers(db: GapLensDB): Promise<PreparedCohort[]> {
      const prepared: PreparedCohort[] = []
      for (const [key, cohort] of cohorts) {
        const keys = (await db.cohortFiles
          .where(':id')
          .between([key, ''], [key, Dexie.maxKey], true, true)
          .primaryKeys()) as [string, string][]
        const missing = keys.filter(([, id]) => !cohort.members.has(id))
        if (missing.length) {
          const make = makers.get(key)!
          for (const record of await db.cohortFiles.bulkGet(missing))
            if (record) cohort.members.set(record.assessmentId, await made(make, record.content))
        }
        const members = keys.flatMap(([, id]) => cohort.members.get(id) ?? [])
        prepared.push({
          key,
          answer: (await answerOf(cohort.standard, cohort.scale, members)).answer,
        })
      }
      return prepared
    },
  }
}

/** The page's side: the cohort (on the page's own standard) from the worker's answer. */
export async function cohortFromAnswer(
  answer: LoadAnswer,
  standard: Standard,
  scale: ScaleId,
): Promise<LoadedCohort> {
  if ('error' in answer)
    throw Object.assign(new Error(answer.error.message), { name: answer.error.name })
  const [{ cohortOf }, { relinkOverview }, { unpackMembers }] = await Promise.all([
    import('@/domain/cohort/cohort'),
    import('@/domain/cohort/overview'),
    import('./cohort-pack'),
  ])
  const members = await unpackMembers(answer.packed, nextTask)
  const cohort = cohortOf(standard, getScale(scale)!, members)
  return { cohort, overview: relinkOverview(answer.overview, cohort) }
}

/** A cohort read in a worker where there is one, with its overview. */
export async function loadCohort(job: Omit<LoadJob, 'dbName'>): Promise<LoadedCohort> {
  const db = getDb()
  const here = async () => (await loadAnswer({ ...job, dbName: db.name }, db)).answer
  const answer = await new Promise<LoadAnswer>((resolve, reject) => {
    if (typeof Worker === 'undefined') return void here().then(resolve, reject)
    let worker: Worker
    try {
      worker = new Worker(new URL('./cohort-load.worker.ts', import.meta.url), {
        type: 'module',
        name: 'cohort-load',
      })
    } catch {
      return void here().then(resolve, reject)
    }
    worker.onmessage = (event: MessageEvent<LoadAnswer>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      here().then(resolve, reject)
    }
    worker.postMessage({ ...job, dbName: db.name } satisfies LoadJob)
  })
  return cohortFromAnswer(answer, job.standard, job.scale)
}
