/**
 * The .zip reader's guards, below the import: each hostile archive gives its problem code, the
 * archive is read a range at a time (never whole), and a long entry stops between steps.
 */
import { describe, expect, it } from 'vitest'
import { deflateSync, strToU8, zipSync } from 'fflate'
import type { FileProblem } from '@/domain/io/problems'
import {
  ZIP_READ_BYTES,
  blobRange,
  readZipDirectory,
  readZipEntry,
  type ReadRange,
  type ZipEntry,
} from '@/workers/zip'
import { craftZip, hostileZips, type CraftedEntry } from '../fixtures/hostile-zips'

/**
 * An entry of `size` bytes that deflate cannot shrink (from a seeded generator, mulberry32),
 * deflated in stored blocks: as large compressed as it is, and quick to make.
 */
function incompressible(size: number, seed = 7): CraftedEntry {
  const bytes = new Uint8Array(size)
  let x = seed
  for (let i = 0; i < size; i++) {
    x = (x + 0x6d2b79f5) >>> 0
    let t = Math.imul(x ^ (x >>> 15), 1 | x)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    bytes[i] = (t ^ (t >>> 14)) & 0xff
  }
  return { name: 'big.json', data: deflateSync(bytes, { level: 0 }), size }
}

/** Reads a .zip's bytes as the import does, recording each range asked for. */
function recorded(bytes: Uint8Array) {
  const reads: [number, number][] = []
  const read = blobRange(new Blob([new Uint8Array(bytes)]))
  const range: ReadRange = (start, end) => {
    reads.push([start, end])
    return read(start, end)
  }
  return { range, reads }
}

/** The first problem an archive gives: its directory's, or its first entry's. */
async function firstProblem(bytes: Uint8Array): Promise<FileProblem | 'none'> {
  const { range } = recorded(bytes)
  const entries = await readZipDirectory(range, bytes.length)
  if (!Array.isArray(entries)) return entries
  const entry = await readZipEntry(range, entries[0]!, () => false)
  return entry instanceof Uint8Array || entry === null ? 'none' : entry
}

describe('the .zip reader refuses hostile archives with their problem', () => {
  for (const hostile of hostileZips())
    it(`${hostile.name}: ${hostile.code}`, async () => {
      const found = await firstProblem(hostile.bytes)
      expect(found).not.toBe('none')
      expect((found as FileProblem).code).toBe(hostile.code)
      const atEntry = hostile.refused !== hostile.name
      // Refused as a whole archive, or at its entry once the directory was read.
      const { range } = recorded(hostile.bytes)
      expect(Array.isArray(await readZipDirectory(range, hostile.bytes.length))).toBe(atEntry)
    })

  it('names the compression method it cannot read', async () => {
    const bzip2 = hostileZips().find((z) => z.code === 'zip-method')!
    expect(await firstProblem(bzip2.bytes)).toEqual({
      code: 'zip-method',
      params: { method: 12 },
      place: [],
    })
  })
})

describe('the .zip reader reads a range at a time', () => {
  it('gives an honest entry whole, from a zip written by fflate', async () => {
    const text = JSON.stringify({ name: '王小明', note: 'x'.repeat(5000) })
    const zip = zipSync({ '部門/a.json': strToU8(text), 'b.txt': strToU8('b') })
    const { range } = recorded(zip)
    const entries = (await readZipDirectory(range, zip.length)) as ZipEntry[]
    expect(entries.map((e) => e.name)).toEqual(['部門/a.json', 'b.txt'])
    const bytes = await readZipEntry(range, entries[0]!, () => false)
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe(text)
  })

  it('never asks for much more than ZIP_READ_BYTES at once, however large the entry', async () => {
    const size = 3 * ZIP_READ_BYTES
    const zip = craftZip([incompressible(size)])
    expect(zip.length).toBeGreaterThan(2 * ZIP_READ_BYTES)
    const { range, reads } = recorded(zip)
    const entries = (await readZipDirectory(range, zip.length)) as ZipEntry[]
    const bytes = await readZipEntry(range, entries[0]!, () => false)
    expect((bytes as Uint8Array).length).toBe(size)
    expect(reads.length).toBeGreaterThan(3)
    for (const [start, end] of reads) expect(end - start).toBeLessThanOrEqual(ZIP_READ_BYTES + 1024)
  })

  it('stops a long entry between steps once told, and reads no further', async () => {
    const zip = craftZip([incompressible(3 * ZIP_READ_BYTES)])
    const { range, reads } = recorded(zip)
    const entries = (await readZipDirectory(range, zip.length)) as ZipEntry[]
    const before = reads.length
    let stop = false
    const read: ReadRange = async (start, end) => {
      const bytes = await range(start, end)
      // Told to stop as soon as the entry's first bytes have come.
      stop = true
      return bytes
    }
    expect(await readZipEntry(read, entries[0]!, () => stop)).toBeNull()
    expect(reads.length).toBe(before + 1)
  })
})
