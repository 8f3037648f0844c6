/**
 * A cohort's members, read and reduced off the page's thread: the worker reads the cohort's
 * files from IndexedDB a page at a time and turns each into a member (a few small typed arrays),
 * so ten thousand files of a hundred ratings each never cross to the page, nor are they held
 * at once. Where there is no worker (a test), the same runs on this thread.
 */
import Dexie from 'dexie'
import { getDb, type GapLensDB } from '@/db/db'
import type { CohortFileRecord } from '@/db/cohort'
import type { CohortMember } from '@/domain/cohort/cohort'
import { getScale, type ScaleId } from '@/domain/assessment/scales'
import type { Standard } from '@/domain/standard/schema'

export interface LoadJob {
  /** The database to read (the worker opens its own connection to it). */
  dbName: string
  key: string
  standard: Standard
  scale: ScaleId
}

/** Files read per query: enough to be quick, few enough to keep memory flat. */
const PAGE = 500

/** Reads a cohort's files in pages and makes each a member. */
export async function loadMembers(job: LoadJob, db: GapLensDB): Promise<CohortMember[]> {
  const { memberMaker } = await import('@/domain/cohort/cohort')
  const scale = getScale(job.scale)
  if (!scale) throw new RangeError(`unknown scale ${job.scale}`)
  const maker = memberMaker(job.standard, scale)
  const members: CohortMember[] = []
  let after: [string, string] | null = null
  for (;;) {
    const page: CohortFileRecord[] = await db.cohortFiles
      .where(':id')
      .between(after ?? [job.key, ''], [job.key, Dexie.maxKey], after === null, true)
      .limit(PAGE)
      .toArray()
    for (const record of page) members.push(maker.make(record.content))
    if (page.length < PAGE) return members
    const last: CohortFileRecord = page[page.length - 1]!
    after = [last.cohortKey, last.assessmentId]
  }
}

/** The members of a cohort, made in a worker where there is one. */
export function loadCohortMembers(job: Omit<LoadJob, 'dbName'>): Promise<CohortMember[]> {
  const db = getDb()
  const here = () => loadMembers({ ...job, dbName: db.name }, db)
  if (typeof Worker === 'undefined') return here()
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./cohort-load.worker.ts', import.meta.url), {
        type: 'module',
        name: 'cohort-load',
      })
    } catch {
      resolve(here())
      return
    }
    worker.onmessage = (
      event: MessageEvent<
        { members: CohortMember[] } | { error: { name: string; message: string } }
      >,
    ) => {
      worker.terminate()
      if ('members' in event.data) resolve(event.data.members)
      else
        reject(Object.assign(new Error(event.data.error.message), { name: event.data.error.name }))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      resolve(here())
    }
    worker.postMessage({ ...job, dbName: db.name } satisfies LoadJob)
  })
}
