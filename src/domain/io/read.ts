/**
 * The steps every versioned file of ours is read by (a backup, an assessment file): its text as
 * a JSON object, a guard on its depth, its format version, and the problems that cross-checks
 * find beyond the schema, placed in the file's own terms. Each step fails as a refusal, never
 * an exception, so a reader is a short chain of them in the order its file type needs.
 */
import { isJsonObject, readJson } from './json'
import { placeOf, type Layout } from './place'
import {
  failure,
  problem,
  versionProblem,
  type FileFailure,
  type FileKind,
  type FileProblem,
  type ProblemCode,
  type ProblemParams,
} from './problems'

/** A file refused, naming the file and its problems. */
export type Refusal = { ok: false } & FileFailure

/** The refusal of a file that is not of the kind expected. */
export function wrongKind(file: string, kind: FileKind): Refusal {
  return failure(file, [problem('wrong-kind', { expected: kind })])
}

/** Parses a file's text as a JSON object: anything else (an array, a number) is not of `kind`. */
export function readJsonObject(
  file: string,
  text: string,
  kind: FileKind,
): { ok: true; raw: Record<string, unknown> } | Refusal {
  const json = readJson(file, text)
  if (!json.ok) return json
  return isJsonObject(json.raw) ? { ok: true, raw: json.raw } : wrongKind(file, kind)
}

/** Whether a parsed JSON value nests deeper than `limit` (walked without recursion). */
export function nestsDeeperThan(raw: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[raw, 0]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth >= limit) return true
    for (const child of Array.isArray(value) ? value : Object.values(value))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
  }
  return false
}

/** The refusal of a value nested deeper than `limit`, before anything walks it; else null. */
export function checkDepth(file: string, raw: unknown, limit: number): Refusal | null {
  return nestsDeeperThan(raw, limit) ? failure(file, [problem('too-deep', { limit })]) : null
}

/**
 * The refusal of a format version this app does not read (anything but a whole number from 1
 * to `supported`: a newer one, or one it never had); else null.
 */
export function checkVersion(
  file: string,
  kind: FileKind,
  found: unknown,
  supported: number,
): Refusal | null {
  if (typeof found === 'number' && Number.isInteger(found) && found >= 1 && found <= supported)
    return null
  return failure(file, [versionProblem(kind, found, supported)])
}

/** A problem a cross-check found, at a path in the checked value (placed once all are found). */
export type Found = { path: (string | number)[] } & Omit<FileProblem, 'place'>

/** A list for a cross-check to fill, and the way to add a problem to it. */
export function findings(): {
  found: Found[]
  add: <C extends ProblemCode>(path: (string | number)[], code: C, params: ProblemParams[C]) => void
} {
  const found: Found[] = []
  return { found, add: (path, code, params) => void found.push({ path, code, params } as Found) }
}

/**
 * The refusal of a file for what its cross-checks found, each placed in the raw input by the
 * file type's layout; null when they found nothing.
 */
export function refuseFound(
  file: string,
  found: Found[],
  raw: unknown,
  layout: Layout,
): Refusal | null {
  const [first, ...rest] = found.map(({ path, ...p }) => ({
    ...p,
    place: placeOf(path, raw, layout),
  })) as FileProblem[]
  return first ? failure(file, [first, ...rest]) : null
}
