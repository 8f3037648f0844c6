/**
 * Canonical JSON: the one text a value has, whatever order its keys were written in and however
 * it was indented. Keys are sorted by UTF-16 code units at every depth, there is no whitespace,
 * and strings and numbers are written as JSON.stringify writes them (for the strings, integers
 * and literals our files hold, this is the JSON Canonicalization Scheme of RFC 8785). Hashes are
 * taken over this text, so a file re-indented by an editor keeps its hash and a changed value
 * does not.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    // undefined, functions and symbols have no JSON form; a non-finite number would become null.
    if (text === undefined || (typeof value === 'number' && !Number.isFinite(value)))
      throw new TypeError(`no canonical JSON for ${String(value)}`)
    return text
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    )
  return `{${entries.join(',')}}`
}
