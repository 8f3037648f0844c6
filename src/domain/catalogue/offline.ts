/**
 * Making the catalogue available offline: which of its files a cache holds, which it lacks,
 * and which it holds for nothing (files of an earlier build's catalogue). Pure: the store does
 * the Cache API's reading and writing.
 */
import type { CatalogueIndex } from './entry'

/** The cache the service worker keeps the catalogue's standards in (vite.config.ts names it too). */
export const CATALOGUE_CACHE = 'gaplens-catalogue'

/** The path of a URL under the app: catalogue/standards/… (or null for another of the app's files). */
export function cataloguePath(url: string): string | null {
  const at = url.indexOf('catalogue/standards/')
  return at < 0 ? null : url.slice(at).split(/[?#]/)[0]!
}

/** Every standard file of the index (bundled entries have none). */
export function catalogueFiles(index: CatalogueIndex): string[] {
  return index.entries.flatMap((e) => (e.file ? [e.file] : []))
}

/** What a cache holding `cachedUrls` has and lacks of the index's files, and what it holds for nothing. */
export function offlineState(
  index: CatalogueIndex,
  cachedUrls: readonly string[],
): { cached: number; missing: string[]; stale: string[] } {
  const files = new Set(catalogueFiles(index))
  const held = new Set<string>()
  const stale: string[] = []
  for (const url of cachedUrls) {
    const path = cataloguePath(url)
    if (path && files.has(path)) held.add(path)
    else if (path) stale.push(url)
  }
  return { cached: held.size, missing: [...files].filter((f) => !held.has(f)), stale }
}

/** A size as a person reads it: 8.6 MB, 950 kB. */
export function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1000))} kB`
}
