import { onScopeDispose, watch, type WatchSource } from 'vue'
import type { CohortImportStatus } from '@/stores/cohort'
import { prepareCohortImport, releaseCohortImport } from '@/workers/cohort-import'

export interface CohortImportAheadOptions {
  /** The import's status: each time it changes to anything but 'running', a worker is started. */
  status: WatchSource<CohortImportStatus>
}

export interface CohortImportAhead {
  /** Starts the next batch's worker now, unless the page has been left meanwhile. */
  prepare: () => void
}

/**
 * The cohort import's worker started ahead of the next batch (see `prepareCohortImport`), so a
 * batch does not wait for a worker to start: once the page calls `prepare` (it has listed its
 * cohorts), again after each batch, and ended when the page is left, even while the page was
 * still reading its cohorts.
 */
export function useCohortImportAhead(options: CohortImportAheadOptions): CohortImportAhead {
  let shown = true
  watch(options.status, (now) => {
    if (now !== 'running') prepareCohortImport()
  })
  onScopeDispose(() => {
    shown = false
    releaseCohortImport()
  })
  return {
    prepare() {
      if (shown) prepareCohortImport()
    },
  }
}
