/** @vitest-environment happy-dom */
/**
 * The supervisor's ratings beside the employee's own: on the rating page each item shows the
 * supervisor's rating and comment (read-only), a flag at 2 steps or more, and a mark on items
 * changed since the file was sent; the results show both, never averaged.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import RateView from '@/views/RateView.vue'
import ResultsView from '@/views/ResultsView.vue'
import { loadResponses, saveResponse } from '@/db/assessments'
import { receiveReview } from '@/db/reviews'
import type { ReviewBlock } from '@/domain/files/assessment-file'
import { changedSinceSent } from '@/stores/received'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, startFixtureAssessment, until } from './helpers'
import { AT, makeAssessmentFile } from '../fixtures/assessment-file'

vi.mock('@/components/charts/chart-setup', () => ({
  Chart: class {
    destroy() {}
    resize() {}
  },
}))

freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
})

/**
 * The fixture file's self-ratings (P1.1.1 = 2, P1.1.2 = 4, K01 = 5, S01 = 1, A01 n/a), stored on
 * this device as sent, and a review: P1.1.1 4 (+2, flagged), P1.1.2 3 (−1), K01 2 (−3, flagged),
 * S01 n/a, A01 with a comment alone.
 */
const REVIEWED: ReviewBlock = {
  reviewer: { name: '陳主管', jobTitle: '經理' },
  comment: '整體不錯。',
  startedAt: AT,
  updatedAt: '2026-11-26T02:00:00.000Z',
  ratings: [
    { item: 'P1.1.1', rating: 4, comment: '做得比自評好', updatedAt: AT },
    { item: 'P1.1.2', rating: 3, comment: '', updatedAt: AT },
    { item: 'K01', rating: 2, comment: '再確認', updatedAt: AT },
    { item: 'S01', rating: 'na', comment: '', updatedAt: AT },
    { item: 'A01', rating: null, comment: '態度很好', updatedAt: AT },
  ],
  plan: [],
}

async function reviewed() {
  const setup = await startFixtureAssessment()
  const sent = { 'P1.1.1': 2, 'P1.1.2': 4, K01: 5, S01: 1, A01: 'na' } as const
  for (const [key, rating] of Object.entries(sent))
    await saveResponse(setup.record.id, key, {
      rating,
      note: key === 'P1.1.1' ? '還在學' : '',
      evidence: '',
      updatedAt: AT,
    })
  const file = await makeAssessmentFile({ id: setup.record.id, review: REVIEWED })
  const stored = await receiveReview(file, 'reviewed.gaplens.json')
  expect(typeof stored).toBe('object')
  return setup
}

async function mountView(view: typeof RateView | typeof ResultsView, path: string) {
  const { pinia, record } = await reviewed()
  const router = makeRouter()
  await router.push(path.replace(':id', record.id))
  const wrapper = mount(view, {
    props: { id: record.id },
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  return { wrapper, record }
}

const item = (wrapper: ReturnType<typeof mount>, key: string) =>
  wrapper.get(`[data-item-key="${key}"]`)

describe('the rating page with a review', () => {
  async function mountRate() {
    const mounted = await mountView(RateView, '/assessments/:id')
    await until(() => mounted.wrapper.find('.rate-page[data-resumed="true"]').exists())
    await until(() => mounted.wrapper.find('[data-testid="beside"]').exists())
    return mounted
  }

  it("shows the supervisor's rating and comment beside each item, and flags 2+ steps", async () => {
    const { wrapper } = await mountRate()
    const p111 = item(wrapper, 'P1.1.1')
    expect(p111.get('[data-supervisor-rating]').attributes('data-supervisor-rating')).toBe('4')
    expect(p111.get('[data-testid="beside"]').text()).toContain('做得比自評好')
    expect(p111.get('[data-testid="flag"]').text()).toContain('相差 2 級')
    expect(item(wrapper, 'K01').get('[data-testid="flag"]').text()).toContain('相差 3 級')
    expect(item(wrapper, 'P1.1.2').find('[data-testid="flag"]').exists()).toBe(false)
    expect(item(wrapper, 'S01').get('[data-testid="beside"]').text()).toContain('不適用')
    expect(item(wrapper, 'A01').get('[data-testid="beside"]').text()).toContain('態度很好')
    expect(item(wrapper, 'P2.1.1').get('[data-testid="beside"]').text()).toContain('主管未評此項')
    // The own rating is the own: the supervisor's 4 is not what P1.1.1's scale shows.
    expect(p111.get('[role="radio"][aria-checked="true"]').attributes('data-value')).toBe('2')
    const banner = wrapper.get('[data-testid="review-banner"]').text()
    expect(banner).toContain('陳主管')
    expect(banner).toContain('2026-11-26')
    expect(banner).toContain('2 個項目')
    expect(banner).toContain('整體不錯。')
    expect(wrapper.find('[data-testid="changed"]').exists()).toBe(false)

    locale.value = 'en'
    await flushPromises()
    expect(p111.get('[data-testid="beside"]').text()).toContain('Supervisor')
    expect(p111.get('[data-testid="beside"]').text()).toContain('4 Independent')
    expect(p111.get('[data-testid="flag"]').text()).toContain('2 steps apart')
    expect(wrapper.get('[data-testid="review-banner"]').text()).toContain('2 items differ')
  })

  it('marks an item changed after the file was sent; the review is not touched', async () => {
    const { wrapper, record } = await mountRate()
    await item(wrapper, 'P1.1.2').get('[data-value="1"]').trigger('click')
    await until(() => item(wrapper, 'P1.1.2').find('[data-testid="changed"]').exists())
    expect(item(wrapper, 'P1.1.2').get('[data-testid="changed"]').text()).toContain('寄出後已修改')
    // Now 1 against the supervisor's 3: flagged as it is now.
    expect(item(wrapper, 'P1.1.2').get('[data-testid="flag"]').text()).toContain('相差 2 級')
    // An item not in the file (unrated when sent), rated now, is changed too.
    await item(wrapper, 'P2.1.1').get('[data-value="3"]').trigger('click')
    await until(() => item(wrapper, 'P2.1.1').find('[data-testid="changed"]').exists())
    expect(wrapper.get('[data-testid="review-banner"]').text()).toContain('修改了 2 個項目')
    await flushPromises()
    const own = await loadResponses(record.id)
    expect(own.get('P1.1.2')?.rating).toBe(1)
    expect(own.get('P1.1.1')?.rating).toBe(2)
  })

  it('the changed-since rule', () => {
    const r = (updatedAt: string, rating: number | null = 3) => ({
      rating,
      note: '',
      evidence: '',
      updatedAt,
    })
    const sent = { item: 'K01', rating: 3, note: '', evidence: '', updatedAt: AT }
    expect(changedSinceSent(r(AT), sent)).toBe(false)
    expect(changedSinceSent(r('2026-11-25T00:00:00.000Z'), sent)).toBe(true)
    expect(changedSinceSent(undefined, sent)).toBe(false)
    expect(changedSinceSent(r(AT, null), undefined)).toBe(false)
    expect(changedSinceSent(r(AT), undefined)).toBe(true)
  })
})

describe('the results with a review', () => {
  async function mountResults() {
    const mounted = await mountView(ResultsView, '/assessments/:id/results')
    await until(() => mounted.wrapper.find('[data-testid="disagreements"]').exists())
    return mounted
  }

  it('lists the disagreements with both ratings and the comment, widest first', async () => {
    const { wrapper } = await mountResults()
    const rows = wrapper.findAll('[data-testid="disagreements"] tbody tr')
    expect(rows.map((r) => r.attributes('data-item'))).toEqual(['K01', 'P1.1.1'])
    expect(rows[0]!.get('[data-col="self"]').text()).toBe('5')
    expect(rows[0]!.get('[data-col="supervisor"]').text()).toBe('2')
    expect(rows[0]!.get('[data-col="difference"]').text()).toBe('-3')
    expect(rows[0]!.text()).toContain('再確認')
    expect(rows[1]!.get('[data-col="difference"]').text()).toBe('+2')
  })

  it('shows both columns in the tables and the reviewer in the header, never averaged', async () => {
    const { wrapper } = await mountResults()
    expect(wrapper.get('[data-testid="reviewer"]').text()).toContain('陳主管（經理）')
    expect(wrapper.get('[data-testid="reviewed"]').text()).toBe('2026-11-26')
    // T1 by self (target 4; T2 overridden to 3 does not matter here): P1.1.1 2 → 2,
    // P1.1.2 4 → 0, K01 5 → 0, S01 1 → 3: 5/4 = 1.25. By the supervisor: P1.1.1 4 → 0,
    // P1.1.2 3 → 1, K01 2 → 2 (S01 n/a): 3/3 = 1.00.
    const t1 = wrapper
      .findAll('section.tables table')
      .find((t) => t.find('caption').text().includes('主要職責'))!
      .get('[data-group="T1"]')
    expect(t1.get('[data-col="meanGap"]').text()).toBe('1.25')
    expect(t1.get('[data-col="reviewMeanGap"]').text()).toBe('1.00')
  })
})
