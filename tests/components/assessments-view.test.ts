/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import AssessmentsView from '@/views/AssessmentsView.vue'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, startFixtureAssessment, until } from './helpers'

const database = freshDatabase()

beforeEach(() => {
  locale.value = 'zh-TW'
})
afterEach(() => {
  vi.restoreAllMocks()
})

async function mountList() {
  const { pinia, record } = await startFixtureAssessment()
  const router = makeRouter()
  await router.push('/assessments')
  const wrapper = mount(AssessmentsView, { global: { plugins: [pinia, router] } })
  await until(() => wrapper.find('[data-assessment-id]').exists())
  return { wrapper, record, router }
}

const button = (wrapper: ReturnType<typeof mount>, text: string) =>
  wrapper.findAll('button').find((b) => b.text() === text)!

describe('the list of assessments', () => {
  it('says plainly when storage is full for a new round, and changes nothing', async () => {
    const { wrapper, record, router } = await mountList()
    const full = Object.assign(new Error('The quota has been exceeded.'), {
      name: 'QuotaExceededError',
    })
    vi.spyOn(database().responses, 'bulkAdd').mockRejectedValue(full)
    await button(wrapper, '開始新一輪').trigger('click')
    await until(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"]').text()).toContain('儲存空間已滿')
    expect(wrapper.get('[role="alert"]').text()).toContain('資料沒有任何變動')
    // All or nothing: no half-made round, and the page stayed where it was.
    expect((await database().assessments.toArray()).map((a) => a.id)).toEqual([record.id])
    expect(router.currentRoute.value.name).toBe('assessments')
    await flushPromises()
    expect(wrapper.findAll('[data-assessment-id]')).toHaveLength(1)
  })

  it('names the round in the interface language', async () => {
    locale.value = 'en'
    const { wrapper, record, router } = await mountList()
    await button(wrapper, 'Start a new round').trigger('click')
    await until(() => router.currentRoute.value.name === 'rate')
    const round = await database().assessments.get(String(router.currentRoute.value.params.id))
    expect(round?.title).toBe(`${record.title} (round 2)`)
  })
})
