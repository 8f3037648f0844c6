import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef, ref } from 'vue'
import type { Standard } from '@/domain/standard/schema'
import { failure, problem, type FileFailure } from '@/domain/io/problems'
import { startStandardCheck, type StandardText } from '@/workers/parse-standards'
import type { StandardUse } from '@/db/standards'
import { useStorageStore } from './storage'
import { codePointOrder } from '@/domain/order'

export type { StandardUse } from '@/db/standards'

/** A standard file to load: its name (for messages) and how to read its text. */
export interface StandardSource {
  file: string
  read: () => Promise<string>
  /** Added by the person (kept in IndexedDB), not shipped with the app. */
  added?: boolean
}

// The database code loads apart from the entry script, and not at all on a first visit.
const storage = () => import('@/db/standards')

/**
 * Whether this browser may hold GapLens data: false only where it can say it holds no GapLens
 * database, so a first visit does not load the database code to find nothing.
 */
async function mayHaveData(): Promise<boolean> {
  try {
    const names = await globalThis.indexedDB?.databases?.()
    return names === undefined || names.some((d) => d.name?.startsWith('gaplens'))
  } catch {
    return true
  }
}

/** The standards the person added, as sources; none where IndexedDB cannot be read. */
export async function addedSources(): Promise<StandardSource[]> {
  try {
    if (!(await mayHaveData())) return []
    const stored = await (await storage()).listAddedStandards()
    return stored.map((s) => ({ file: s.file, read: async () => s.body, added: true }))
  } catch {
    // Without storage (a refused IndexedDB) the bundled standards are still offered; the
    // storage problem itself is said where the person saves something.
    return []
  }
}

/** Why an added standard was not kept. */
export type AddResult =
  { ok: true } | { ok: false; reason: 'same-id'; title: string } | { ok: false; reason: 'storage' }

/** Why an added standard was not removed: the assessments and reviews made on it. */
export type RemoveResult =
  { ok: true } | { ok: false; uses: StandardUse[] } | { ok: false; uses: null }

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
    .sort(([a], [b]) => codePointOrder(a, b))
    .map(([path, url]) => ({
      file: path.split('/').pop() ?? path,
      read: async () => {
        const response = await fetch(url)
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        return response.text()
      },
    }))
}

/** Reads every source; one that cannot be read is a failure naming its file. */
function readAll(
  sources: StandardSource[],
): Promise<(StandardText | ReturnType<typeof failure>)[]> {
  return Promise.all(
    sources.map(async (source) => {
      try {
        return { file: source.file, body: await source.read() }
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e)
        return failure(source.file, [problem('unreadable', { detail })])
      }
    }),
  )
}

export const useStandardsStore = defineStore('standards', () => {
  const standards = shallowRef<Standard[]>([])
  /** Catalogue standards opened on this page but not kept on the device, by id. */
  const opened = shallowRef<ReadonlyMap<string, Standard>>(new Map())
  const failures = ref<FailedFile[]>([])
  /** Ids of the standards the person added. */
  const added = shallowRef<ReadonlySet<string>>(new Set())
  const status = ref<'idle' | 'loading' | 'ready'>('idle')
  let pending: Promise<void> | undefined
  /** The sources of the last load, when they were given (a test's): a reload reads them again. */
  let given: StandardSource[] | undefined

  const byId = computed(() => new Map(standards.value.map((s) => [s.id, s])))

  /**
   * Loads and checks every source: by default the bundled files and the standards the person
   * added. A file that fails is reported by name and left out; the others are still offered.
   * Loads once unless `force` is set.
   */
  function load(sources?: StandardSource[], force = false): Promise<void> {
    if (pending && !force) return pending
    given = sources
    status.value = 'loading'
    pending = (async () => {
      // The worker starts and the bundled files are fetched at once, while IndexedDB is asked
      // for the standards the person added: the first screen waits for the longest of the three.
      const checker = startStandardCheck()
      const first = sources ?? bundledSources()
      const firstRead = readAll(first)
      const more = sources ? [] : await addedSources()
      const all = [...first, ...more]
      const read = [...(await firstRead), ...(await readAll(more))]
      const loaded: Standard[] = []
      const addedIds = new Set<string>()
      const failed: FailedFile[] = []
      const texts = read.filter((r): r is StandardText => 'body' in r)
      const checked = await checker.check(texts)
      const results = read.map((r) => ('body' in r ? checked[texts.indexOf(r)]! : r))
      results.forEach((result, i) => {
        const file = all[i]?.file ?? ''
        if (!result.ok) failed.push({ file, problem: result.problem, more: result.more })
        else if (loaded.some((s) => s.id === result.value.id)) {
          const same = problem('same-id-as-other-file', { id: result.value.id })
          failed.push({ file, problem: same, more: [] })
        } else {
          loaded.push(result.value)
          if (all[i]?.added) addedIds.add(result.value.id)
        }
      })
      standards.value = loaded
      added.value = addedIds
      failures.value = failed
      status.value = 'ready'
    })()
    return pending
  }

  /** Loads again what was loaded (after a restore has changed the added standards). */
  function reload(): Promise<void> {
    return load(given, true)
  }

  /** A standard on the device, or one of the catalogue's opened on this page. */
  function get(id: string): Standard | undefined {
    return byId.value.get(id) ?? opened.value.get(id)
  }

  /** Offers a standard of the catalogue read on this page (see stores/catalogue.ts). */
  function hold(standard: Standard): void {
    opened.value = new Map(opened.value).set(standard.id, standard)
  }

  /** Whether the person added this standard (rather than it being shipped with the app). */
  function isAdded(id: string): boolean {
    return added.value.has(id)
  }

  /** The JSON file of a standard, as the published schema describes it. */
  function jsonOf(standard: Standard): string {
    return `${JSON.stringify(standard, null, 2)}\n`
  }

  /**
   * Keeps a standard the person added (already checked by the standard schema, see the add
   * page) and offers it at once. A standard whose id is taken is refused, naming the other.
   */
  async function add(standard: Standard, file: string): Promise<AddResult> {
    const taken = byId.value.get(standard.id)
    if (taken) return { ok: false, reason: 'same-id', title: taken.title }
    try {
      const stored = await (
        await storage()
      ).addStandard({
        id: standard.id,
        file,
        body: jsonOf(standard),
        addedAt: new Date().toISOString(),
      })
      if (!stored) return { ok: false, reason: 'same-id', title: standard.title }
    } catch (e) {
      useStorageStore().report(e)
      return { ok: false, reason: 'storage' }
    }
    standards.value = [...standards.value, standard]
    added.value = new Set([...added.value, standard.id])
    return { ok: true }
  }

  /** Removes an added standard, unless assessments or reviews on this device use it. */
  async function remove(id: string): Promise<RemoveResult> {
    if (!isAdded(id)) return { ok: false, uses: [] }
    let uses: StandardUse[]
    try {
      uses = await (await storage()).removeStandard(id)
    } catch (e) {
      useStorageStore().report(e)
      return { ok: false, uses: null }
    }
    if (uses.length > 0) return { ok: false, uses }
    standards.value = standards.value.filter((s) => s.id !== id)
    added.value = new Set([...added.value].filter((a) => a !== id))
    return { ok: true }
  }

  return {
    standards,
    failures,
    status,
    added,
    opened,
    load,
    reload,
    get,
    hold,
    isAdded,
    jsonOf,
    add,
    remove,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStandardsStore, import.meta.hot))
