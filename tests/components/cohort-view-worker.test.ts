/** @vitest-environment happy-dom */
/**
 * The import worker the cohort screen starts ahead of a batch (see prepareCohortImport): started
 * once the screen is shown, ended when it is left, never left behind by a screen already gone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCohortStore } from '@/stores/cohort'
import { releaseCohortImport } from '@/workers/cohort-import'
import { freshDatabase, until } from './helpers'
import { mountCohortScreen } from './cohort-screen'

vi.mock('@/components/charts/chart-setup', () => ({
  Chart: class {
    destroy() {}
    resize() {}
  },
}))

freshDatabase()

/** Import workers started, and whether each was ended; the cohort's reader runs here. */
const started: { url: string; ended: boolean }[] = []
class FakeWorker {
  onmessage = null
  onerror = null
  terminate: () => void
  constructor(url: URL | string) {
    if (!/cohort-import\.worker/.test(String(url))) throw new Error('read on this thread')
    const worker = { url: String(url), ended: false }
    started.push(worker)
    this.terminate = () => (worker.ended = true)
  }
  postMessage() {}
}
const live = () => started.filter((w) => !w.ended).length

beforeEach(() => {
  started.length = 0
  vi.stubGlobal('Worker', FakeWorker)
})
afterEach(() => {
  releaseCohortImport() // one a failed test left
  vi.unstubAllGlobals()
})

describe('the import workers the cohort screen starts ahead', { timeout: 30_000 }, () => {
  it('are started once the screen is shown (two, for a large batch), and ended when it is left', async () => {
    const wrapper = await mountCohortScreen()
    await until(() => wrapper.find('.cohort-page[data-state="ready"]').exists(), 10_000)
    await until(() => started.length === 2, 10_000)
    // Not more: a screen shown again asks for them again, and they are there.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(started).toHaveLength(2)
    expect(live()).toBe(2)
    wrapper.unmount()
    expect(live()).toBe(0)
  })

  it('are not started by a screen left before it had read its cohorts', async () => {
    const wrapper = await mountCohortScreen()
    wrapper.unmount()
    // The screen's first read still answers after it was left.
    await until(() => useCohortStore().cohorts.length === 1, 10_000)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(started).toHaveLength(0)
  })
})
