/** @vitest-environment happy-dom */
/**
 * A full disk is said in the interface language, with what happened and what to do, on every
 * screen that writes: never the browser's "QuotaExceededError", never a bare "匯入中斷".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CohortImport from '@/components/cohort/CohortImport.vue'
import NewAssessmentView from '@/views/NewAssessmentView.vue'
import { locale } from '@/i18n'
import { describeStorageProblem } from '@/i18n/storage'
import { useCohortStore } from '@/stores/cohort'
import { useStorageStore } from '@/stores/storage'
import { freshDatabase, freshPinia, makeRouter, until } from './helpers'

const database = freshDatabase()

/** What Chromium's IndexedDB rejects with on a full disk, as Dexie wraps it. */
function quotaError(): Error {
  const inner = Object.assign(new Error('The quota has been exceeded.'), {
    name: 'QuotaExceededError',
  })
  return Object.assign(new Error('QuotaExceededError The quota has been exceeded.'), {
    name: 'AbortError',
    inner,
  })
}

beforeEach(() => {
  locale.value = 'zh-TW'
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('a full disk, said', () => {
  it('says what happened and what to do, in both languages, and never the error’s name', async () => {
    await freshPinia()
    const problem = useStorageStore().classify(quotaError())
    expect(problem.kind).toBe('quota')
    const zh = describeStorageProblem(problem, 'zh-TW')
    const en = describeStorageProblem(problem, 'en')
    expect(zh).toContain('儲存空間已滿')
    expect(zh).toContain('釋出空間')
    expect(zh).toContain('下載備份')
    expect(en).toContain('storage is full')
    expect(en).toContain('Free some space')
    expect(en).toContain('download a backup')
    for (const text of [zh, en]) expect(text).not.toMatch(/QuotaExceeded|quota has been/)
  })

  it('ends a cohort import that stopped on a full disk with why and what to do', async () => {
    const pinia = await freshPinia()
    const store = useCohortStore()
    store.status = 'failed'
    store.progress = { done: 400, total: 1000, rejected: 0, kept: 400 }
    useStorageStore().report(quotaError())
    const wrapper = mount(CohortImport, { global: { plugins: [pinia] } })
    await flushPromises()
    const text = wrapper.text()
    expect(text).toContain('匯入中斷：已保存的 400 個檔案都完整，其餘未匯入。這台裝置的儲存空間已滿')
    expect(text).toContain('釋出空間')
    expect(text).not.toContain('QuotaExceededError')
    locale.value = 'en'
    await flushPromises()
    expect(wrapper.text()).toContain(
      "the rest were not imported. This device's storage is full. Free some space",
    )
  })

  it('says it when a new assessment cannot be stored, and stays on the form', async () => {
    const pinia = await freshPinia()
    const router = makeRouter()
    await router.push('/assessments/new?standard=TST1234-001v1')
    vi.spyOn(database().assessments, 'add').mockRejectedValue(quotaError())
    const wrapper = mount(NewAssessmentView, {
      props: { standard: 'TST1234-001v1' },
      global: { plugins: [pinia, router] },
    })
    await wrapper.find('input[autocomplete="name"], input').setValue('王小明')
    await wrapper.find('form').trigger('submit')
    await until(() => wrapper.find('[role="alert"]').exists())
    const alert = wrapper.get('[role="alert"]').text()
    expect(alert).toContain('無法建立自評：這台裝置的儲存空間已滿')
    expect(alert).not.toContain('QuotaExceededError')
    expect(router.currentRoute.value.name).toBe('new-assessment')
    expect(await database().assessments.count()).toBe(0)
  })
})
