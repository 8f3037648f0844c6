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
    await wrapper.get('[role="alertdialog"] [data-testid="confirm"]').trigger('click')
    await until(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"]').text()).toContain('儲存空間已滿')
    expect(wrapper.get('[role="alert"]').text()).toContain('資料沒有任何變動')
    // All or nothing: no half-made round, and the page stayed where it was.
    expect((await database().assessments.toArray()).map((a) => a.id)).toEqual([record.id])
    expect(router.currentRoute.value.name).toBe('assessments')
    await flushPromises()
    expect(wrapper.findAll('[data-assessment-id]')).toHaveLength(1)
  })

  it('asks first, saying what the round carries and that each rating is to be checked again', async () => {
    const { wrapper, router } = await mountList()
    await button(wrapper, '開始新一輪').trigger('click')
    const dialog = wrapper.get('[role="alertdialog"]')
    expect(dialog.text()).toContain('開始第 2 輪？')
    expect(dialog.findAll('[data-testid="round-carries"] li').map((li) => li.text())).toEqual([
      '每一項的評分（含不適用）',
      '備註',
      '佐證',
      '你調整過的目標',
      '發展計畫的每一項行動（新一輪的結果會逐項追蹤對應項目的前後評分）',
    ])
    expect(dialog.text()).toContain('請逐項確認或依你現在的情況修改')
    await dialog
      .findAll('button')
      .find((b) => b.text() === '取消')!
      .trigger('click')
    expect(wrapper.find('[role="alertdialog"]').exists()).toBe(false)
    await flushPromises()
    expect(await database().assessments.count()).toBe(1)
    expect(router.currentRoute.value.name).toBe('assessments')
  })

  it('a double click makes one round; its label follows the interface language', async () => {
    const { wrapper, record, router } = await mountList()
    // Twice on the card's button: the second click lands on the dialog's backdrop.
    await button(wrapper, '開始新一輪').trigger('click')
    await wrapper.get('.backdrop').trigger('click')
    const confirm = wrapper.get('[role="alertdialog"] [data-testid="confirm"]')
    await confirm.trigger('click')
    await confirm.trigger('click')
    await until(() => router.currentRoute.value.name === 'rate')
    const all = await database().assessments.toArray()
    expect(all).toHaveLength(2)
    const round = all.find((a) => a.id === router.currentRoute.value.params.id)!
    expect(round).toMatchObject({ round: 2, title: record.title })

    await router.push('/assessments')
    await until(() => wrapper.findAll('[data-assessment-id]').length === 2)
    const heading = () => wrapper.get(`[data-assessment-id="${round.id}"] h2`).text()
    expect(heading()).toBe(`${record.title}（第 2 輪）`)
    locale.value = 'en'
    await flushPromises()
    expect(heading()).toBe(`${record.title} (round 2)`)
  })
})
