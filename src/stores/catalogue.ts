import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  CATALOGUE_INDEX_URL,
  readCatalogueIndex,
  type CatalogueEntry,
  type CatalogueIndex,
} from '@/domain/catalogue/entry'
import { prepareCatalogue } from '@/domain/catalogue/search'
import { CATALOGUE_CACHE } from '@/domain/catalogue/offline'
import type { Standard } from '@/domain/standard/schema'
import type { FileFailure } from '@/domain/io/problems'
import { useStandardsStore, type AddResult } from './standards'

/** A standard found by id: on the device, or read from the catalogue; else why not. */
export type Ensured =
  | { ok: true; standard: Standard }
  /** No standard on the device nor in the catalogue has this id. */
  | { ok: false; reason: 'unknown' }
  /** The catalogue lists it, but its file could not be fetched (offline, not yet cached). */
  | { ok: false; reason: 'unreachable' }
  /** Its file failed the standard check. */
  | { ok: false; reason: 'invalid'; failure: FileFailure }

/**
 * The iCAP catalogue: its index (one small file, fetched when the list first shows it and
 * precached for offline use) and, on demand, one standard's file, checked as every standard
 * the app opens is. This store is loaded with the catalogue's screens only.
 */
export const useCatalogueStore = defineStore('catalogue', () => {
  const index = shallowRef<CatalogueIndex | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  let pending: Promise<void> | undefined

  const entries = computed(() => index.value?.entries ?? [])
  const byId = computed(() => new Map(entries.value.map((e) => [e.id, e])))
  /** The index made ready to search (built once per index, not per keystroke). */
  const prepared = computed(() => prepareCatalogue(entries.value))

  /** Fetches the index once; after a failure (offline on a first visit) a later call tries again. */
  function load(): Promise<void> {
    pending ??= (async () => {
      status.value = 'loading'
      try {
        const response = await fetch(CATALOGUE_INDEX_URL)
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const read = readCatalogueIndex(await response.json())
        if (!read) throw new Error('not a catalogue index')
        index.value = read
        status.value = 'ready'
      } catch {
        status.value = 'failed'
        pending = undefined
      }
    })()
    return pending
  }

  function entry(id: string): CatalogueEntry | undefined {
    return byId.value.get(id)
  }

  /**
   * Fetches one standard of the catalogue and checks it with the one standard reader. A file
   * fetched is also put in the catalogue's offline cache, where the service worker looks first:
   * a standard opened once opens offline, even from a first visit the worker did not yet serve.
   */
  async function read(id: string): Promise<Ensured> {
    await load()
    const file = entry(id)?.file
    if (!file) return { ok: false, reason: 'unknown' }
    let body: string
    try {
      const response = await fetch(file)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const copy = response.clone()
      body = await response.text()
      void globalThis.caches
        ?.open(CATALOGUE_CACHE)
        .then((cache) => cache.put(new URL(file, document.baseURI).href, copy))
        .catch(() => undefined)
    } catch {
      return { ok: false, reason: 'unreachable' }
    }
    const { parseStandardFile } = await import('@/domain/standard/parse')
    const result = parseStandardFile(file.split('/').pop() ?? file, body)
    if (!result.ok) return { ok: false, reason: 'invalid', failure: result }
    return { ok: true, standard: result.value }
  }

  /**
   * A standard by id: the device's, or else the catalogue's, read and checked now and offered
   * on this page (the standards store's `get` finds it) without being kept.
   */
  async function ensure(id: string): Promise<Ensured> {
    const standards = useStandardsStore()
    await standards.load()
    const found = standards.get(id)
    if (found) return { ok: true, standard: found }
    const result = await read(id)
    if (result.ok) standards.hold(result.standard)
    return result
  }

  /**
   * Keeps a standard of the catalogue opened on this page on the device, as an added standard
   * is kept: an assessment or a review made on it needs it on every later visit, offline too.
   * Nothing happens for a standard the device has already.
   */
  async function keep(id: string): Promise<AddResult> {
    const standards = useStandardsStore()
    const standard = standards.standards.some((s) => s.id === id)
      ? undefined
      : standards.opened.get(id)
    if (!standard) return { ok: true }
    const outcome = await standards.add(standard, `${id}.json`)
    // Kept already, from another tab: the same transcription, under the same id.
    return outcome.ok || outcome.reason !== 'same-id' ? outcome : { ok: true }
  }

  return { index, status, entries, byId, prepared, load, entry, read, ensure, keep }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCatalogueStore, import.meta.hot))
