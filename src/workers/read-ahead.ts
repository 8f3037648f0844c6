/**
 * The files of a batch read ahead of their check, in the import worker: a read waits on the
 * browser's file system, a check on this thread, so the next files are read while these are
 * checked, within a count and a size, so memory holds a few files, never the batch.
 */
import type { FileFailure } from '@/domain/io/problems'
import type { Item } from './import-items'

/** Files checked together (their hashes overlap). */
export const FILES_AT_ONCE = 8
/**
 * Files being read ahead of their check. Beyond the files being checked, no more is read ahead
 * while READ_AHEAD_BYTES are (files may be as large as MAX_ASSESSMENT_FILE_BYTES); the files
 * checked together hold no more than that either, but for one file larger than it.
 */
export const READ_AHEAD = 32
export const READ_AHEAD_BYTES = 64 * 1024 * 1024

/** What a file's read gives: its text, why not, or null when the batch was cancelled. */
export type ItemText = string | FileFailure | null

/**
 * Reads the files of `items` (which may grow) a group at a time and ahead of it. `stop` is
 * handed to each read, so a long one (a .zip's entry) stops when the batch is cancelled.
 */
export function readAhead(items: readonly Item[], stop: () => boolean) {
  /** Reads started and not yet taken, by the item's place in `items`. */
  const reads = new Map<number, Promise<ItemText>>()
  /** The bytes of those reads. */
  let ahead = 0

  /** Where the group starting at `from` ends: FILES_AT_ONCE files, READ_AHEAD_BYTES at most. */
  const groupEnd = (from: number) => {
    let to = from + 1
    let bytes = items[from]!.bytes
    while (to < Math.min(from + FILES_AT_ONCE, items.length)) {
      bytes += items[to]!.bytes
      if (bytes > READ_AHEAD_BYTES) break
      to += 1
    }
    return to
  }

  return {
    /**
     * The group of files checked next, from `from`: where it ends. Starts their reads, and
     * those of the files after it while READ_AHEAD and READ_AHEAD_BYTES allow.
     */
    group(from: number): number {
      const to = groupEnd(from)
      const end = Math.min(from + READ_AHEAD, items.length)
      for (let i = from; i < end; i++) {
        if (reads.has(i)) continue
        if (i >= to && ahead >= READ_AHEAD_BYTES) break
        ahead += items[i]!.bytes
        reads.set(i, items[i]!.read(stop))
      }
      return to
    },
    /** The read of file `i`: the one started ahead, or a new one. */
    take(i: number): Promise<ItemText> {
      const read = reads.get(i)
      if (!read) return items[i]!.read(stop)
      reads.delete(i)
      ahead -= items[i]!.bytes
      return read
    },
  }
}
