/**
 * A .zip read by hand, in the import worker: its central directory, and each entry inflated
 * with fflate's streaming Inflate no further than its header says, so a lying entry is stopped
 * early and memory never exceeds what the headers admit.
 */
import { Inflate } from 'fflate'
import { MAX_ASSESSMENT_FILE_BYTES } from '@/domain/files/assessment-file'

// Zip bombs: a .zip is refused before anything is inflated when it has more entries, or its
// .json entries add up to more, than any real batch (10,000 files of one standard); an entry
// larger than an assessment file may be is refused, and one that inflates to more than its
// header says is stopped there, so memory and time never exceed what the headers admit.
/** The most entries a .zip may have (twice the largest batch the app is made for). */
export const MAX_ARCHIVE_ENTRIES = 20_000
/** The most a .zip's .json entries may add up to, inflated; and the largest .zip read. */
export const MAX_ARCHIVE_BYTES = 20 * MAX_ASSESSMENT_FILE_BYTES
/** The largest entry: the largest assessment file. */
export const MAX_ARCHIVE_ENTRY_BYTES = MAX_ASSESSMENT_FILE_BYTES
/** Compressed bytes inflated per step, so an entry that overruns is stopped early. */
const INFLATE_STEP = 64 * 1024

export interface ZipEntry {
  name: string
  flags: number
  method: number
  compressedSize: number
  size: number
  localOffset: number
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

/** The entries of a .zip from its central directory, or why it cannot be read. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  const u64 = (at: number) => Number(view.getBigUint64(at, true))
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(at) === 0x06054b50) {
      end = at
      break
    }
  if (end < 0) return 'not a zip archive'
  let count = u16(end + 10)
  let offset = u32(end + 16)
  // ZIP64: the counts and offsets that do not fit are in a record before this one.
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(end - 20) === 0x07064b50) {
    const at = u64(end - 12)
    if (at + 56 > bytes.length || u32(at) !== 0x06064b50) return 'damaged zip64 directory'
    count = u64(at + 32)
    offset = u64(at + 48)
  }
  if (count > MAX_ARCHIVE_ENTRIES) return `more than ${MAX_ARCHIVE_ENTRIES} entries`
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return 'damaged zip directory'
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    const flags = u16(at + 8)
    let compressedSize = u32(at + 20)
    let size = u32(at + 24)
    let localOffset = u32(at + 42)
    if (at + 46 + nameLength + extraLength > bytes.length) return 'damaged zip directory'
    // ZIP64 extra field: the sizes and offset that did not fit, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x)
      const length = u16(x + 2)
      if (id === 0x0001) {
        let field = x + 4
        const next = () => {
          const value = field + 8 <= x + 4 + length ? u64(field) : 0
          field += 8
          return value
        }
        if (size === 0xffffffff) size = next()
        if (compressedSize === 0xffffffff) compressedSize = next()
        if (localOffset === 0xffffffff) localOffset = next()
      }
      x += 4 + length
    }
    entries.push({
      name: decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
      flags,
      method: u16(at + 10),
      compressedSize,
      size,
      localOffset,
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** An entry's bytes, inflated no further than its header says. */
export function entryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const at = entry.localOffset
  if (
    at + 30 > bytes.length ||
    new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true) !== 0x04034b50
  )
    return 'damaged zip entry'
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 30)
  const start = at + 30 + view.getUint16(26, true) + view.getUint16(28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) return 'damaged zip entry'
  if (entry.flags & 1) return 'encrypted zip entry'
  if (entry.method === 0)
    return data.length === entry.size ? data : 'zip entry size differs from its header'
  if (entry.method !== 8) return `zip compression method ${entry.method}`
  const out = new Uint8Array(entry.size)
  let length = 0
  let over = false
  const inflater = new Inflate((chunk) => {
    if (over) return
    if (length + chunk.length > out.length) over = true
    else {
      out.set(chunk, length)
      length += chunk.length
    }
  })
  try {
    if (data.length === 0) inflater.push(data, true)
    for (let step = 0; step < data.length && !over; step += INFLATE_STEP)
      inflater.push(data.subarray(step, step + INFLATE_STEP), step + INFLATE_STEP >= data.length)
  } catch (error) {
    return `damaged zip entry (${error instanceof Error ? error.message : String(error)})`
  }
  if (over || length !== entry.size) return 'zip entry size differs from its header'
  return out
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
