import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { classifyStorageError, type StorageProblem } from '@/db/errors'

export type { StorageProblem }

export type PersistState = 'unknown' | 'persisted' | 'best-effort' | 'unsupported'

/** What the browser grants GapLens: persistent storage, space, and the last storage failure. */
export const useStorageStore = defineStore('storage', () => {
  const persist = ref<PersistState>('unknown')
  const usage = ref<number | null>(null)
  const quota = ref<number | null>(null)
  const problem = ref<StorageProblem | null>(null)

  /** Reads the current state without asking for anything. */
  async function check(): Promise<void> {
    const storage = globalThis.navigator?.storage
    if (!storage?.persisted) {
      persist.value = 'unsupported'
      return
    }
    persist.value = (await storage.persisted()) ? 'persisted' : 'best-effort'
    if (storage.estimate) {
      const estimate = await storage.estimate()
      usage.value = estimate.usage ?? null
      quota.value = estimate.quota ?? null
    }
  }

  /**
   * Asks the browser not to evict GapLens's data under storage pressure. Browsers may grant it
   * silently, prompt, or refuse; the answer is shown in Settings.
   */
  async function requestPersistence(): Promise<void> {
    const storage = globalThis.navigator?.storage
    if (!storage?.persist) {
      persist.value = 'unsupported'
      return
    }
    try {
      persist.value = (await storage.persist()) ? 'persisted' : 'best-effort'
    } catch {
      persist.value = 'best-effort'
    }
    await check()
  }

  /** Records a failed write so the page can say what happened. */
  function report(error: unknown): StorageProblem {
    problem.value = classifyStorageError(error)
    return problem.value
  }

  /**
   * A failed action's error, classified for the screen that tried it to say (with
   * src/i18n/storage.ts) beside the action; nothing is recorded, so the rating page does not
   * show it later.
   */
  function classify(error: unknown): StorageProblem {
    return classifyStorageError(error)
  }

  function clearProblem(): void {
    problem.value = null
  }

  return {
    persist,
    usage,
    quota,
    problem,
    check,
    requestPersistence,
    report,
    classify,
    clearProblem,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStorageStore, import.meta.hot))
