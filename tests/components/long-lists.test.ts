/** @vitest-environment happy-dom */
/**
 * 我的自評 and 主管檢視 with many records: a page of cards at a time, more on request, a search
 * over all of them, and progress read for the cards shown only.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import AssessmentsView from '@/views/AssessmentsView.vue'
import ReviewsView from '@/views/ReviewsView.vue'
import * as assessmentsDb from '@/db/assessments'
import { importForReview } from '@/db/reviews'
import type { AssessmentRecord } from '@/domain/assessment/records'
import { LIST_PAGE } from '@/composables/useListPage'
import { locale } from '@/i18n'
import { freshDatabase, freshPinia, makeRouter, until } from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'
import { makeAssessmentRecord, makeResponseRecord } from '../fixtures/records'

const database = freshDatabase()
const N = 120

function member(i: number): AssessmentRecord {
  const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()
  const name = `成員 ${String(i).padStart(3, '0')}`
  const subject = {
    name,
    employeeId: `E${i}`,
    department: i % 2 ? '業務部' : '票務部',
    jobTitle: '',
  }
  return makeAssessmentRecord(`a${i}`, {
    title: `${name}・測試職業`,
    subject,
    updatedAt: at,
    createdAt: at,
  })
}

beforeEach(() => {
  locale.value = 'zh-TW'
})

async function mountView(view: typeof AssessmentsView, card: string): Promise<VueWrapper> {
  const pinia = await freshPinia()
  const router = makeRouter()
  const wrapper = mount(view, { global: { plugins: [pinia, router] } })
  await until(() => wrapper.findAll(card).length > 0)
  await flushPromises()
  return wrapper
}

const more = (wrapper: VueWrapper) =>
  wrapper.findAll('button').find((b) => b.text().startsWith('顯示更多'))

describe('我的自評 with many assessments', () => {
  it('shows a page, then more, finds one by name, and reads progress for shown cards only', async () => {
    await database().assessments.bulkAdd(Array.from({ length: N }, (_, i) => member(i)))
    await database().responses.bulkAdd(
      ['P1.1.1', 'K01', 'S01'].map((itemKey) => makeResponseRecord('a7', itemKey)),
    )
    const read = vi.spyOn(assessmentsDb, 'responsesOf')
    const wrapper = await mountView(AssessmentsView, '.assessment-card')
    const cards = () => wrapper.findAll('.assessment-card')
    expect(cards()).toHaveLength(LIST_PAGE)
    // Newest first: the last made is on top.
    expect(cards()[0]!.text()).toContain('成員 119')
    expect(wrapper.get('[data-testid="list-count"]').text()).toBe(`共 ${N} 份`)
    const asked = new Set(read.mock.calls.flatMap(([ids]) => [...ids]))
    expect(asked.size).toBe(LIST_PAGE)

    await more(wrapper)!.trigger('click')
    await flushPromises()
    expect(cards()).toHaveLength(2 * LIST_PAGE)
    expect(more(wrapper)!.text()).toBe(`顯示更多（還有 ${N - 2 * LIST_PAGE} 份）`)

    await wrapper.get('[data-testid="list-search"]').setValue('成員 007')
    await until(() => cards().length === 1)
    expect(cards()[0]!.text()).toContain('成員 007')
    expect(wrapper.get('[data-testid="list-count"]').text()).toBe(`找到 1 份，共 ${N} 份`)
    await until(() => cards()[0]!.text().includes('已回答 3 / 11'))
    expect(more(wrapper)).toBeUndefined()

    // Every word must match, anywhere in the record: 018 is in 票務部 (even), not 業務部.
    await wrapper.get('[data-testid="list-search"]').setValue('票務部 018')
    await flushPromises()
    expect(cards().map((c) => c.find('h2').text())).toEqual(['成員 018・測試職業'])
    await wrapper.get('[data-testid="list-search"]').setValue('業務部 018')
    await flushPromises()
    expect(cards()).toHaveLength(0)
    await wrapper.get('[data-testid="list-search"]').setValue('沒有這個人')
    await flushPromises()
    expect(wrapper.text()).toContain('沒有符合「沒有這個人」的項目。')
  })
})

describe('主管檢視 with many reviews', () => {
  it('shows a page, then finds one by name', async () => {
    const file = await makeAssessmentFile()
    for (let i = 0; i < LIST_PAGE + 10; i++) {
      const name = `員工 ${String(i).padStart(3, '0')}`
      await importForReview(
        {
          ...file,
          assessment: {
            ...file.assessment,
            id: `e${i}`,
            subject: { ...file.assessment.subject, name },
          },
        },
        `${name}.gaplens.json`,
      )
    }
    const wrapper = await mountView(ReviewsView, '.review-card')
    const cards = () => wrapper.findAll('.review-card')
    expect(cards()).toHaveLength(LIST_PAGE)
    await wrapper.get('[data-testid="list-search"]').setValue('員工 042')
    await until(() => cards().length === 1)
    expect(cards()[0]!.find('h2').text()).toBe('員工 042')
    await until(() => cards()[0]!.find('[data-testid="review-progress"]').exists())
    expect(cards()[0]!.get('[data-testid="review-progress"]').text()).toContain('0 / 11')
  })
})
