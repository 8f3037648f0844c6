import type { z } from 'zod'
import { Standard, STANDARD_FORMAT_VERSION } from './schema'

export type ParseResult<T> = { ok: true; value: T } | { ok: false; file: string; problem: string }

/** Formats the first few issues of a failed check as one readable line, paths first. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
  const more = error.issues.length - limit
  return more > 0 ? `${lines.join('; ')} (+${more} more)` : lines.join('; ')
}

/**
 * Parses and checks one standard file. Never throws: a bad file yields a result naming the
 * file and the problem, so the caller can report it and still offer the others.
 */
export function parseStandardFile(file: string, body: string): ParseResult<Standard> {
  let raw: unknown
  try {
    raw = JSON.parse(body)
  } catch (e) {
    return { ok: false, file, problem: `not valid JSON (${(e as Error).message})` }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, file, problem: 'not a standard: the file does not hold a JSON object' }
  }
  const version = (raw as Record<string, unknown>).formatVersion
  if (version !== STANDARD_FORMAT_VERSION) {
    return {
      ok: false,
      file,
      problem: `unsupported formatVersion ${JSON.stringify(version ?? null)} (expected ${STANDARD_FORMAT_VERSION})`,
    }
  }
  const result = Standard.safeParse(raw)
  if (!result.success) return { ok: false, file, problem: describeIssues(result.error) }
  return { ok: true, value: result.data }
}
