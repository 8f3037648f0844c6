/**
 * Versions of one standard: TTM4221-002v4 and TTM4221-002v5 are two versions of TTM4221-002.
 * Which standards belong together (a family), which is newest, and what changed between two of
 * them, item by rateable item. Pure functions over the data.
 */
import type { Standard } from './schema'
import { attitudeLabel } from './model'
import { codePointOrder } from '../order'
import { isTranscription } from '../catalogue/ids'

/** The code's version suffix: v4, V10 (case-insensitive); a code without one is version 1. */
const VERSION_SUFFIX = /v(\d+)$/i

/**
 * The code a standard's versions share: TTM4221-002v4 → TTM4221-002. A standard without a
 * published code (a company's own) has no family: null.
 */
export function baseCode(code: string | null): string | null {
  if (code === null) return null
  const base = code.trim().replace(VERSION_SUFFIX, '')
  return base || null
}

/** The number in a version label: V4 → 4, v10 → 10; NaN when it holds none. */
function numberIn(label: string | undefined): number {
  const found = label === undefined ? null : /(\d+)/.exec(label)
  return found ? Number(found[1]) : Number.NaN
}

/**
 * The standard's version as a number, for ordering: the code's vN suffix, else its own entry of
 * the version table (or the newest entry), else 1 (a published code without a suffix is the
 * first version, as TTM4221-002 is V1 of TTM4221-002v4).
 */
export function versionNumber(standard: Standard): number {
  const suffix = standard.code ? VERSION_SUFFIX.exec(standard.code.trim()) : null
  if (suffix) return Number(suffix[1])
  const own = standard.versions.find((v) => v.code === standard.code) ?? standard.versions[0]
  const n = numberIn(own?.version)
  return Number.isNaN(n) ? 1 : n
}

/** The label a version is shown with: V4. */
export function versionLabel(standard: Standard): string {
  return `V${versionNumber(standard)}`
}

/** The versions of one standard present on this device, newest first. */
export interface StandardFamily {
  /** The shared code (TTM4221-002); for a standard without a code, its id. */
  key: string
  /** The shared code, or null for a standard without one (a family of one). */
  baseCode: string | null
  /** Newest first; never empty. */
  members: Standard[]
}

/**
 * Newest first: the higher version number; of one version, the published text before the
 * catalogue's transcription of it (which it replaces); then the id, so the order never depends
 * on the input.
 */
function newestFirst(a: Standard, b: Standard): number {
  return (
    versionNumber(b) - versionNumber(a) ||
    Number(isTranscription(a)) - Number(isTranscription(b)) ||
    codePointOrder(a.id, b.id)
  )
}

/**
 * Groups standards into families by their shared code (compared without regard to case), each
 * newest first; families in the order their first member comes in `standards`.
 */
export function groupFamilies(standards: readonly Standard[]): StandardFamily[] {
  const families = new Map<string, StandardFamily>()
  for (const standard of standards) {
    const base = baseCode(standard.code)
    const key = base === null ? `\u0000${standard.id}` : base.toUpperCase()
    const family = families.get(key)
    if (family) family.members.push(standard)
    else families.set(key, { key: base ?? standard.id, baseCode: base, members: [standard] })
  }
  const list = [...families.values()]
  for (const family of list) family.members.sort(newestFirst)
  return list
}

/** The family a standard belongs to among `standards` (itself alone when it has no code). */
export function familyOf(standards: readonly Standard[], standard: Standard): StandardFamily {
  const base = baseCode(standard.code)
  const members =
    base === null
      ? [standard]
      : standards.filter((s) => baseCode(s.code)?.toUpperCase() === base.toUpperCase())
  if (!members.some((s) => s.id === standard.id)) members.push(standard)
  return {
    key: base ?? standard.id,
    baseCode: base,
    members: [...members].sort(newestFirst),
  }
}

/**
 * The newest version of the standard present, when it is newer than the standard itself: a
 * higher version, or the published text of the same version where the standard is the
 * catalogue's transcription (an assessment on it carries over as to a new version).
 */
export function newerVersion(
  standards: readonly Standard[],
  standard: Standard,
): Standard | undefined {
  const newest = familyOf(standards, standard).members[0]
  if (!newest || newest.id === standard.id) return undefined
  const higher = versionNumber(newest) - versionNumber(standard)
  const replaces = higher === 0 && isTranscription(standard) && !isTranscription(newest)
  return higher > 0 || replaces ? newest : undefined
}

export type DiffKind = 'P' | 'K' | 'S' | 'A'

/** A rateable item as one version has it: what a person rated. */
export interface VersionedItem {
  /** The item's code, which is its key in an assessment: P1.1.1, K01, S01, A01. */
  key: string
  kind: DiffKind
  text: string
  /** An indicator's competency level; absent for K, S and A (theirs follow from the tasks). */
  level?: number
  /** The task an indicator belongs to; absent for K, S and A. */
  task?: string
}

export interface ChangedItem {
  key: string
  kind: DiffKind
  old: VersionedItem
  new: VersionedItem
  /** What changed: the text, an indicator's level, or both. */
  text: boolean
  level: boolean
}

/** A duty's or task's title that differs, or a duty or task that came or went (null side). */
export interface TitleChange {
  kind: 'duty' | 'task'
  code: string
  old: string | null
  new: string | null
}

export interface StandardDiff {
  olderId: string
  newerId: string
  /** Keys of items whose code and text (and an indicator's level) are the same in both. */
  unchanged: string[]
  changed: ChangedItem[]
  added: VersionedItem[]
  removed: VersionedItem[]
  titles: TitleChange[]
}

/** Every rateable item of a standard in reading order: indicators by task, then K, S and A. */
export function versionedItems(standard: Standard): VersionedItem[] {
  const indicators = standard.duties.flatMap((duty) =>
    duty.tasks.flatMap((task) =>
      task.indicators.map((p): VersionedItem => ({
        key: p.code,
        kind: 'P',
        text: p.text,
        level: p.level,
        task: task.code,
      })),
    ),
  )
  return [
    ...indicators,
    ...standard.knowledge.map((k): VersionedItem => ({ key: k.code, kind: 'K', text: k.text })),
    ...standard.skills.map((s): VersionedItem => ({ key: s.code, kind: 'S', text: s.text })),
    ...standard.attitudes.map((a): VersionedItem => ({
      key: a.code,
      kind: 'A',
      text: attitudeLabel(a),
    })),
  ]
}

/**
 * Texts compared as a reader sees them: runs of white space are one space, and the ends are
 * trimmed, so a re-typed line break is no change; any other difference is one.
 */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
  return norm(a) === norm(b)
}

function titleChanges(older: Standard, newer: Standard): TitleChange[] {
  const titles = (s: Standard) => {
    const map = new Map<string, { kind: 'duty' | 'task'; title: string }>()
    for (const duty of s.duties) {
      map.set(duty.code, { kind: 'duty', title: duty.title })
      for (const task of duty.tasks) map.set(task.code, { kind: 'task', title: task.title })
    }
    return map
  }
  const before = titles(older)
  const after = titles(newer)
  const changes: TitleChange[] = []
  for (const [code, now] of after) {
    const was = before.get(code)
    if (!was) changes.push({ kind: now.kind, code, old: null, new: now.title })
    else if (!sameText(was.title, now.title))
      changes.push({ kind: now.kind, code, old: was.title, new: now.title })
  }
  for (const [code, was] of before)
    if (!after.has(code)) changes.push({ kind: was.kind, code, old: was.title, new: null })
  return changes
}

/**
 * What changed from `older` to `newer`, item by rateable item, matched by code: an item is
 * unchanged when its code and text are the same (an indicator also keeps its level), changed
 * when its code stays but its text or an indicator's level differs, added when its code is new
 * and removed when its code is gone. Footnotes and which tasks draw on a K or S item are not
 * compared: they do not change what a person rates themself on. Also lists the duties and
 * tasks whose titles changed, came or went.
 */
export function diffStandards(older: Standard, newer: Standard): StandardDiff {
  const before = new Map(versionedItems(older).map((i) => [i.key, i]))
  const after = versionedItems(newer)
  const afterKeys = new Set(after.map((i) => i.key))
  const diff: StandardDiff = {
    olderId: older.id,
    newerId: newer.id,
    unchanged: [],
    changed: [],
    added: [],
    removed: [],
    titles: titleChanges(older, newer),
  }
  for (const item of after) {
    const was = before.get(item.key)
    if (!was) {
      diff.added.push(item)
      continue
    }
    const text = !sameText(was.text, item.text)
    const level = was.level !== item.level
    if (text || level)
      diff.changed.push({ key: item.key, kind: item.kind, old: was, new: item, text, level })
    else diff.unchanged.push(item.key)
  }
  for (const item of before.values()) if (!afterKeys.has(item.key)) diff.removed.push(item)
  return diff
}
