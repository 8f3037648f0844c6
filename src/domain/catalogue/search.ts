/**
 * Searching and filtering the catalogue's index: by title, code, field, occupation or industry
 * (names and codes, parts of words: 會計, FAC, 3313, M7010), by field and by level. A superseded
 * version is found under its current one when both are listed. Pure and quick: the haystacks are
 * built once, and a keystroke only scans them.
 */
import type { CatalogueEntry } from './entry'
import { baseCode } from '../standard/versions'
import { codePointOrder } from '../order'

/** A standard as the list shows it: its current version, with superseded ones beneath. */
export interface CatalogueGroup {
  entry: CatalogueEntry
  /** Superseded versions of the same standard (same code without its vN), newest first. */
  older: CatalogueEntry[]
}

/** Text as searched: full-width letters and digits as plain ones, any case, 臺 as 台, no spaces. */
export function searchForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/臺/g, '台').replace(/\s+/g, '')
}

const versionOf = (e: CatalogueEntry) => Number(/v(\d+)$/i.exec(e.code ?? '')?.[1] ?? 1)

/**
 * Each current standard with the superseded versions that share its code (without the vN
 * suffix); a superseded version with no current one listed stands alone, still marked.
 */
export function groupCatalogue(entries: readonly CatalogueEntry[]): CatalogueGroup[] {
  const current = new Map<string, CatalogueGroup>()
  const groups: CatalogueGroup[] = []
  for (const entry of entries) {
    if (entry.historic) continue
    const group = { entry, older: [] }
    groups.push(group)
    const base = baseCode(entry.code)?.toUpperCase()
    if (base && !current.has(base)) current.set(base, group)
  }
  for (const entry of entries) {
    if (!entry.historic) continue
    const base = baseCode(entry.code)?.toUpperCase()
    const home = base ? current.get(base) : undefined
    if (home) home.older.push(entry)
    else groups.push({ entry, older: [] })
  }
  for (const g of groups) g.older.sort((a, b) => versionOf(b) - versionOf(a))
  return groups
}

interface Haystack {
  title: string
  code: string
  rest: string
}

function haystackOf(e: CatalogueEntry): Haystack {
  return {
    title: searchForm(e.title),
    code: searchForm(`${e.code ?? ''}|${e.id}`),
    rest: searchForm(
      [
        e.field.name,
        e.field.code,
        e.occupation.name,
        e.occupation.code,
        ...e.industries.flatMap((i) => [i.name, i.code]),
      ].join('|'),
    ),
  }
}

/** The index made ready to search: groups, and each group's texts in searched form. */
export interface PreparedCatalogue {
  groups: CatalogueGroup[]
  haystacks: Haystack[][]
}

export function prepareCatalogue(entries: readonly CatalogueEntry[]): PreparedCatalogue {
  const groups = groupCatalogue(entries)
  return { groups, haystacks: groups.map((g) => [g.entry, ...g.older].map(haystackOf)) }
}

export interface CatalogueFilters {
  /** Words to find, all of them, anywhere in a standard's names and codes. */
  query: string
  /** A field code (TTM), or '' for every field. */
  field: string
  /** A standard level, or null for every level. */
  level: number | null
}

/** How well a standard's texts hold every word: 0 where one is missing; a title match first. */
function score(hays: Haystack[], words: string[]): number {
  let total = 0
  for (const word of words) {
    let best = 0
    for (const h of hays) {
      if (h.title.includes(word)) best = Math.max(best, h.title.startsWith(word) ? 4 : 3)
      else if (h.code.includes(word)) best = Math.max(best, 2)
      else if (h.rest.includes(word)) best = Math.max(best, 1)
    }
    if (best === 0) return 0
    total += best
  }
  return total
}

/**
 * The groups that pass the filters and hold every word of the query, the best first (a word
 * in the title before one in a code, before one in a classification), then in the index's
 * order. A superseded version that matches brings its current one.
 */
export function searchCatalogue(
  prepared: PreparedCatalogue,
  filters: CatalogueFilters,
): CatalogueGroup[] {
  const words = filters.query
    .split(/[\s,，、;；]+/u)
    .map(searchForm)
    .filter(Boolean)
  const found: { group: CatalogueGroup; score: number; at: number }[] = []
  prepared.groups.forEach((group, at) => {
    const e = group.entry
    if (filters.level !== null && e.level !== filters.level) return
    if (filters.field && !e.fieldCodes.includes(filters.field)) return
    const s = words.length ? score(prepared.haystacks[at]!, words) : 1
    if (s > 0) found.push({ group, score: s, at })
  })
  found.sort((a, b) => b.score - a.score || a.at - b.at)
  return found.map((f) => f.group)
}

/** A field to filter by, named as most of its standards name it, with how many there are. */
export interface FieldChoice {
  code: string
  name: string
  count: number
}

/** Fields grouped under their career cluster (職類: 製造, 資訊科技 …), as the filter lists them. */
export interface ClusterChoice {
  name: string
  fields: FieldChoice[]
}

function mostCommon(names: string[]): string {
  const counts = new Map<string, number>()
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || codePointOrder(a[0], b[0]))[0]?.[0] ?? ''
}

/**
 * The fields of the listed standards: each field code with the name most of its standards give
 * it (休閒與觀光旅遊／旅遊管理 → 旅遊管理), under the cluster its code's first letter stands for.
 */
export function fieldChoices(entries: readonly CatalogueEntry[]): ClusterChoice[] {
  const names = new Map<string, string[]>()
  const counts = new Map<string, number>()
  for (const e of entries) {
    if (e.historic) continue
    for (const code of e.fieldCodes) counts.set(code, (counts.get(code) ?? 0) + 1)
    if (e.fieldCodes.length === 1)
      names.set(e.fieldCodes[0]!, [...(names.get(e.fieldCodes[0]!) ?? []), e.field.name])
  }
  const split = (name: string) => {
    const [cluster = '', ...rest] = name.normalize('NFKC').replace(/\s+/g, '').split('/')
    return { cluster, field: rest.join('/') }
  }
  const clusters = new Map<string, { names: string[]; fields: FieldChoice[] }>()
  for (const [code, count] of [...counts].sort((a, b) => codePointOrder(a[0], b[0]))) {
    const parts = (names.get(code) ?? []).map(split)
    const letter = code[0] ?? ''
    const cluster = clusters.get(letter) ?? { names: [], fields: [] }
    cluster.names.push(...parts.map((p) => p.cluster).filter(Boolean))
    cluster.fields.push({ code, name: mostCommon(parts.map((p) => p.field || p.cluster)), count })
    clusters.set(letter, cluster)
  }
  return [...clusters.values()].map((c) => ({ name: mostCommon(c.names), fields: c.fields }))
}

/** The standard levels the listed standards have, lowest first. */
export function levelChoices(entries: readonly CatalogueEntry[]): number[] {
  return [...new Set(entries.map((e) => e.level))].sort((a, b) => a - b)
}
