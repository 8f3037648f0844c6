/**
 * The catalogue's index: one small entry per standard, all the list and its search need, so the
 * first screen reads one file and a standard's own file is read only when it is opened.
 */
import type { Standard } from '../standard/schema'
import type { Classification } from './classify'
import { countStandard } from '../standard/model'
import type { LeftOutReason } from './notes'
import { CATALOGUE_SOURCE } from './source'

export const CATALOGUE_FORMAT = 'gaplens-catalogue'
export const CATALOGUE_FORMAT_VERSION = 1
/** Where the index is, relative to the app's page. */
export const CATALOGUE_INDEX_URL = 'catalogue/index.json'

export interface CatalogueCounts {
  duties: number
  tasks: number
  indicators: number
  knowledge: number
  skills: number
  attitudes: number
}

export interface CatalogueEntry {
  id: string
  title: string
  code: string | null
  level: number
  field: Classification
  /** The field codes to filter by: one, or several where a standard names several. */
  fieldCodes: string[]
  occupation: Classification
  industries: Classification[]
  counts: CatalogueCounts
  /** Tasks of the published standard the transcription lacks (no indicator text in the source). */
  tasksLeftOut: number
  /** A superseded version (《歷史資料》). */
  historic: boolean
  version: string | null
  /** The date of its last update (ISO), where the source gives it. */
  date: string | null
  /** The standard's file, relative to the app's page; null where a bundled file answers for it. */
  file: string | null
  /** The bundled standard that answers for this entry (its id), so it is not offered twice. */
  bundled: string | null
}

/** A file of the source that could not be converted, so a search can still say so. */
export interface LeftOutEntry {
  file: string
  title: string
  code: string | null
  historic: boolean
  reason: LeftOutReason
}

export interface CatalogueIndex {
  format: typeof CATALOGUE_FORMAT
  formatVersion: typeof CATALOGUE_FORMAT_VERSION
  /** Whom the data comes from, to credit wherever it is shown. */
  source: { project: string; url: string; commit: string; licence: string; publisher: string }
  /** The size of every standard's file together, in bytes: what "all offline" takes. */
  bytes: number
  entries: CatalogueEntry[]
  leftOut: LeftOutEntry[]
}

/** An index of these entries, crediting the source as its README asks. */
export function catalogueIndex(
  entries: CatalogueEntry[],
  leftOut: LeftOutEntry[],
  bytes: number,
): CatalogueIndex {
  const { project, url, commit, licence, publisher } = CATALOGUE_SOURCE
  return {
    format: CATALOGUE_FORMAT,
    formatVersion: CATALOGUE_FORMAT_VERSION,
    source: { project, url, commit, licence, publisher },
    bytes,
    entries,
    leftOut,
  }
}

/** What a standard's entry says of it, counted from the standard itself. */
export function countsOf(standard: Standard): CatalogueCounts {
  const c = countStandard(standard)
  return {
    duties: c.duties,
    tasks: c.tasks,
    indicators: c.indicators,
    knowledge: c.knowledge,
    skills: c.skills,
    attitudes: c.attitudes,
  }
}

const isString = (v: unknown): v is string => typeof v === 'string'
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isClass = (v: unknown) => isObject(v) && isString(v.name) && isString(v.code)

function isEntry(v: unknown): v is CatalogueEntry {
  return (
    isObject(v) &&
    isString(v.id) &&
    isString(v.title) &&
    (v.code === null || isString(v.code)) &&
    typeof v.level === 'number' &&
    isClass(v.field) &&
    Array.isArray(v.fieldCodes) &&
    v.fieldCodes.every(isString) &&
    isClass(v.occupation) &&
    Array.isArray(v.industries) &&
    v.industries.every(isClass) &&
    isObject(v.counts) &&
    typeof v.historic === 'boolean' &&
    (v.file === null || (isString(v.file) && /^catalogue\/standards\/[^/]+\.json$/.test(v.file))) &&
    (v.bundled === null || isString(v.bundled))
  )
}

/**
 * The index as fetched, if it is one: a cheap check of its shape (the app's own build wrote it;
 * an unexpected file, such as a server's error page, is refused rather than half-shown). A
 * newer format is refused as well: this app cannot know what it holds.
 */
export function readCatalogueIndex(raw: unknown): CatalogueIndex | null {
  if (!isObject(raw) || raw.format !== CATALOGUE_FORMAT) return null
  if (raw.formatVersion !== CATALOGUE_FORMAT_VERSION) return null
  if (!Array.isArray(raw.entries) || !raw.entries.every(isEntry)) return null
  if (!Array.isArray(raw.leftOut) || typeof raw.bytes !== 'number' || !isObject(raw.source))
    return null
  return raw as unknown as CatalogueIndex
}
