/**
 * Storage failures as a person should read them. Dexie wraps the browser's DOMException; the
 * name tells quota from a refused or missing IndexedDB (private windows, blocked storage).
 */
export type StorageProblemKind = 'quota' | 'unavailable' | 'gone' | 'other'

export interface StorageProblem {
  kind: StorageProblemKind
  detail: string
}

function namesOf(error: unknown): string[] {
  const names: string[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { name?: unknown; inner?: unknown; message?: unknown }
    if (typeof e.name === 'string') names.push(e.name)
    current = e.inner
  }
  return names
}

export function classifyStorageError(error: unknown): StorageProblem {
  const names = namesOf(error)
  const detail = error instanceof Error ? error.message : String(error)
  if (names.some((n) => n === 'QuotaExceededError')) return { kind: 'quota', detail }
  if (names.some((n) => n === 'AssessmentGoneError')) return { kind: 'gone', detail }
  if (
    names.some((n) =>
      ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError'].includes(n),
    )
  )
    return { kind: 'unavailable', detail }
  return { kind: 'other', detail }
}
