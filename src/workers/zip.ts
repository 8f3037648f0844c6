/**
 * A .zip read by hand, in the import worker, a range of bytes at a time: its directory from
 * its end, then each entry's bytes when its turn comes, inflated with fflate's streaming Inflate
 * no further than its header says. The archive is never held whole, a lying entry is stopped
 * early, and a long entry can be stopped between steps.
 */
import { Inflate } from 'fflate'
import { MAX_ASSESSMENT_FILE_BYTES } from '@/domain/files/assessment-file'
import { problem, type FileProblem } from '@/domain/io/problems'
import { giveWay } from './give-way'

// Zip bombs: a batch's .zip files may hold, together, no more entries and inflate to no more
// than any real batch (10,000 files of one standard) with room to spare; an entry larger than an
// assessment file may be is refused without inflating it, and one that inflates to more than its
// header says is stopped there, so memory and time never exceed what the headers admit.
/** The most entries a batch's .zip files may hold (twice the largest batch the app is made for). */
export const MAX_ARCHIVE_ENTRIES = 20_000
/** The most a batch's .zip files may inflate to, together; and the largest .zip read. */
export const MAX_ARCHIVE_BYTES = 20 * MAX_ASSESSMENT_FILE_BYTES
/** The largest entry: the largest assessment file. */
export const MAX_ARCHIVE_ENTRY_BYTES = MAX_ASSESSMENT_FILE_BYTES
/** A directory larger than this is not one of 20,000 entries with sane names: damaged. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024
/** Compressed bytes read at a time, so a large entry is never held whole. */
export const ZIP_READ_BYTES = 1024 * 1024
/**
 * Compressed bytes inflated per step: a lying entry is stopped within one step, and a step of
 * the most compressible data (about 1,000 to 1) makes 16 MB at most, a few tens of milliseconds.
 */
const INFLATE_STEP = 16 * 1024
/** Room for a local header longer than the directory's (its extra field may differ). */
const HEADER_SLACK = 512

/** Bytes [start, end) of an archive; fewer where it ends sooner. */
export type ReadRange = (start: number, end: number) => Promise<Uint8Array>

/** Reads a file (a Blob) a range at a time. */
export function blobRange(blob: Blob): ReadRange {
  return async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer())
}

export interface ZipEntry {
  name: string
  flags: number
  method: number
  compressedSize: number
  size: number
  localOffset: number
  /** The local header's length as the directory suggests it (its name and extra field). */
  headerHint: number
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder().decode(bytes)
  // Without the UTF-8 flag a name is in the writer's code page: often still UTF-8, in Taiwan
  // often Big5 (Windows' own zip), else read byte for byte.
  for (const label of ['utf-8', 'big5']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes)
    } catch {
      // try the next
    }
  }
  return new TextDecoder('latin1').decode(bytes)
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.length)

/** Where the directory is, from the end-of-directory record (and its ZIP64 form). */
async function findDirectory(
  read: ReadRange,
  size: number,
): Promise<{ count: number; offset: number; length: number } | FileProblem> {
  const tailStart = Math.max(0, size - 22 - 0xffff)
  const tail = await read(tailStart, size)
  const view = viewOf(tail)
  let end = -1
  for (let at = tail.length - 22; at >= 0; at--)
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at
      break
    }
  if (end < 0) return problem('zip-not-zip', {})
  let count = view.getUint16(end + 10, true)
  let length = view.getUint32(end + 12, true)
  let offset = view.getUint32(end + 16, true)
  // ZIP64: the counts and offsets that do not fit are in a record before this one.
  const zip64 = count === 0xffff || offset === 0xffffffff || length === 0xffffffff
  if (zip64 && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const at = Number(view.getBigUint64(end - 12, true))
    const record = at + 56 <= size ? await read(at, at + 56) : new Uint8Array(0)
    const z = viewOf(record)
    if (record.length < 56 || z.getUint32(0, true) !== 0x06064b50) return problem('zip-damaged', {})
    count = Number(z.getBigUint64(32, true))
    length = Number(z.getBigUint64(40, true))
    offset = Number(z.getBigUint64(48, true))
  }
  return { count, offset, length }
}

/** The entries of a .zip from its central directory, or why it cannot be read. */
export async function readZipDirectory(
  read: ReadRange,
  size: number,
): Promise<ZipEntry[] | FileProblem> {
  const found = await findDirectory(read, size)
  if ('code' in found) return found
  const { count, offset, length } = found
  if (count > MAX_ARCHIVE_ENTRIES)
    return problem('zip-too-many-entries', { limit: MAX_ARCHIVE_ENTRIES })
  if (offset + length > size || length > MAX_DIRECTORY_BYTES) return problem('zip-damaged', {})
  const directory = await read(offset, offset + length)
  const view = viewOf(directory)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  const u64 = (at: number) => Number(view.getBigUint64(at, true))
  const entries: ZipEntry[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || u32(at) !== 0x02014b50) return problem('zip-damaged', {})
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    const flags = u16(at + 8)
    let compressedSize = u32(at + 20)
    let entrySize = u32(at + 24)
    let localOffset = u32(at + 42)
    if (at + 46 + nameLength + extraLength > directory.length) return problem('zip-damaged', {})
    // ZIP64 extra field: the sizes and offset that did not fit, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x)
      const fieldLength = u16(x + 2)
      if (id === 0x0001) {
        let field = x + 4
        const next = () => {
          const value = field + 8 <= x + 4 + fieldLength ? u64(field) : 0
          field += 8
          return value
        }
        if (entrySize === 0xffffffff) entrySize = next()
        if (compressedSize === 0xffffffff) compressedSize = next()
        if (localOffset === 0xffffffff) localOffset = next()
      }
      x += 4 + fieldLength
    }
    entries.push({
      name: decodeName(directory.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
      flags,
      method: u16(at + 10),
      compressedSize,
      size: entrySize,
      localOffset,
      headerHint: 30 + nameLength + extraLength,
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * The most compressed bytes an entry of `size` bytes can honestly take: deflate at its worst
 * (stored blocks, or every byte a 9-bit code) adds an eighth and a little. More is an entry of
 * empty blocks that would keep the inflater busy for nothing.
 */
const mostCompressed = (size: number) => size + Math.ceil(size / 8) + 1024

/**
 * An entry's bytes, read a range at a time and inflated no further than its header says, or
 * why not; null once `stop` says so (checked between steps, so a long entry stops early).
 */
export async function readZipEntry(
  read: ReadRange,
  entry: ZipEntry,
  stop: () => boolean,
): Promise<Uint8Array | FileProblem | null> {
  if (entry.flags & 1) return problem('zip-encrypted', {})
  if (entry.method !== 0 && entry.method !== 8)
    return problem('zip-method', { method: entry.method })
  if (
    entry.method === 0
      ? entry.compressedSize !== entry.size
      : entry.compressedSize > mostCompressed(entry.size)
  )
    return problem('zip-entry-size', {})
  const at = entry.localOffset
  const first = await read(
    at,
    at + entry.headerHint + HEADER_SLACK + Math.min(entry.compressedSize, ZIP_READ_BYTES),
  )
  if (first.length < 30 || viewOf(first).getUint32(0, true) !== 0x04034b50)
    return problem('zip-damaged', {})
  const data = at + 30 + viewOf(first).getUint16(26, true) + viewOf(first).getUint16(28, true)
  const out: Uint8Array[] = []
  let length = 0
  let over = false
  // fflate hands each inflated chunk over as a copy of its own: kept as it is.
  const take = (chunk: Uint8Array) => {
    if (over) return
    if (length + chunk.length > entry.size) over = true
    else {
      out.push(chunk)
      length += chunk.length
    }
  }
  const inflater = entry.method === 8 ? new Inflate(take) : null
  try {
    if (inflater && entry.compressedSize === 0) inflater.push(new Uint8Array(0), true)
    let chunk = first.subarray(Math.min(data - at, first.length), data - at + entry.compressedSize)
    for (let done = 0; done < entry.compressedSize && !over;) {
      for (let step = 0; step < chunk.length && !over; step += INFLATE_STEP) {
        if (stop()) return null
        const part = chunk.subarray(step, step + INFLATE_STEP)
        if (inflater) inflater.push(part, done + step + part.length >= entry.compressedSize)
        else take(part)
        await giveWay()
      }
      done += chunk.length
      if (over || done >= entry.compressedSize) break
      if (stop()) return null
      chunk = await read(data + done, data + Math.min(entry.compressedSize, done + ZIP_READ_BYTES))
      if (!chunk.length) return problem('zip-damaged', {})
    }
  } catch {
    return problem('zip-damaged', {})
  }
  if (over || length !== entry.size) return problem('zip-entry-size', {})
  if (out.length === 1) return out[0]!
  const whole = new Uint8Array(length)
  let offset = 0
  for (const part of out) {
    whole.set(part, offset)
    offset += part.length
  }
  return whole
}

export function isJsonEntry(name: string): boolean {
  const base = name.split('/').pop() ?? ''
  // macOS adds a "._" twin of every file (and a __MACOSX folder): not files a person chose.
  return (
    /\.json$/i.test(name) &&
    !base.startsWith('._') &&
    !name.startsWith('__MACOSX/') &&
    !name.endsWith('/')
  )
}
