import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef, ref } from 'vue'
import type { Standard } from '@/domain/standard/schema'
import { failure, problem, type FileFailure } from '@/domain/io/problems'
import { parseStandardTexts, type StandardText } from '@/workers/parse-standards'

/** A standard file to load: its name (for messages) and how to read its text. */
export interface StandardSource {
  file: string
  read: () => Promise<string>
}

/** A file that was not offered: its name and its problems (src/i18n/problems.ts says them). */
export type FailedFile = FileFailure

// The bundled standards are emitted as static files (hashed URLs) and fetched at run time,
// so the service worker can cache them and a bad file cannot break the bundle.
const bundledUrls = import.meta.glob<string>('/data/standards/*.json', {
  query: '?url',
  import: 'default',
  eager: true,
})

/** The standards shipped with the app, in file-name order. */
export function bundledSources(): StandardSource[] {
  return Object.entries(bundledUrls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, url]) => ({
      file: path.split('/').pop() ?? path,
      read: async () => {
        const response = await fetch(url)
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        return response.text()
      },
    }))
}

export const useStandardsStore = defineStore('standards', () => {
  const standards = shallowRef<Standard[]>([])
  const failures = ref<FailedFile[]>([])
  const status = ref<'idle' | 'loading' | 'ready'>('idle')
  let pending: Promise<void> | undefined

  const byId = computed(() => new Map(standards.value.map((s) => [s.id, s])))

  /**
   * Loads and checks every source. A file that fails is reported by name and left out; the
   * others are still offered. Loads once unless `force` is set.
   */
  function load(sources: StandardSource[] = bundledSources(), force = false): Promise<void> {
    if (pending && !force) return pending
    status.value = 'loading'
    pending = (async () => {
      const loaded: Standard[] = []
      const failed: FailedFile[] = []
      // Read every file, then check them all together off the page's thread.
      const read = await Promise.all(
        sources.map(async (source) => {
          try {
            return { file: source.file, body: await source.read() }
          } catch (e) {
            const detail = e instanceof Error ? e.message : String(e)
            return failure(source.file, [problem('unreadable', { detail })])
          }
        }),
      )
      const texts = read.filter((r): r is StandardText => 'body' in r)
      const checked = await parseStandardTexts(texts)
      const results = read.map((r) => ('body' in r ? checked[texts.indexOf(r)]! : r))
      results.forEach((result, i) => {
        const file = sources[i]?.file ?? ''
        if (!result.ok) failed.push({ file, problem: result.problem, more: result.more })
        else if (loaded.some((s) => s.id === result.value.id)) {
          const same = problem('same-id-as-other-file', { id: result.value.id })
          failed.push({ file, problem: same, more: [] })
        } else loaded.push(result.value)
      })
      standards.value = loaded
      failures.value = failed
      status.value = 'ready'
    })()
    return pending
  }

  function get(id: string): Standard | undefined {
    return byId.value.get(id)
  }

  return { standards, failures, status, load, get }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStandardsStore, import.meta.hot))
