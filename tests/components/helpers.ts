import { afterEach, beforeEach } from 'vitest'
import type { ComponentOptions } from 'vue'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import RateView from '@/views/RateView.vue'
import Dexie from 'dexie'
import { createMemoryHistory, createRouter } from 'vue-router'
import { GapLensDB, setDb } from '@/db/db'
import type { Subject } from '@/domain/assessment/records'
import { useAssessmentsStore } from '@/stores/assessments'
import { useStandardsStore } from '@/stores/standards'
import { makeStandard } from '../fixtures/standard'
import { closePages } from '../pages'
import { routes } from '@/router/routes'
import type { StandardSource } from '@/stores/standards'
import type { Standard } from '@/domain/standard/schema'

/**
 * Every page a test mounts is unmounted when the test ends, before its database is closed
 * (freshDatabase), so no page's work is left to run into the next test or the next file.
 */
let unmountAll = () => {}
enableAutoUnmount((unmount) => {
  unmountAll = unmount
})
afterEach(() => unmountAll())

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

/**
 * Waits until a condition holds: IndexedDB (fake or real) answers on later macrotasks. It
 * returns as soon as the page shows what is waited for; the limit is only there to end a test
 * that will never see it, and is as long as a machine loaded by other work can need (two whole
 * pages mounted one after the other took over 2 s with the load average at 12).
 */
export async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const { flushPromises } = await import('@vue/test-utils')
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await flushPromises()
  }
}

/**
 * A database of its own for every test of the calling file or block, deleted afterwards.
 * Returns a getter: the database changes from test to test.
 */
export function freshDatabase(): () => GapLensDB {
  let db: GapLensDB
  beforeEach(() => {
    db = new GapLensDB(`gaplens-test-${crypto.randomUUID()}`)
    setDb(db)
  })
  afterEach(async () => {
    unmountAll()
    closePages()
    db.close()
    await Dexie.delete(db.name)
  })
  return () => db
}

/** A new Pinia, made active, with the fixture standard loaded (a "reload" of the app). */
export async function freshPinia(): Promise<Pinia> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load(sourcesOf({ 'a.json': makeStandard() }))
  return pinia
}

/** A fresh Pinia and an assessment of the fixture standard on the five-step scale. */
export async function startFixtureAssessment(subject: Partial<Subject> = {}) {
  const pinia = await freshPinia()
  const record = await useAssessmentsStore().create({
    standardId: 'TST1234-001v1',
    scaleId: 'proficiency-5',
    subject: { name: '王小明', employeeId: '', department: '', jobTitle: '', ...subject },
  })
  return { pinia, record }
}

/**
 * The rating page of an assessment, mounted on the document (the keyboard moves the focus).
 * Unless told not to, waits until the page has opened where the person left off, its list whole.
 */
export async function mountRatePage(
  pinia: Pinia,
  id: string,
  options: { mixins?: ComponentOptions[]; resumed?: boolean } = {},
) {
  const router = makeRouter()
  await router.push(`/assessments/${id}`)
  const wrapper = mount(RateView, {
    props: { id },
    global: { plugins: [pinia, router], mixins: options.mixins ?? [] },
    attachTo: document.body,
  })
  if (options.resumed !== false)
    await until(() => wrapper.find('.rate-page[data-resumed="true"]').exists(), 10_000)
  return wrapper
}
