/**
 * Turns a path into a file (["duties", 0, "tasks", 2, "indicators", 1, "text"]) into the place a
 * person knows (duty T1 › task T1.3 › indicator P1.3.2 › text), by walking the raw input beside
 * the file type's layout. The raw input is what failed the check, so nothing in it is trusted:
 * a record is named by its own code, key or title where it has one, else by its position.
 */
import type { FieldName, Place, PlaceStep, RecordKind, RecordName } from './problems'

/** How a file type's records are named, one node per value in the file. */
export interface Layout {
  /** The field this value is, as the person knows it. Without it the key adds no step. */
  field?: FieldName
  /**
   * The value only groups others that name themselves (a backup's tables): its field shows
   * only where a path stops at it, as a list's does.
   */
  silent?: boolean
  /** An object's keys. */
  keys?: Record<string, Layout>
  /** A list's elements, or a map's entries. */
  each?: Each
}

/** What each element of a list (or entry of a map) is, and how it is named. */
export interface Each {
  record: RecordKind
  /**
   * Names one element from its raw value, its index or key, and the whole raw input. Returns
   * the steps that stand for it (usually one record; a rating of a backup is named by its
   * assessment and its item), or nothing to name it by position.
   */
  name?: (value: unknown, key: string | number, root: unknown) => PlaceStep[] | undefined
  layout?: Layout
}

/** Longer titles are cut in a message: the place must stay readable. */
const LABEL_LENGTH = 40

/** A label for a record from a raw value, if it is a usable code, key or title. */
export function labelOf(value: unknown, quoted = false): RecordName | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { text: String(value), quoted }
  if (typeof value !== 'string') return undefined
  const text = value.trim().replace(/\s+/g, ' ')
  if (!text) return undefined
  const cut = [...text]
  return {
    text: cut.length > LABEL_LENGTH ? `${cut.slice(0, LABEL_LENGTH - 1).join('')}…` : text,
    quoted,
  }
}

/** The raw value of an object's key, or undefined when the value is not an object. */
export function rawField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined
}

/** The raw value at a path, or undefined where the path leads nowhere. */
export function rawAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Names each element by one of its fields (e.g. its code). */
export function byField(record: RecordKind, key: string, quoted = false): Each['name'] {
  return (value) => {
    const label = labelOf(rawField(value, key), quoted)
    return label && [{ kind: 'record', record, label }]
  }
}

/** Names each element by its own value (a list of codes) or a map entry by its key. */
export function bySelf(record: RecordKind): Each['name'] {
  return (value, key) => {
    const label = labelOf(typeof key === 'string' ? key : value)
    return label && [{ kind: 'record', record, label }]
  }
}

/** The place of a path in a raw input, in the file type's terms. */
export function placeOf(path: readonly PropertyKey[], raw: unknown, layout: Layout): Place {
  const steps: PlaceStep[] = []
  let node: Layout | undefined = layout
  let value: unknown = raw
  path.forEach((key, i) => {
    const child = rawAt(value, [key])
    const last = i === path.length - 1
    if (node?.each && (typeof key === 'number' || typeof key === 'string')) {
      const each: Each = node.each
      const named = each.name?.(child, key, raw)
      if (named?.length) steps.push(...named)
      else if (typeof key === 'number')
        steps.push({ kind: 'record', record: each.record, label: { position: key + 1 } })
      else steps.push({ kind: 'record', record: each.record, label: { text: key, quoted: false } })
      node = each.layout
      // An element that is a plain value (a target in a map of targets) may have a field name.
      if (last && node?.field !== undefined) steps.push({ kind: 'field', field: node.field })
    } else {
      const next: Layout | undefined =
        typeof key === 'string' && node?.keys && Object.hasOwn(node.keys, key)
          ? node.keys[key]
          : undefined
      // A list is named by its records (duty T1), so its own name shows only where the path
      // stops at the list or its records have no names of their own (lines of a text list).
      if (!next) steps.push({ kind: 'key', key: String(key) })
      else if (
        next.field !== undefined &&
        (last || (!next.silent && (!next.each || next.each.record === 'entry')))
      )
        steps.push({ kind: 'field', field: next.field })
      node = next
    }
    value = child
  })
  return steps
}

/** An assessment's subject, as a person names its fields (in a backup and in a file alike). */
export const SUBJECT_LAYOUT: Layout = {
  field: 'subject',
  keys: {
    name: { field: 'personName' },
    employeeId: { field: 'employeeId' },
    department: { field: 'department' },
    jobTitle: { field: 'jobTitle' },
  },
}

/** A target set for a duty or a task, in a map by its code. */
const target = (record: 'duty' | 'task'): Each => ({
  record,
  name: bySelf(record),
  layout: { field: 'target' },
})

/** An assessment's target overrides per duty and per task, each named by its own code. */
export const TARGETS_LAYOUT: Layout = {
  field: 'targets',
  silent: true,
  keys: {
    duties: { field: 'duties', each: target('duty') },
    tasks: { field: 'tasks', each: target('task') },
  },
}
