/** @vitest-environment happy-dom */
/**
 * The supervisor's pages, mounted: the list opens a chosen file (a refusal named in the
 * interface language, a protected file behind its passphrase) and deletes a review after
 * asking; the review page rates beside the self-rating with the mouse and the keyboard, flags
 * two steps, filters, and asks for the reviewer's name before an export.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { Pinia } from 'pinia'
import ReviewsView from '@/views/ReviewsView.vue'
import ReviewView from '@/views/ReviewView.vue'
import { locale } from '@/i18n'
import { assessmentFileText } from '@/domain/files/assessment-file'
import { protect } from '@/domain/io/protect'
import { importForReview } from '@/db/reviews'
import { freshDatabase, freshPinia, makeRouter, until } from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()
/** IndexedDB answers late on a busy machine: the waits allow for it. */
const wait = (condition: () => boolean, timeoutMs = 10_000) => until(condition, timeoutMs)

beforeEach(() => {
  locale.value = 'zh-TW'
})
afterEach(() => {
  vi.restoreAllMocks()
})

async function mountList() {
  const pinia = await freshPinia()
  const router = makeRouter()
  await router.push('/reviews')
  const wrapper = mount(ReviewsView, { global: { plugins: [pinia, router] } })
  await wait(() => wrapper.find('[data-testid="reviews-empty"]').exists())
  return { wrapper, router }
}

/** Chooses a file in the page's file input. */
async function choose(wrapper: VueWrapper, name: string, text: string) {
  const input = wrapper.get('[data-testid="review-file-input"]')
  Object.defineProperty(input.element, 'files', {
    value: [new File([text], name, { type: 'application/json' })],
    configurable: true,
  })
  await input.trigger('change')
}

const message = (wrapper: VueWrapper) => wrapper.find('[data-testid="review-open-message"]')

describe('the list of reviews', { timeout: 30_000 }, () => {
  it('opens a chosen employee file and lists it', async () => {
    const { wrapper } = await mountList()
    await choose(wrapper, '王小明.gaplens.json', assessmentFileText(await makeAssessmentFile()))
    await wait(() => wrapper.find('[data-review-id]').exists())
    expect(message(wrapper).text()).toContain('已開啟「王小明.gaplens.json」')
    const card = wrapper.get('[data-review-id]')
    expect(card.text()).toContain('王小明')
    expect(card.text()).toContain('已檢視 0 / 11 項')
    expect(await database().assessments.count()).toBe(0)
  })

  it('opens a file dropped on the drop zone; the same file again says it is the one open', async () => {
    const { wrapper } = await mountList()
    const text = assessmentFileText(await makeAssessmentFile())
    const drop = (name: string) =>
      wrapper.get('[data-testid="review-drop-zone"]').trigger('drop', {
        dataTransfer: { files: [new File([text], name, { type: 'application/json' })] },
      })
    await drop('拖放.gaplens.json')
    await wait(() => wrapper.find('[data-review-id]').exists())
    expect(message(wrapper).text()).toContain('已開啟「拖放.gaplens.json」')
    await drop('再一次.gaplens.json')
    await wait(
      () => message(wrapper).exists() && message(wrapper).text().includes('再一次.gaplens.json'),
    )
    expect(message(wrapper).text()).toContain('與已開啟的版本相同')
    expect(wrapper.findAll('[data-review-id]')).toHaveLength(1)
  })

  it('refuses a broken file by its name, in the interface language, storing nothing', async () => {
    const { wrapper } = await mountList()
    await choose(wrapper, '壞掉.gaplens.json', '{ "format": ')
    await wait(() => message(wrapper).exists())
    expect(message(wrapper).attributes('role')).toBe('alert')
    expect(message(wrapper).text()).toContain('無法開啟「壞掉.gaplens.json」')
    expect(message(wrapper).text()).toContain('不是有效的 JSON')
    locale.value = 'en'
    await flushPromises()
    expect(message(wrapper).text()).toContain('“壞掉.gaplens.json” could not be opened')
    expect(message(wrapper).text()).toContain('Nothing was stored')
    expect(await database().reviews.count()).toBe(0)
  })

  it('asks for the passphrase of a protected file; a wrong one says so', async () => {
    const { wrapper } = await mountList()
    const text = assessmentFileText(await makeAssessmentFile())
    await choose(wrapper, '保護.gaplens.json', JSON.stringify(await protect(text, '對的')))
    await wait(() => wrapper.find('[data-testid="review-unlock"]').exists())
    const form = wrapper.get('[data-testid="review-unlock"]')
    expect(form.text()).toContain('保護.gaplens.json')
    await form.get('input[type="password"]').setValue('錯的')
    await form.trigger('submit')
    await wait(() => message(wrapper).exists())
    expect(message(wrapper).text()).toContain('通關密語不正確')
    expect(wrapper.find('[data-testid="review-unlock"]').exists()).toBe(true)
    expect(await database().reviews.count()).toBe(0)
    await wrapper.get('[data-testid="review-unlock"] input').setValue('對的')
    await wrapper.get('[data-testid="review-unlock"]').trigger('submit')
    await wait(() => wrapper.find('[data-review-id]').exists())
    expect(wrapper.find('[data-testid="review-unlock"]').exists()).toBe(false)
  })

  it('deletes a review only after asking', async () => {
    const { wrapper } = await mountList()
    await choose(wrapper, 'a.gaplens.json', assessmentFileText(await makeAssessmentFile()))
    await wait(() => wrapper.find('[data-review-id]').exists())
    const remove = () => wrapper.findAll('button').find((b) => b.text() === '刪除')!
    await remove().trigger('click')
    expect(wrapper.get('[role="alertdialog"]').text()).toContain('王小明')
    await wrapper
      .findAll('[role="alertdialog"] button')
      .find((b) => b.text() === '取消')!
      .trigger('click')
    expect(await database().reviews.count()).toBe(1)
    await remove().trigger('click')
    const confirm = wrapper.findAll('[role="alertdialog"] button').find((b) => b.text() === '刪除')!
    await confirm.trigger('click')
    await wait(() => !wrapper.find('[data-review-id]').exists())
    expect(await database().reviews.count()).toBe(0)
  })
})

/** The review page of a newly opened employee file, or of a review already kept (`open`). */
async function mountReview(open?: { id: string; pinia: Pinia }) {
  const pinia = open?.pinia ?? (await freshPinia())
  const id =
    open?.id ?? (await importForReview(await makeAssessmentFile(), 'a.gaplens.json')).review.id
  const router = makeRouter()
  await router.push(`/reviews/${id}`)
  const wrapper = mount(ReviewView, {
    props: { id },
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  await wait(() => wrapper.find('.review-page[data-resumed="true"]').exists())
  return { wrapper, id, pinia }
}

const item = (wrapper: VueWrapper, key: string) => wrapper.get(`[data-item-key="${key}"]`)
const savedOf = (wrapper: VueWrapper, key: string) =>
  item(wrapper, key).element.querySelector('[data-save-state]')?.getAttribute('data-save-state')

describe('the review page', { timeout: 30_000 }, () => {
  it('shows the self-rating read-only and flags a rating two steps away', async () => {
    const { wrapper, id } = await mountReview()
    // Self: P1.1.1 = 2 with a note.
    expect(item(wrapper, 'P1.1.1').get('[data-self-value]').attributes('data-self-value')).toBe('2')
    expect(item(wrapper, 'P1.1.1').text()).toContain('還在學')
    await item(wrapper, 'P1.1.1').get('[data-value="3"]').trigger('click')
    await wait(() => savedOf(wrapper, 'P1.1.1') === 'saved')
    expect(item(wrapper, 'P1.1.1').attributes('data-flagged')).toBe('false')
    await item(wrapper, 'P1.1.1').get('[data-value="4"]').trigger('click')
    await wait(() => item(wrapper, 'P1.1.1').attributes('data-flagged') === 'true')
    expect(item(wrapper, 'P1.1.1').get('[data-testid="flag"]').text()).toContain('差距 2 級')
    const stored = await database().reviewRatings.get([id, 'P1.1.1'])
    expect(stored?.rating).toBe(4)

    await wrapper.get('[data-testid="review-filter"]').setValue('flagged')
    expect(wrapper.findAll('[data-item-key]').map((el) => el.attributes('data-item-key'))).toEqual([
      'P1.1.1',
    ])
    await wrapper.get('[data-testid="review-filter"]').setValue('unreviewed')
    expect(wrapper.findAll('[data-item-key]')).toHaveLength(10)
    wrapper.unmount()
  })

  /** Rates S01 from the keyboard, waits until it is stored, and leaves the page. */
  async function rateS01AndLeave(wrapper: VueWrapper, value: string): Promise<void> {
    const skill = item(wrapper, 'S01')
    ;(skill.element as HTMLElement).focus()
    await skill.trigger('keydown', { key: value })
    await wait(() => savedOf(wrapper, 'S01') === 'saved')
    wrapper.unmount()
    ;(document.activeElement as HTMLElement | null)?.blur()
  }

  it('opens again at the item the supervisor left off at, focused, once the list is whole', async () => {
    const { wrapper, id } = await mountReview()
    await rateS01AndLeave(wrapper, '4')
    const again = await mountReview({ id, pinia: await freshPinia() })
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('S01')
    again.wrapper.unmount()
  })

  it('opens at the item last rated when the supervisor comes back to the page', async () => {
    const { wrapper, id, pinia } = await mountReview()
    await rateS01AndLeave(wrapper, '2')
    // The same app, the review still open in its store: another page and back.
    const again = await mountReview({ id, pinia })
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('S01')
    again.wrapper.unmount()
  })

  it('rates from the keyboard and moves on', async () => {
    const { wrapper } = await mountReview()
    const first = item(wrapper, 'P1.1.1')
    ;(first.element as HTMLElement).focus()
    await first.trigger('keydown', { key: '5' })
    await wait(() => savedOf(wrapper, 'P1.1.1') === 'saved')
    expect(first.get('[data-value="5"]').attributes('aria-checked')).toBe('true')
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('P1.1.2')
    wrapper.unmount()
  })

  it('asks for the reviewer name before an export, and then downloads the file', async () => {
    const { wrapper } = await mountReview()
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:review')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const exportForm = () => wrapper.get('form.review-export')
    await exportForm().trigger('submit')
    await flushPromises()
    expect(wrapper.get('#reviewer-name-missing').text()).toContain('請先填寫檢視者姓名')
    expect(document.activeElement).toBe(wrapper.get('[data-testid="reviewer-name"]').element)
    expect(created).not.toHaveBeenCalled()

    await wrapper.get('[data-testid="reviewer-name"]').setValue('陳主管')
    expect(wrapper.find('#reviewer-name-missing').exists()).toBe(false)
    await wrapper.get('[data-testid="export-protect"]').setValue(true)
    const [pass, repeat] = wrapper.findAll('.review-export input[type="password"]')
    await pass!.setValue('一')
    await repeat!.setValue('二')
    await exportForm().trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="export-message"]').text()).toContain('不一樣')
    expect(created).not.toHaveBeenCalled()

    await wrapper.get('[data-testid="export-protect"]').setValue(false)
    await exportForm().trigger('submit')
    await wait(() => created.mock.calls.length > 0)
    const done = () => wrapper.find('[data-testid="export-message"]')
    await wait(() => done().exists() && done().text().includes('已下載'))
    const blob = created.mock.calls[0]![0] as Blob
    const file = JSON.parse(await blob.text()) as { review: { reviewer: { name: string } } }
    expect(file.review.reviewer.name).toBe('陳主管')
    wrapper.unmount()
  })
})
