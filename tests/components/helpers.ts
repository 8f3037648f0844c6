import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '@/router/routes'
import type { StandardSource } from '@/stores/standards'
import type { Standard } from '@/domain/standard/schema'

/** A router over the app's routes with in-memory history, for mounted views. */
export function makeRouter() {
  return createRouter({ history: createMemoryHistory(), routes })
}

/** Store sources that serve given standards (or raw text) instead of fetching files. */
export function sourcesOf(entries: Record<string, Standard | string>): StandardSource[] {
  return Object.entries(entries).map(([file, body]) => ({
    file,
    read: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  }))
}

/** Waits until a condition holds: IndexedDB (fake or real) answers on later macrotasks. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const { flushPromises } = await import('@vue/test-utils')
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await flushPromises()
  }
}
