/**
 * The files of a cohort import as the worker reads them: each file chosen, each .json entry of
 * a .zip (its bytes read and inflated when its turn comes, never the archive whole), or a text
 * kept from a first pass, with about how much its read holds. A file or entry too large, or a
 * .zip that cannot be read or would take the batch over its limits, is a refusal in its place,
 * never an error.
 */
import { MAX_ASSESSMENT_FILE_BYTES } from '@/domain/files/assessment-file'
import { failure, problem, type FileFailure, type FileProblem } from '@/domain/io/problems'
import { checkSize } from '@/domain/io/size'
import { isArchive, type ImportInput } from './cohort-import-protocol'
import {
  MAX_ARCHIVE_BYTES,
  MAX_ARCHIVE_ENTRIES,
  MAX_ARCHIVE_ENTRY_BYTES,
  blobRange,
  isJsonEntry,
  readZipDirectory,
  readZipEntry,
} from './zip'

const unreadable = (name: string, error: unknown) =>
  failure(name, [
    problem('unreadable', { detail: error instanceof Error ? error.message : String(error) }),
  ])
const tooLarge = (name: string, size: number, limit: number) =>
  failure(name, [problem('too-large', { size, limit })])

/** A file of the batch, read when its turn comes. */
export interface Item {
  name: string
  /** About how much its read holds: its size, or nothing for one refused by its size. */
  bytes: number
  /** Its text, or why not; null when `stop` said so before the read was done. */
  read(stop: () => boolean): Promise<string | FileFailure | null>
}

/**
 * What a batch's .zip files may still hold: entries and inflated bytes. The limits are the
 * batch's, not each archive's, so fifty archives at the limit cannot make fifty times the work.
 */
export interface ArchiveBudget {
  entries: number
  bytes: number
}

/** The budget of a new batch. */
export const archiveBudget = (): ArchiveBudget => ({
  entries: MAX_ARCHIVE_ENTRIES,
  bytes: MAX_ARCHIVE_BYTES,
})

/** A file refused before its turn (a .zip as a whole): its refusal, in its place. */
const refusedWhole = (refusal: FileFailure): Item[] => [
  { name: refusal.file, bytes: 0, read: async () => refusal },
]
const refused = (name: string, why: FileProblem) => refusedWhole(failure(name, [why]))

/** The files of a .zip as items, or the .zip refused as a whole. Reads only its directory. */
async function zipItems(file: File, budget: ArchiveBudget): Promise<Item[]> {
  const refusedSize = checkSize(file, MAX_ARCHIVE_BYTES)
  if (refusedSize) return refusedWhole(refusedSize)
  const read = blobRange(file)
  let entries
  try {
    entries = await readZipDirectory(read, file.size)
  } catch (error) {
    return refusedWhole(unreadable(file.name, error))
  }
  if ('code' in entries) return refused(file.name, entries)
  const files = entries.filter((e) => isJsonEntry(e.name))
  // An entry refused by its size is never inflated: only the others count against the batch.
  const inflated = files.reduce(
    (sum, e) => sum + (e.size > MAX_ARCHIVE_ENTRY_BYTES ? 0 : e.size),
    0,
  )
  if (files.length > budget.entries)
    return refused(file.name, problem('zip-too-many-entries', { limit: MAX_ARCHIVE_ENTRIES }))
  if (inflated > budget.bytes)
    return refused(
      file.name,
      problem('zip-batch-too-large', {
        size: MAX_ARCHIVE_BYTES - budget.bytes + inflated,
        limit: MAX_ARCHIVE_BYTES,
      }),
    )
  budget.entries -= files.length
  budget.bytes -= inflated
  return files.map((entry) => {
    const name = `${file.name}/${entry.name}`
    return {
      name,
      bytes: entry.size > MAX_ARCHIVE_ENTRY_BYTES ? 0 : entry.size,
      read: async (stop) => {
        if (entry.size > MAX_ARCHIVE_ENTRY_BYTES)
          return tooLarge(name, entry.size, MAX_ARCHIVE_ENTRY_BYTES)
        let bytes
        try {
          bytes = await readZipEntry(read, entry, stop)
        } catch (error) {
          return unreadable(name, error)
        }
        if (bytes === null) return null
        if ('code' in bytes) return failure(name, [bytes])
        return new TextDecoder().decode(bytes)
      },
    }
  })
}

function fileItem(file: File): Item {
  return {
    name: file.name,
    bytes: file.size > MAX_ASSESSMENT_FILE_BYTES ? 0 : file.size,
    read: async () => {
      const refusedSize = checkSize(file, MAX_ASSESSMENT_FILE_BYTES)
      if (refusedSize) return refusedSize
      try {
        return await file.text()
      } catch (error) {
        return unreadable(file.name, error)
      }
    },
  }
}

/**
 * The files an input holds: itself, or a .zip's .json entries (or the .zip refused), each
 * entry's bytes read only when its turn comes. A .zip's entries count against the batch's
 * `budget`.
 */
export async function itemsOf(input: ImportInput, budget: ArchiveBudget): Promise<Item[]> {
  if (input.kind === 'text')
    return [{ name: input.name, bytes: input.text.length, read: async () => input.text }]
  if (!isArchive(input)) return [fileItem(input.file)]
  return zipItems(input.file, budget)
}
