import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { CATALOGUE_CACHE, offlineState } from '@/domain/catalogue/offline'
import type { CatalogueIndex } from '@/domain/catalogue/entry'

/** Files fetched at once: enough to keep the line busy, few enough to leave the page responsive. */
const PARALLEL = 4

export type OfflineRun = 'idle' | 'downloading' | 'done' | 'stopped' | 'failed'

/**
 * The catalogue for offline use: how many of its standards this browser holds, and fetching
 * every missing one into the cache the service worker serves them from (the cache a standard
 * opened once is put in), with progress and a way to stop. Files of an earlier build's
 * catalogue are cleared when counting, so the cache never grows past one catalogue.
 */
export const useCatalogueOfflineStore = defineStore('catalogueOffline', () => {
  const supported = typeof globalThis.caches !== 'undefined'
  const cached = ref<number | null>(null)
  const total = ref(0)
  const run = ref<OfflineRun>('idle')
  const done = ref(0)
  const todo = ref(0)
  const failures = ref<{ n: number; detail: string } | null>(null)
  let stop: AbortController | null = null

  async function cacheUrls(cache: Cache): Promise<string[]> {
    return (await cache.keys()).map((request) => request.url)
  }

  /** Counts what the cache holds of `index`, and clears what it holds of an earlier catalogue. */
  async function count(index: CatalogueIndex): Promise<string[]> {
    if (!supported) return []
    const cache = await caches.open(CATALOGUE_CACHE)
    const state = offlineState(index, await cacheUrls(cache))
    await Promise.all(state.stale.map((url) => cache.delete(url)))
    cached.value = state.cached
    total.value = state.cached + state.missing.length
    return state.missing
  }

  /** Fetches every standard of the index the cache lacks, PARALLEL at a time, until stopped. */
  async function downloadAll(index: CatalogueIndex): Promise<void> {
    if (!supported || run.value === 'downloading') return
    const missing = await count(index)
    const cache = await caches.open(CATALOGUE_CACHE)
    stop = new AbortController()
    const signal = stop.signal
    run.value = 'downloading'
    done.value = 0
    todo.value = missing.length
    failures.value = null
    let failed = 0
    let detail = ''
    let next = 0
    const worker = async () => {
      while (next < missing.length && !signal.aborted) {
        const file = missing[next++]!
        const url = new URL(file, document.baseURI).href
        try {
          const response = await fetch(url, { signal })
          if (!response.ok) throw new Error(`HTTP ${response.status}`)
          await cache.put(url, response)
          done.value++
          cached.value = (cached.value ?? 0) + 1
        } catch (error) {
          if (signal.aborted) return
          failed++
          detail = error instanceof Error ? error.message : String(error)
        }
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))
    stop = null
    if (signal.aborted) run.value = 'stopped'
    else if (failed) {
      failures.value = { n: failed, detail }
      run.value = 'failed'
    } else run.value = 'done'
  }

  function cancel(): void {
    stop?.abort()
  }

  /** What the browser says is left for GapLens's data, in bytes (null where it does not say). */
  async function freeSpace(): Promise<number | null> {
    const estimate = await globalThis.navigator?.storage?.estimate?.()
    if (!estimate?.quota) return null
    return estimate.quota - (estimate.usage ?? 0)
  }

  return {
    supported,
    cached,
    total,
    run,
    done,
    todo,
    failures,
    count,
    downloadAll,
    cancel,
    freeSpace,
  }
})

if (import.meta.hot)
  import.meta.hot.accept(acceptHMRUpdate(useCatalogueOfflineStore, import.meta.hot))
