/**
 * Reading one assessment file, as the page asks for it: the file's text, parsed and checked in
 * full (integrity, schema, the standard's items) in a Web Worker, so a file of tens of
 * megabytes never holds the page; the page hears the checked file or the refusal. Where there
 * is no worker (a test's DOM), or the file is not one the worker can be sent, the same read
 * runs on this thread.
 */
import type { AssessmentFile } from '@/domain/files/assessment-file'
import type { Locked } from '@/domain/files/read'
import type { SignatureCheck } from '@/domain/files/signature'
import { failure, problem, type ParseResult } from '@/domain/io/problems'
import type { Standard } from '@/domain/standard/schema'

/** What the page sends: the file, the standards on this device, and the passphrase if any. */
export interface ReadJob {
  file: Blob & { name: string }
  standards: Standard[]
  passphrase?: string
}

/** A file that passed every check, with the id of the standard it was rated on. */
export interface ReadFile {
  file: AssessmentFile
  standardId: string
  /** The device's copy of the standard differs from the one rated on (same id). */
  standardDiffers: boolean
  /** How many of its items differ (null: the file carries no standard to compare with). */
  differing: number | null
  /** The review's signature, where the file holds a review. */
  signature: SignatureCheck | null
}

/** A file rated on a standard this device lacks, which it carries: offered to be added. */
export interface Offer {
  ok: 'offer'
  file: string
  standard: Standard
}

export type ReadAnswer = ParseResult<ReadFile> | Locked | Offer

/** What a read needs of a chosen file. */
export type Readable = Pick<File, 'name' | 'text'>

/** The whole read, wherever it runs: text, then the one reader of assessment files. */
export async function readHere(
  chosen: Readable,
  standards: readonly Standard[],
  passphrase?: string,
): Promise<ReadAnswer> {
  let text: string
  try {
    text = await chosen.text()
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return failure(chosen.name, [problem('unreadable', { detail })])
  }
  const [{ readAssessmentText }, { standardContentHash }, carried] = await Promise.all([
    import('@/domain/files/read'),
    import('@/domain/standard/identity'),
    import('@/domain/files/carried'),
  ])
  const byId = new Map(standards.map((s) => [s.id, s]))
  const read = await readAssessmentText(
    chosen.name,
    text,
    (id) => byId.get(id),
    standardContentHash,
    passphrase,
  )
  if (read.ok === false && read.problem.code === 'standard-missing') {
    // A standard this device lacks, which the file carries: offered to the person to add.
    const standard = await carried.carriedStandard(carried.rawOf(text), chosen.name)
    if (standard) return { ok: 'offer', file: chosen.name, standard }
  }
  if (read.ok !== true) return read
  const { file, standard, standardDiffers, signature } = read.value
  const differing = await carried.differingItems(read.value, carried.rawOf(text))
  return {
    ok: true,
    value: { file, standardId: standard.id, standardDiffers, differing, signature },
  }
}

/** Reads and checks a chosen assessment file off the page's thread (see above). */
export function readAssessmentFile(
  chosen: Readable,
  standards: readonly Standard[],
  passphrase?: string,
): Promise<ReadAnswer> {
  if (typeof Worker === 'undefined' || !(chosen instanceof Blob))
    return readHere(chosen, standards, passphrase)
  let worker: Worker
  try {
    worker = new Worker(new URL('./read-assessment.worker.ts', import.meta.url), {
      type: 'module',
      name: 'read-assessment',
    })
  } catch {
    return readHere(chosen, standards, passphrase)
  }
  return new Promise<ReadAnswer>((resolve) => {
    worker.onmessage = (event: MessageEvent<ReadAnswer>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      // A worker that cannot start (no module workers): the same read here.
      event.preventDefault()
      worker.terminate()
      resolve(readHere(chosen, standards, passphrase))
    }
    worker.postMessage({ file: chosen, standards: [...standards], passphrase } satisfies ReadJob)
  })
}
