/**
 * The files of a cohort import as the worker reads them: each file chosen, each .json entry of
 * a .zip (read when its turn comes), or a text kept from a first pass, with about how much its
 * read holds. A file or entry too large, or a .zip that cannot be read, is a refusal in its
 * place, never an error.
 */
import { MAX_ASSESSMENT_FILE_BYTES } from '@/domain/files/assessment-file'
import { failure, problem, type FileFailure } from '@/domain/io/problems'
import { checkSize } from '@/domain/io/size'
import type { ImportInput } from './cohort-import-protocol'
import {
  MAX_ARCHIVE_BYTES,
  MAX_ARCHIVE_ENTRY_BYTES,
  entryBytes,
  isJsonEntry,
  readZipDirectory,
} from './zip'

const fail = (name: string, code: 'unreadable', detail: string) =>
  failure(name, [problem(code, { detail })])
const tooLarge = (name: string, size: number, limit: number) =>
  failure(name, [problem('too-large', { size, limit })])

/** A file of the batch, read when its turn comes. */
export interface Item {
  name: string
  /** About how much its read holds: its size, or nothing for one refused by its size. */
  bytes: number
  read(): Promise<string | FileFailure>
}

/** The files of a .zip as items, or the .zip refused as a whole. */
async function zipItems(file: File): Promise<Item[] | FileFailure> {
  const refusedSize = checkSize(file, MAX_ARCHIVE_BYTES)
  if (refusedSize) return refusedSize
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (error) {
    return fail(file.name, 'unreadable', error instanceof Error ? error.message : String(error))
  }
  const entries = readZipDirectory(bytes)
  if (typeof entries === 'string') return fail(file.name, 'unreadable', entries)
  const files = entries.filter((e) => isJsonEntry(e.name))
  const declared = files.reduce((sum, e) => sum + e.size, 0)
  if (declared > MAX_ARCHIVE_BYTES) return tooLarge(file.name, declared, MAX_ARCHIVE_BYTES)
  return files.map((entry) => {
    const name = `${file.name}/${entry.name}`
    return {
      name,
      bytes: entry.size > MAX_ARCHIVE_ENTRY_BYTES ? 0 : entry.size,
      read: async () => {
        if (entry.size > MAX_ARCHIVE_ENTRY_BYTES)
          return tooLarge(name, entry.size, MAX_ARCHIVE_ENTRY_BYTES)
        const inflated = entryBytes(bytes, entry)
        if (typeof inflated === 'string') return fail(name, 'unreadable', inflated)
        return new TextDecoder().decode(inflated)
      },
    }
  })
}

function fileItem(file: File): Item {
  return {
    name: file.name,
    bytes: file.size > MAX_ASSESSMENT_FILE_BYTES ? 0 : file.size,
    read: async () => {
      const refused = checkSize(file, MAX_ASSESSMENT_FILE_BYTES)
      if (refused) return refused
      try {
        return await file.text()
      } catch (error) {
        return fail(file.name, 'unreadable', error instanceof Error ? error.message : String(error))
      }
    },
  }
}

/** The files an input holds: itself, or a .zip's .json entries (or the .zip refused). */
export async function itemsOf(input: ImportInput): Promise<Item[]> {
  if (input.kind === 'text')
    return [{ name: input.name, bytes: input.text.length, read: async () => input.text }]
  if (!/\.zip$/i.test(input.file.name)) return [fileItem(input.file)]
  const zip = await zipItems(input.file)
  return Array.isArray(zip) ? zip : [{ name: zip.file, bytes: 0, read: async () => zip }]
}
