/**
 * Canonical JSON: the one text a value has, whatever order its keys were written in and however
 * it was indented. Keys are sorted by UTF-16 code units at every depth, there is no whitespace,
 * and strings and numbers are written as JSON.stringify writes them (for the strings, integers
 * and literals our files hold, this is the JSON Canonicalization Scheme of RFC 8785). Hashes are
 * taken over this text, so a file re-indented by an editor keeps its hash and a changed value
 * does not.
 *
 * It is written in one pass, one string per array or object; an object's keys are sorted only
 * when they are not in order already, and a key's quoted text is kept once made: a cohort import
 * writes this text for every file it checks.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      // A finite number's JSON text is its string form; a non-finite one would become null.
      if (Number.isFinite(value)) return String(value)
      break
    case 'object':
      if (value === null) return 'null'
      return Array.isArray(value) ? arrayText(value) : objectText(value as Record<string, unknown>)
  }
  // undefined, functions and symbols have no JSON form (and JSON.stringify refuses a bigint).
  if (JSON.stringify(value) === undefined || typeof value === 'number')
    throw new TypeError(`no canonical JSON for ${String(value)}`)
  return JSON.stringify(value)
}

function arrayText(list: readonly unknown[]): string {
  let text = '['
  for (let i = 0; i < list.length; i++) {
    if (i > 0) text += ','
    // A hole in a sparse array is written as nothing, as Array.prototype.join writes it.
    if (i in list) text += canonicalJson(list[i])
  }
  return `${text}]`
}

/** Whether keys are in UTF-16 code-unit order (what `sort()` with no comparer gives). */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false
  return true
}

/**
 * Keys' JSON text, kept for the few hundred keys our files use (their field names and item
 * codes): written once each rather than once per object. Bounded, so a file of odd keys cannot
 * grow it.
 */
const keyTexts = new Map<string, string>()
const MAX_KEY_TEXTS = 1000
function keyText(key: string): string {
  let text = keyTexts.get(key)
  if (text === undefined) {
    text = JSON.stringify(key)
    if (keyTexts.size < MAX_KEY_TEXTS) keyTexts.set(key, text)
  }
  return text
}

function objectText(object: Record<string, unknown>): string {
  const keys = Object.keys(object)
  if (!inOrder(keys)) keys.sort()
  let text = '{'
  for (const key of keys) {
    const value = object[key]
    // A key whose value is undefined is left out, as JSON.stringify leaves it out.
    if (value === undefined) continue
    if (text.length > 1) text += ','
    text += `${keyText(key)}:${canonicalJson(value)}`
  }
  return `${text}}`
}
