/** @vitest-environment happy-dom */
/**
 * A batch that ends with its page (a reload, a closed tab) is said on return: how many of its
 * files were stored and how many were not, once. A page that comes back is a new Pinia here,
 * with the old page's batch held on a read it never finishes (as the reload left it). A batch
 * that ended, or runs in another tab (holding its Web Lock), is not said.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import { assessmentFileText } from '@/domain/files/assessment-file'
import { protect } from '@/domain/io/protect'
import { useCohortStore } from '@/stores/cohort'
import CohortImportInterrupted from '@/components/cohort/CohortImportInterrupted.vue'
import { RECORDS_PER_TRANSACTION } from '@/workers/cohort-import.worker'
import { freshDatabase, freshPinia, until } from './helpers'
import { fileOf, files, makeFile } from './cohort-files'

const database = freshDatabase()

beforeEach(() => localStorage.clear())

/** A batch of `count` files whose reads from file `held` on wait until `release`. */
async function heldBatch(count: number, held: number) {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const chosen = (await files(count)).map((f, i) => {
    const file = fileOf(f)
    const text = file.text.bind(file)
    if (i >= held) file.text = () => released.then(text)
    return file
  })
  return { chosen, release }
}

/** The page as it comes back: the notice mounted on a new Pinia, once it has looked. */
async function comeBack(pinia: Pinia) {
  const wrapper = mount(CohortImportInterrupted, { global: { plugins: [pinia] } })
  await until(() => wrapper.find('[data-testid="cohort-import-interrupted"]').exists())
  return wrapper
}

/** Whether a page coming back now would say anything. */
async function saysNothing(): Promise<boolean> {
  await freshPinia()
  const store = useCohortStore()
  await store.checkInterrupted()
  return store.interrupted.length === 0
}

describe('a batch that ended with its page', () => {
  it('is said on return with how many files were stored and how many were not, once', async () => {
    await freshPinia()
    const count = RECORDS_PER_TRANSACTION + 60
    const { chosen, release } = await heldBatch(count, RECORDS_PER_TRANSACTION + 30)
    const before = useCohortStore()
    const running = before.importFiles(chosen)
    // The first transaction is stored; the batch waits on a read when the page goes.
    await until(() => before.progress.kept === RECORDS_PER_TRANSACTION, 30_000)

    const wrapper = await comeBack(await freshPinia())
    const said = wrapper.find('[data-testid="cohort-import-interrupted"] p')
    expect(said.text()).toContain(
      `上次的匯入在完成前中斷（頁面重新載入或關閉）：${count} 個檔案中有 ${RECORDS_PER_TRANSACTION} 個已保存，其餘 60 個沒有保存。請重新選擇這批檔案匯入：已保存的檔案再匯入一次不會重複。`,
    )
    // What it says is what the device holds.
    expect(await database().cohortFiles.count()).toBe(RECORDS_PER_TRANSACTION)
    // Dismissed, it goes; and it is not said again on the next return.
    await wrapper.find('button').trigger('click')
    expect(wrapper.find('[data-testid="cohort-import-interrupted"]').exists()).toBe(false)
    expect(await saysNothing()).toBe(true)

    release()
    await running
  }, 60_000)

  it('says nothing of a batch that finished, was cancelled or waits in this page', async () => {
    await freshPinia()
    const store = useCohortStore()
    await store.importFiles([fileOf(await makeFile(1))])
    expect(store.status).toBe('done')
    expect(await saysNothing()).toBe(true)

    // This page's own running batch is not one that ended with its page.
    const { chosen, release } = await heldBatch(20, 0)
    const running = store.importFiles(chosen)
    await until(() => store.status === 'running')
    await store.checkInterrupted()
    expect(store.interrupted).toEqual([])
    store.cancel()
    release()
    await running
    expect(store.status).toBe('cancelled')
    expect(await saysNothing()).toBe(true)
  }, 30_000)

  it('waiting for its passphrase when the page went: the protected files are said as not stored', async () => {
    await freshPinia()
    const locked = async (n: number) =>
      new File(
        [JSON.stringify(await protect(assessmentFileText(await makeFile(n)), '密語'))],
        `locked-${n}.json`,
      )
    const before = useCohortStore()
    await before.importFiles([fileOf(await makeFile(1)), await locked(2), await locked(3)])
    expect(before.status).toBe('needs-passphrase')

    const wrapper = await comeBack(await freshPinia())
    expect(wrapper.find('p').text()).toContain('3 個檔案中有 1 個已保存，其餘 2 個沒有保存')
  }, 30_000)
})

/**
 * Web Locks as a browser keeps them, for two tabs of one test: a lock is held until its
 * callback's promise settles, or until its tab goes (`drop`).
 */
class TabLocks {
  held = new Set<string>()
  async request(name: string, callback: () => unknown): Promise<unknown> {
    this.held.add(name)
    try {
      return await callback()
    } finally {
      this.held.delete(name)
    }
  }
  async query() {
    return { held: [...this.held].map((name) => ({ name })) }
  }
  /** The tab that holds them is gone: the browser lets its locks go. */
  drop() {
    this.held.clear()
  }
}

describe('a batch running in another tab', () => {
  const locks = new TabLocks()
  beforeEach(() => Object.defineProperty(navigator, 'locks', { value: locks, configurable: true }))
  afterEach(() => Reflect.deleteProperty(navigator, 'locks'))

  it('is not said while its tab lives, and is once its tab has gone', async () => {
    await freshPinia()
    const { chosen, release } = await heldBatch(30, 10)
    const other = useCohortStore()
    const running = other.importFiles(chosen)
    // Its mark is written once its tab holds the batch's lock.
    await until(() => localStorage.length > 0 && locks.held.size > 0)
    expect(await saysNothing()).toBe(true)
    // The mark is still there for when that tab goes.
    expect(localStorage.length).toBe(1)

    locks.drop()
    const wrapper = await comeBack(await freshPinia())
    expect(wrapper.find('p').text()).toContain('30 個檔案中有 0 個已保存，其餘 30 個沒有保存')
    release()
    await running
  }, 30_000)
})
