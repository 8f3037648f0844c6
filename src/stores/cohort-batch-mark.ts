/**
 * A cohort import under way, remembered outside the page: a reload, a closed tab or a crash
 * ends the batch with the page, and without a mark the person would come back to a cohort with
 * some of their files and no word of the others. Each batch writes a small mark in
 * localStorage as it starts, updates its counts as files are stored, and removes it as it
 * ends; a mark left behind is a batch that never ended.
 *
 * Another tab may be importing at the same time: its batch holds a Web Lock named after its
 * mark while its tab lives (the browser lets it go when the tab goes), so a mark whose lock is
 * held is not called interrupted. Where the browser has no Web Locks, every mark but the
 * page's own running batch is.
 */
import type { ImportProgress } from '@/workers/cohort-import-protocol'

const PREFIX = 'gaplens.cohort-import.'

/** A batch that ended with its page: how many files it had, and how many were stored. */
export interface InterruptedBatch {
  startedAt: string
  total: number
  kept: number
}

interface Mark extends InterruptedBatch {
  id: string
}

/** The running batch's mark: its counts as they change, and its end. */
export interface BatchMark {
  id: string
  update(progress: ImportProgress): void
  end(): void
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    // Storage refused (a sandboxed frame): a reload then goes unremarked, as before.
    return null
  }
}

function locks(): LockManager | null {
  return globalThis.navigator?.locks ?? null
}

function write(mark: Mark): void {
  try {
    storage()?.setItem(PREFIX + mark.id, JSON.stringify(mark))
  } catch {
    // A full localStorage: the batch runs on, only unremarked if the page goes.
  }
}

function readMark(key: string): Mark | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(key) ?? 'null')
    const mark = value as Partial<Mark> | null
    if (
      typeof mark?.id === 'string' &&
      typeof mark.startedAt === 'string' &&
      Number.isSafeInteger(mark.total) &&
      Number.isSafeInteger(mark.kept)
    )
      return mark as Mark
  } catch {
    // Not a mark of ours: dropped below.
  }
  return null
}

/**
 * Marks a batch of `total` files as started. The mark is written once the batch holds its lock
 * (at once without Web Locks), so a mark is never seen without its lock while its page lives.
 */
export function markBatch(total: number): BatchMark {
  const mark: Mark = {
    id: crypto.randomUUID(),
    startedAt: new Date().toISOString(),
    total,
    kept: 0,
  }
  let ended = false
  let release = () => {}
  /** Whether the mark is written: once it holds its lock (or a lock cannot be had). */
  let held = false
  const hold = () => {
    if (ended) return
    held = true
    write(mark)
  }
  const manager = locks()
  if (!manager) hold()
  else
    manager
      .request(PREFIX + mark.id, () => {
        hold()
        return ended ? undefined : new Promise<void>((resolve) => (release = resolve))
      })
      .catch(hold)
  return {
    id: mark.id,
    update(progress) {
      if (ended) return
      mark.total = progress.total
      mark.kept = progress.kept
      if (held) write(mark)
    },
    end() {
      ended = true
      try {
        storage()?.removeItem(PREFIX + mark.id)
      } catch {
        // Nothing to remove.
      }
      release()
    },
  }
}

/**
 * The batches that ended with their page (reloaded, closed, crashed), each said once: they are
 * forgotten as they are returned. `running` is the id of this page's own batch, if any.
 */
export async function interruptedBatches(running?: string): Promise<InterruptedBatch[]> {
  const store = storage()
  if (!store) return []
  const keys: string[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (key?.startsWith(PREFIX) && key !== PREFIX + running) keys.push(key)
  }
  if (!keys.length) return []
  const manager = locks()
  const held = new Set(manager ? ((await manager.query()).held ?? []).map((lock) => lock.name) : [])
  const found: InterruptedBatch[] = []
  for (const key of keys) {
    if (held.has(key)) continue
    const mark = readMark(key)
    store.removeItem(key)
    if (mark) found.push({ startedAt: mark.startedAt, total: mark.total, kept: mark.kept })
  }
  return found.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
}
