/**
 * One record open on two pages (two tabs, or the installed app beside a tab): what a page's
 * write sends, and how a page takes in what the other stored. A write sends only the fields the
 * person changed, so it cannot undo a field changed elsewhere; a page takes in every field it is
 * not holding, and keeps the person's own text of a field they are typing in.
 */

/** Field values are plain: a string, a number, null, true, or absent. */
type Plain = string | number | boolean | null | undefined
/** A record whose fields `F` hold plain values (compared with ===). */
export type PlainFields<F extends string> = { [K in F]?: Plain }

/** Another page's text of a field this page is holding: both are kept until the person chooses. */
export interface FieldConflict<F extends string> {
  field: F
  /** What the other page stored. This page's own text is the one it shows. */
  theirs: string
}

/**
 * The fields of `record` named in `fields`, as a write sends them: a field the record lacks is
 * sent as undefined, which removes it where the write lands (see `applyPatch`).
 */
export function pickFields<T extends object, F extends keyof T>(
  record: T,
  fields: Iterable<F>,
): Partial<T> {
  const part: Partial<T> = {}
  for (const field of fields) part[field] = record[field]
  return part
}

/** `record` with `patch` laid over it; a field the patch gives as undefined is taken out. */
export function applyPatch<T extends object>(record: T, patch: Partial<T>): T {
  const next: T = { ...record, ...patch }
  for (const [field, value] of Object.entries(patch))
    if (value === undefined) delete (next as Record<string, unknown>)[field]
  return next
}

/** What taking in another page's record gives: the page's new record, and what it changed. */
export interface TakenIn<T, F extends string> {
  next: T
  /** The fields that now show the other page's value. */
  changed: F[]
  /** The fields held here that the other page changed too. */
  conflicts: FieldConflict<F>[]
}

/**
 * Takes in `stored` (what another page stored) over `mine` (what this page shows), field by
 * field. A field this page does not hold takes the stored value. A field it holds (typed and not
 * yet stored, being written, or being typed in) keeps this page's value; if it is a text field
 * and the other page changed it too (the stored text differs both from this page's text and from
 * what this page last knew stored, `known`), it is a conflict: the page keeps both texts.
 */
export function takeIn<T extends PlainFields<F>, F extends string>(
  fields: readonly F[],
  mine: T,
  stored: T,
  known: T | undefined,
  held: (field: F) => boolean,
  texts: ReadonlySet<F>,
): TakenIn<T, F> {
  let next = mine
  const changed: F[] = []
  const conflicts: FieldConflict<F>[] = []
  for (const field of fields) {
    const theirs = stored[field]
    if (theirs === mine[field]) continue
    if (!held(field)) {
      const patch: Partial<T> = {}
      patch[field] = theirs
      next = applyPatch(next, patch)
      changed.push(field)
    } else if (texts.has(field) && theirs !== known?.[field] && typeof theirs === 'string')
      conflicts.push({ field, theirs })
  }
  return { next, changed, conflicts }
}
