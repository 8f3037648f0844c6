// IndexedDB for Dexie in Node: every test file gets a working, empty in-memory implementation.
import 'fake-indexeddb/auto'
import { vi } from 'vitest'
import { madePinia, scopeBroadcastChannels } from './pages'

// The app asks for the iCAP catalogue (catalogue/index.json) when the standards list shows or a
// standard is not on the device. A test's DOM has no server: the catalogue answers "not here",
// at once, unless a test serves one (tests/fixtures/catalogue.ts).
const realFetch = globalThis.fetch
if (realFetch) {
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.includes('catalogue/')) return Promise.resolve(new Response('', { status: 404 }))
    return realFetch(input, init)
  }
}

// Each test file is a browser of its own: its BroadcastChannels hear only its own pages, and
// every store its tests make can be ended with the test (tests/pages.ts).
scopeBroadcastChannels()
vi.mock('pinia', async (importOriginal) => {
  const pinia = await importOriginal<typeof import('pinia')>()
  return { ...pinia, createPinia: () => madePinia(pinia.createPinia()) }
})
