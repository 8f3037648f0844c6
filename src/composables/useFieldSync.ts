import { shallowReactive } from 'vue'
import { takeIn, type PlainFields } from '@/domain/sync/fields'

/** Another page's text of a field held here, kept until the person chooses. */
export interface HeldConflict<F extends string> {
  key: string
  field: F
  theirs: string
}

/** Where a conflict is kept: one per record key and field. */
const slot = (key: string, field: string) => `${key}\u0000${field}`

/** How a page shows the records it keeps in step with other pages. */
export interface FieldSyncOptions<T, F extends string> {
  /** Every field a page changes on its own. */
  fields: readonly F[]
  /** The typed ones: held while typed in, and kept beside the other page's text if both changed. */
  texts: ReadonlySet<F>
  /** The record as the page shows it now (an empty one if it has none). */
  mine: (key: string) => T
  /** Shows a record taken in: the `changed` fields of `next` now hold those of `stored`. */
  show: (key: string, next: T, changed: readonly F[], stored: T) => void
}

/**
 * Keeps a page's records (an item's response, a review's header) in step with what other pages
 * (tabs, windows) store, field by field:
 *
 *   - `send` runs a write of the fields the person changed and nothing else, and takes in the
 *     record it stored (fields another page changed come with it);
 *   - `takeInStored` takes in a record another page stored: every field the page is not holding
 *     shows the stored value; a text held here that the other page changed too is a conflict,
 *     kept beside the page's own text until the person chooses.
 *
 * The fields of each record the page is holding:
 *
 *   - changed on the page and not yet handed to a write (`touch`, taken by the next `send`);
 *   - handed to a write that has not settled: a failed write gives them back, so a retry sends
 *     them again;
 *   - being typed in (`setEditing`: the field has the focus).
 *
 * A write sends only the fields it takes, so a page cannot undo a field changed elsewhere; a page
 * taking in another's record keeps every field it holds. Conflicts (the other page changed a
 * field held here) are reactive, one per key and field, for the page to show both texts.
 */
export function useFieldSync<T extends PlainFields<F>, F extends string>(
  options: FieldSyncOptions<T, F>,
) {
  /** What the page last knew stored of each record: read when opened, or since. */
  let known = new Map<string, T>()
  const unsent = new Map<string, Set<F>>()
  const sending = new Map<string, Map<F, number>>()
  const editing = new Set<string>()
  const conflicts = shallowReactive(new Map<string, HeldConflict<F>>())

  /** Fields changed on the page, to be sent by the next write of `key`. */
  function touch(key: string, fields: Iterable<F>): void {
    const set = unsent.get(key) ?? new Set<F>()
    for (const field of fields) set.add(field)
    unsent.set(key, set)
  }

  /** The fields the write of `key` issued now sends; held as being sent until `settled`. */
  function take(key: string): F[] {
    const fields = [...(unsent.get(key) ?? [])]
    unsent.delete(key)
    const counts = sending.get(key) ?? new Map<F, number>()
    for (const field of fields) counts.set(field, (counts.get(field) ?? 0) + 1)
    if (fields.length) sending.set(key, counts)
    return fields
  }

  /** A write of `fields` has ended; if it failed, they wait for the next write of `key`. */
  function settled(key: string, fields: readonly F[], stored: boolean): void {
    const counts = sending.get(key)
    for (const field of fields) {
      const left = (counts?.get(field) ?? 1) - 1
      if (left > 0) counts?.set(field, left)
      else counts?.delete(field)
    }
    if (counts && !counts.size) sending.delete(key)
    if (!stored && fields.length) touch(key, fields)
  }

  /** Whether the page holds a field: changed and not stored yet, being written, or typed in. */
  function holds(key: string, field: F): boolean {
    return (
      Boolean(unsent.get(key)?.has(field)) ||
      Boolean(sending.get(key)?.has(field)) ||
      editing.has(slot(key, field))
    )
  }

  /** The person is typing in (or has left) a field. */
  function setEditing(key: string, field: F, on: boolean): void {
    if (on) editing.add(slot(key, field))
    else editing.delete(slot(key, field))
  }

  function conflictOf(key: string, field: F): HeldConflict<F> | undefined {
    return conflicts.get(slot(key, field))
  }

  function setConflict(key: string, field: F, theirs: string): void {
    conflicts.set(slot(key, field), { key, field, theirs })
  }

  function clearConflict(key: string, field: F): void {
    conflicts.delete(slot(key, field))
  }

  /** Takes in a record as another page (or this page's own write) stored it. */
  function takeInStored(key: string, stored: T): void {
    const { next, changed, conflicts } = takeIn(
      options.fields,
      options.mine(key),
      stored,
      known.get(key),
      (field) => holds(key, field),
      options.texts,
    )
    known.set(key, stored)
    for (const c of conflicts) setConflict(key, c.field, c.theirs)
    if (changed.length) options.show(key, next, changed, stored)
  }

  /**
   * Runs a write of `key`: `run` gets the fields changed since the last write (held as being
   * written until it settles) and resolves with the record as stored, taken in here, or with
   * undefined when it stored nothing to take in. A failure leaves the fields to the next write.
   */
  function send(key: string, run: (fields: F[]) => Promise<T | undefined>): Promise<void> {
    const fields = take(key)
    let written: Promise<T | undefined>
    try {
      written = run(fields)
    } catch (error) {
      written = Promise.reject(error)
    }
    return written.then(
      (stored) => {
        settled(key, fields, true)
        if (stored) takeInStored(key, stored)
      },
      (error: unknown) => {
        settled(key, fields, false)
        throw error
      },
    )
  }

  /** Starts again from the records as read (another record opened, or read again whole). */
  function reset(loaded: ReadonlyMap<string, T> = new Map()): void {
    known = new Map(loaded)
    unsent.clear()
    sending.clear()
    editing.clear()
    conflicts.clear()
  }

  return {
    conflicts: conflicts as ReadonlyMap<string, HeldConflict<F>>,
    touch,
    send,
    takeInStored,
    holds,
    setEditing,
    conflictOf,
    setConflict,
    clearConflict,
    reset,
  }
}
