/** @vitest-environment happy-dom */
/**
 * The end of a long form: a cleared rating can be undone (its rating, note and evidence come
 * back), the sticky bar says when every item is answered and offers the next steps there, and
 * the supervisor's review counts in the supervisor's words, exports after the items and folds
 * a long note.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ReviewView from '@/views/ReviewView.vue'
import RatingStatusBar from '@/components/rating/RatingStatusBar.vue'
import FoldedText from '@/components/review/FoldedText.vue'
import { saveResponse } from '@/db/assessments'
import { importForReview } from '@/db/reviews'
import { useRatingStore } from '@/stores/rating'
import { locale } from '@/i18n'
import {
  freshDatabase,
  freshPinia,
  makeRouter,
  mountRatePage,
  startFixtureAssessment,
  until,
} from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()
const wait = (condition: () => boolean) => until(condition, 10_000)

beforeEach(() => {
  locale.value = 'zh-TW'
})

async function mountRateView(
  before?: (id: string) => Promise<void>,
): Promise<{ wrapper: VueWrapper; id: string }> {
  const { pinia, record } = await startFixtureAssessment()
  await before?.(record.id)
  const wrapper = await mountRatePage(pinia, record.id)
  return { wrapper, id: record.id }
}

const card = (wrapper: VueWrapper, key: string) => wrapper.get(`[data-item-key="${key}"]`)
const stored = async (id: string, key: string) => database().responses.get([id, key])

describe('undoing a clear', { timeout: 30_000 }, () => {
  const rated = (id: string) =>
    saveResponse(id, 'P1.1.2', {
      rating: 3,
      note: '去年帶過兩團',
      evidence: '行程表',
      updatedAt: new Date().toISOString(),
    })

  it('Backspace clears; the message names the item and what it was; undo puts it all back', async () => {
    const { wrapper, id } = await mountRateView(rated)
    const item = card(wrapper, 'P1.1.2')
    ;(item.element as HTMLElement).focus()
    await item.trigger('keydown', { key: 'Backspace' })
    await wait(() => wrapper.find('[data-testid="cleared"]').exists())
    expect(wrapper.get('[data-testid="cleared"]').text()).toContain(
      '已清除 P1.1.2 的評分（原為 3 在指導下能做）',
    )
    await wait(() => useRatingStore().pendingCount === 0)
    expect((await stored(id, 'P1.1.2'))?.rating).toBeNull()

    await wrapper.get('[data-testid="undo-clear"]').trigger('click')
    await wait(() => card(wrapper, 'P1.1.2').attributes('data-state') === 'rated')
    await wait(() => useRatingStore().pendingCount === 0)
    expect(await stored(id, 'P1.1.2')).toMatchObject({
      rating: 3,
      note: '去年帶過兩團',
      evidence: '行程表',
    })
    expect(wrapper.find('[data-testid="cleared"]').exists()).toBe(false)
    await wait(() => document.activeElement?.getAttribute('data-item-key') === 'P1.1.2')
    wrapper.unmount()
  })

  it('the clear link and Delete can be undone with Ctrl+Z on the list; rating again drops the undo', async () => {
    const { wrapper, id } = await mountRateView(rated)
    const clear = card(wrapper, 'P1.1.2')
      .findAll('button')
      .find((b) => b.text() === '清除評分')!
    await clear.trigger('click')
    await wait(() => wrapper.find('[data-testid="cleared"]').exists())
    await card(wrapper, 'P1.1.1').trigger('keydown', { key: 'z', ctrlKey: true })
    await wait(() => card(wrapper, 'P1.1.2').attributes('data-state') === 'rated')

    const item = card(wrapper, 'P1.1.2')
    await item.trigger('keydown', { key: 'Delete' })
    await wait(() => wrapper.find('[data-testid="cleared"]').exists())
    await item.get('[data-value="5"]').trigger('click')
    await wait(() => !wrapper.find('[data-testid="cleared"]').exists())
    await item.trigger('keydown', { key: 'z', ctrlKey: true })
    await wait(() => useRatingStore().pendingCount === 0)
    expect((await stored(id, 'P1.1.2'))?.rating).toBe(5)
    wrapper.unmount()
  })

  it('clearing an item with no rating offers nothing to undo', async () => {
    const { wrapper } = await mountRateView()
    await card(wrapper, 'P1.1.1').trigger('keydown', { key: 'Delete' })
    await flushPromises()
    expect(wrapper.find('[data-testid="cleared"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('the finished bar', { timeout: 30_000 }, () => {
  const progress = (unrated: number) => ({
    total: 10,
    rated: 10 - unrated,
    na: 0,
    answered: 10 - unrated,
    unrated,
  })
  const bar = (unrated: number, words?: 'self' | 'review') =>
    mount(RatingStatusBar, {
      props: {
        progress: progress(unrated),
        pending: 0,
        failed: 0,
        lastSavedAt: null,
        problem: null,
        words,
      },
      slots: { done: '<a href="#results" class="step">results</a>' },
    })

  it('offers the next steps once every item is answered, not before', () => {
    const open = bar(1)
    expect(open.find('[data-testid="next-unrated"]').exists()).toBe(true)
    expect(open.find('.step').exists()).toBe(false)
    const done = bar(0)
    expect(done.find('[data-testid="next-unrated"]').exists()).toBe(false)
    expect(done.get('[data-testid="finished"]').text()).toContain('所有項目都已回答')
    expect(done.find('[data-testid="finished"] .step').exists()).toBe(true)
  })

  it('counts in the supervisor’s words on a review', () => {
    expect(bar(1, 'review').text()).toContain('已檢視 9 / 10')
    expect(bar(1, 'review').text()).not.toContain('已回答')
    expect(bar(1, 'review').get('[data-testid="next-unrated"]').text()).toContain(
      '下一個未檢視項目',
    )
    expect(bar(0, 'review').get('[data-testid="finished"]').text()).toContain('所有項目都已檢視')
  })

  it('on the rating page: the last rating turns the bar into the way to the results and the export', async () => {
    const keys = [
      'P1.1.1',
      'P1.1.2',
      'P1.1.3',
      'K01',
      'K02',
      'S01',
      'P1.2.1',
      'P2.1.1',
      'S02',
      'A01',
    ]
    const { wrapper } = await mountRateView(async (id) => {
      for (const key of keys)
        await saveResponse(id, key, {
          rating: 4,
          note: '',
          evidence: '',
          updatedAt: new Date().toISOString(),
        })
    })
    expect(wrapper.find('[data-testid="finished"]').exists()).toBe(false)
    await card(wrapper, 'A02').get('[data-value="na"]').trigger('click')
    await wait(() => wrapper.find('[data-testid="finished"]').exists())
    const finished = wrapper.get('[data-testid="finished"]')
    expect(finished.get('[data-testid="finished-results"]').attributes('href')).toMatch(
      /\/results$/,
    )
    expect(finished.get('[data-testid="export-open"]').text()).toContain('匯出給主管')
    // In the sticky bar, where the person is, not only in the header at the top.
    expect(finished.element.closest('.status-bar')).not.toBeNull()
    wrapper.unmount()
  })
})

describe('the supervisor’s review page', { timeout: 30_000 }, () => {
  async function mountReview(reviewAll: boolean) {
    const pinia = await freshPinia()
    const { review } = await importForReview(await makeAssessmentFile(), 'a.gaplens.json')
    if (reviewAll) {
      const keys = ['P1.1.1', 'P1.1.2', 'P1.1.3', 'P1.2.1', 'P2.1.1', 'K01', 'K02', 'S01', 'S02']
      const at = new Date().toISOString()
      await database().reviewRatings.bulkAdd(
        [...keys, 'A01', 'A02'].map((itemKey) => ({
          reviewId: review.id,
          itemKey,
          rating: 3,
          comment: '',
          updatedAt: at,
        })),
      )
    }
    const router = makeRouter()
    await router.push(`/reviews/${review.id}`)
    const wrapper = mount(ReviewView, {
      props: { id: review.id },
      global: { plugins: [pinia, router] },
      attachTo: document.body,
    })
    await wait(() => wrapper.find('.review-page[data-resumed="true"]').exists())
    return wrapper
  }

  it('counts what is reviewed and puts the export after the items', async () => {
    const wrapper = await mountReview(false)
    expect(wrapper.get('.status-bar').text()).toContain('已檢視 0 / 11')
    const last = wrapper.findAll('[data-item-key]').at(-1)!.element
    const exportForm = wrapper.get('[data-testid="review-export"]').element
    expect(last.compareDocumentPosition(exportForm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    wrapper.unmount()
  })

  it('once every item is reviewed, the bar leads to the results and to the export', async () => {
    const wrapper = await mountReview(true)
    const finished = wrapper.get('[data-testid="finished"]')
    expect(finished.text()).toContain('所有項目都已檢視')
    expect(finished.get('[data-testid="finished-results"]').attributes('href')).toMatch(
      /\/results$/,
    )
    await finished.get('[data-testid="finished-export"]').trigger('click')
    expect(document.activeElement).toBe(wrapper.get('[data-testid="review-export"]').element)
    wrapper.unmount()
  })

  it('folds a 5,000-character note to a few lines, with a way to read it whole', async () => {
    const text = '客訴處理紀錄。'.repeat(715)
    const wrapper = mount(FoldedText, { props: { label: '員工的備註', text } })
    expect(wrapper.get('.folded').attributes('data-folded')).toBe('true')
    expect(wrapper.get('.text').classes()).toContain('clamp')
    const toggle = wrapper.get('[data-testid="fold-toggle"]')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(toggle.text()).toContain(`${text.length} 字`)
    await toggle.trigger('click')
    expect(wrapper.get('.text').classes()).not.toContain('clamp')
    expect(wrapper.get('.text').text()).toContain(text)
    expect(toggle.attributes('aria-expanded')).toBe('true')
    const short = mount(FoldedText, { props: { label: '員工的備註', text: '還在學' } })
    expect(short.find('[data-testid="fold-toggle"]').exists()).toBe(false)
    expect(short.get('.folded').attributes('data-folded')).toBe('false')
  })
})
