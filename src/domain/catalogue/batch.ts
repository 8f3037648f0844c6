/**
 * The whole catalogue converted: every source file, the index, one file per standard, and the
 * report of what was converted and what was left out and why. Pure (texts in, texts out): the
 * build script reads the source folder and writes the result.
 */
import type { Standard } from '../standard/schema'
import { codePointOrder } from '../order'
import { convertSource, type Transcription } from './convert'
import {
  catalogueIndex,
  countsOf,
  type CatalogueEntry,
  type CatalogueIndex,
  type LeftOutEntry,
} from './entry'
import { fingerprint } from './ids'
import { HISTORIC_MARK, readSourceFile } from './source'
import { cleanText } from './text'

export interface SourceText {
  /** The file's name in the source folder. */
  file: string
  text: string
}

/** A bundled standard that answers for a file of the catalogue. */
export interface BundledMatch {
  file: string
  catalogueId: string
  bundledId: string
  /** How they were matched: the same code, or (the bundled file having none) title and classes. */
  by: 'code' | 'title'
}

export interface CatalogueBuild {
  index: CatalogueIndex
  /** Each standard's file: its path under the build (catalogue/standards/<id>.<fingerprint>.json). */
  files: { path: string; text: string }[]
  converted: number
  matched: BundledMatch[]
}

/** Whether a bundled standard is this transcription's standard (the bundled one then wins). */
export function answersFor(bundled: Standard, converted: Standard): BundledMatch['by'] | null {
  if (bundled.code && converted.code)
    return bundled.code.toUpperCase() === converted.code.toUpperCase() ? 'code' : null
  const same = (a: string, b: string) =>
    a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '')
  return same(bundled.title, converted.title) &&
    same(bundled.field.code, converted.field.code) &&
    same(bundled.occupation.code, converted.occupation.code)
    ? 'title'
    : null
}

function entryOf(t: Transcription, file: string | null): CatalogueEntry {
  const s = t.standard
  return {
    id: s.id,
    title: s.title,
    code: s.code,
    level: s.level,
    field: s.field,
    fieldCodes: t.fieldCodes,
    occupation: s.occupation,
    industries: s.industries,
    counts: countsOf(s),
    tasksLeftOut: t.tasksLeftOut.length,
    historic: t.historic,
    version: t.version,
    date: t.date,
    file,
    bundled: null,
  }
}

function bundledEntry(bundled: Standard, t: Transcription): CatalogueEntry {
  return {
    ...entryOf({ ...t, standard: bundled, tasksLeftOut: [] }, null),
    fieldCodes: [bundled.field.code],
    bundled: bundled.id,
  }
}

/** Current standards first, then superseded ones; each by field, code and title. */
function entryOrder(a: CatalogueEntry, b: CatalogueEntry): number {
  return (
    Number(a.historic) - Number(b.historic) ||
    codePointOrder(a.fieldCodes[0] ?? '', b.fieldCodes[0] ?? '') ||
    codePointOrder(a.code ?? '\uffff', b.code ?? '\uffff') ||
    codePointOrder(a.title, b.title)
  )
}

type Read = { source: SourceText; reading: ReturnType<typeof readSourceFile> }

/** Codes more than one file carries: their ids take the title too. */
function sharedCodes(read: Read[]): Set<string> {
  const seen = new Map<string, number>()
  for (const { reading } of read) {
    const code = reading.ok ? cleanText(reading.source.metadata.code) : ''
    if (code) seen.set(code, (seen.get(code) ?? 0) + 1)
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([code]) => code))
}

function leftOutOf({ source, reading }: Read, reason: LeftOutEntry['reason']): LeftOutEntry {
  const name = reading.ok ? reading.source.metadata.name : ''
  const title =
    cleanText(name.replace(HISTORIC_MARK, '')) ||
    source.file.replace(HISTORIC_MARK, '').replace(/-職能基準\.json$/u, '')
  const code = reading.ok ? cleanText(reading.source.metadata.code) || null : null
  return { file: source.file, title, code, historic: source.file.startsWith(HISTORIC_MARK), reason }
}

/**
 * Converts every source file. A bundled standard that is the same standard (same code, or the
 * same title, field and occupation where the bundled one has no code) answers for its entry:
 * the entry opens the bundled file, and no file of the transcription is written.
 */
export function buildCatalogue(sources: SourceText[], bundled: Standard[]): CatalogueBuild {
  const read: Read[] = [...sources]
    .sort((a, b) => codePointOrder(a.file, b.file))
    .map((source) => ({ source, reading: readSourceFile(source.text) }))
  const shared = sharedCodes(read)
  const entries: CatalogueEntry[] = []
  const files: CatalogueBuild['files'] = []
  const leftOut: LeftOutEntry[] = []
  const matched: BundledMatch[] = []
  const ids = new Set<string>()
  let bytes = 0
  for (const one of read) {
    const { source, reading } = one
    const result = reading.ok
      ? convertSource(reading.source, { file: source.file, sharedCodes: shared })
      : ({ ok: false, reason: { kind: 'unreadable', detail: reading.detail } } as const)
    if (!result.ok) {
      leftOut.push(leftOutOf(one, result.reason))
      continue
    }
    const t = result.value
    if (ids.has(t.standard.id)) {
      leftOut.push(leftOutOf(one, { kind: 'same-id', id: t.standard.id }))
      continue
    }
    ids.add(t.standard.id)
    const answering = bundled
      .map((b) => ({ b, by: answersFor(b, t.standard) }))
      .find((m) => m.by !== null)
    if (answering) {
      matched.push({
        file: source.file,
        catalogueId: t.standard.id,
        bundledId: answering.b.id,
        by: answering.by!,
      })
      entries.push(bundledEntry(answering.b, t))
      continue
    }
    const text = JSON.stringify(t.standard)
    const path = `catalogue/standards/${t.standard.id}.${fingerprint(text)}.json`
    bytes += new TextEncoder().encode(text).length
    files.push({ path, text })
    entries.push(entryOf(t, path))
  }
  entries.sort(entryOrder)
  return {
    index: catalogueIndex(entries, leftOut, bytes),
    files,
    converted: entries.length,
    matched,
  }
}
