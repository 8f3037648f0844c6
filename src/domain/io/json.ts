/**
 * The first steps of reading any file: its text as JSON, and the cheap guard that it holds an
 * object, each failing as a problem rather than an exception.
 */
import { failure, problem, type FileFailure } from './problems'

export type JsonResult = { ok: true; raw: unknown } | ({ ok: false } & FileFailure)

/** Line and column (from 1) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/**
 * Where JSON.parse stopped, read from its message: browsers say it differently (Chromium "at
 * position 8" or "(line 1 column 9)", Firefox "at line 1 column 9"), and some say nothing.
 */
export function jsonErrorAt(
  text: string,
  message: string,
): { line: number | null; column: number | null } {
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) }
  const at = /position (\d+)/.exec(message)
  if (at) return lineAndColumn(text, Number(at[1]))
  if (/end of (JSON )?(input|data)/i.test(message)) return lineAndColumn(text, text.length)
  return { line: null, column: null }
}

/** Parses a file's text as JSON. Never throws. */
export function readJson(file: string, text: string): JsonResult {
  try {
    return { ok: true, raw: JSON.parse(text) as unknown }
  } catch (e) {
    return failure(file, [problem('not-json', jsonErrorAt(text, (e as Error).message))])
  }
}

/** A JSON object (not an array, a string or null): the only thing a file of ours can hold. */
export function isJsonObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
}
