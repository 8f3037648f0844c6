/** @vitest-environment happy-dom */
/**
 * Making the whole catalogue available offline in one step: the size said first, every missing
 * standard fetched into the cache the service worker serves them from, progress shown, a stop
 * that keeps what was fetched, failures counted, and an earlier build's files cleared.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import CatalogueOffline from '@/components/catalogue/CatalogueOffline.vue'
import { useCatalogueOfflineStore } from '@/stores/catalogue-offline'
import { CATALOGUE_CACHE } from '@/domain/catalogue/offline'
import { locale } from '@/i18n'
import '@/i18n/sections/catalogue'
import { entryOf, indexOf, makeTranscription } from '../fixtures/catalogue'

/** A CacheStorage in memory: what the app puts, keyed by URL. */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>()
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>()
    stores.set(name, store)
    return {
      keys: async () => [...store.keys()].map((url) => new Request(url)),
      put: async (url: string, response: Response) => void store.set(url, response),
      delete: async (url: string) => store.delete(url),
    }
  }
  vi.stubGlobal('caches', { open })
  return stores
}

const entries = Array.from({ length: 10 }, (_, i) =>
  entryOf(makeTranscription({ id: `S${i}.parsed` }), {
    file: `catalogue/standards/S${i}.parsed.0000000${i}.json`,
  }),
)
const index = indexOf(entries)
const url = (i: number) => new URL(entries[i]!.file!, document.baseURI).href

describe('the catalogue offline', () => {
  beforeEach(() => {
    locale.value = 'zh-TW'
    setActivePinia(createPinia())
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('says the size first, then fetches every missing standard, with progress', async () => {
    const stores = memoryCaches()
    const cache = stores.get(CATALOGUE_CACHE) ?? new Map()
    stores.set(CATALOGUE_CACHE, cache)
    cache.set(url(0), new Response('{}'))
    // A file of an earlier build's catalogue, which nothing points to any more.
    cache.set(
      new URL('catalogue/standards/OLD.parsed.1.json', document.baseURI).href,
      new Response('{}'),
    )
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const fetched = vi.fn(async () => {
      await held
      return new Response('{}')
    })
    vi.stubGlobal('fetch', fetched)

    const wrapper = mount(CatalogueOffline, { props: { index } })
    await vi.waitUntil(() => wrapper.find('[data-testid="catalogue-offline-count"]').exists())
    expect(wrapper.get('[data-testid="catalogue-offline-count"]').text()).toContain('1 / 10')
    expect(cache.size).toBe(1)

    await wrapper.get('[data-testid="catalogue-offline-all"]').trigger('click')
    await flushPromises()
    const dialog = wrapper.get('[role="alertdialog"]')
    expect(dialog.text()).toContain('下載全部 10 項職能基準')
    expect(dialog.text()).toContain('約需 2.5 MB')
    expect(fetched).not.toHaveBeenCalled()
    await dialog.findAll('button')[1]!.trigger('click')
    await vi.waitUntil(() => wrapper.find('progress').exists())
    expect(wrapper.text()).toContain('下載中：0 / 9 項')
    release()
    await vi.waitUntil(() => wrapper.text().includes('全部 10 項都已可離線開啟'))
    expect(fetched).toHaveBeenCalledTimes(9)
    expect(cache.size).toBe(10)
    expect(wrapper.find('[data-testid="catalogue-offline-all"]').exists()).toBe(false)
  })

  it('stops when asked, keeping what was fetched, and counts what failed', async () => {
    const stores = memoryCaches()
    const store = useCatalogueOfflineStore()
    let calls = 0
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        calls++
        if (calls === 3) store.cancel()
        return new Response('{}')
      }),
    )
    await store.downloadAll(index)
    expect(store.run).toBe('stopped')
    const kept = stores.get(CATALOGUE_CACHE)!.size
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(10)
    expect(store.cached).toBe(kept)

    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) =>
        input.includes('S9.') ? new Response('', { status: 503 }) : new Response('{}'),
      ),
    )
    await store.downloadAll(index)
    expect(store.run).toBe('failed')
    expect(store.failures).toEqual({ n: 1, detail: 'HTTP 503' })
    expect(store.cached).toBe(9)
  })
})
