/** @vitest-environment happy-dom */
/**
 * A supervisor's results of a review, mounted: the employee's self-ratings as their file had
 * them and the supervisor's own, side by side by the same gap rules, never averaged; the items
 * two steps apart listed; nothing written to the device's own assessments.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import ReviewResultsView from '@/views/ReviewResultsView.vue'
import { importForReview, saveReviewRating, updateReview } from '@/db/reviews'
import { locale } from '@/i18n'
import { createPinia, setActivePinia } from 'pinia'
import { useStandardsStore } from '@/stores/standards'
import { freshDatabase, freshPinia, makeRouter, sourcesOf, until } from './helpers'
import { AT, makeAssessmentFile } from '../fixtures/assessment-file'

/** Chart.js stands in here by a recorder: happy-dom has no canvas to draw on. */
const charts = vi.hoisted(() => {
  const made: { config: unknown }[] = []
  class Chart {
    constructor(_canvas: unknown, config: unknown) {
      made.push({ config })
    }
    destroy() {}
    resize() {}
  }
  return { made, Chart }
})
vi.mock('@/components/charts/chart-setup', () => ({ Chart: charts.Chart }))

const database = freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
  charts.made.length = 0
})

/**
 * The fixture file (11 items, five-step scale, target 4; T2 lowered to 3) carries the self-
 * ratings P1.1.1 = 2, P1.1.2 = 4, K01 = 5, S01 = 1, A01 n/a. The supervisor rates P1.1.1 = 4,
 * P1.1.2 = 4, K01 = 3, S01 = 4.
 * Task T1.1 (P1.1.1–3, K01, K02, S01, A01): self gaps 2, 0, 0, 3 → 1.25; supervisor 0, 0, 1, 0
 * → 0.25. Two steps or more apart: P1.1.1 (2 / 4), K01 (5 / 3), S01 (1 / 4).
 */
async function mountReviewResults(reviewer = '陳主管') {
  const pinia = await freshPinia()
  const { review } = await importForReview(await makeAssessmentFile(), 'a.gaplens.json')
  const plan = { 'P1.1.1': 4, 'P1.1.2': 4, K01: 3, S01: 4 } as const
  for (const [itemKey, rating] of Object.entries(plan))
    await saveReviewRating({
      reviewId: review.id,
      itemKey,
      rating,
      comment: itemKey === 'S01' ? '實際上已能獨立操作' : '',
      updatedAt: AT,
    })
  await updateReview(review.id, {
    reviewer: { name: reviewer, jobTitle: '經理' },
    comment: '穩定。',
  })
  const router = makeRouter()
  await router.push(`/reviews/${review.id}/results`)
  const wrapper = mount(ReviewResultsView, {
    props: { id: review.id },
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  await until(() => wrapper.find('[data-testid="summary"]').exists(), 10_000)
  return { wrapper, id: review.id }
}

const row = (wrapper: VueWrapper, caption: string, key: string) => {
  const table = wrapper.findAll('.tables table').find((t) => t.get('caption').text() === caption)!
  return table.get(`[data-group="${key}"]`)
}

describe('a supervisor’s results of a review', { timeout: 30_000 }, () => {
  it('shows self and supervisor side by side, never averaged', async () => {
    const { wrapper } = await mountReviewResults()
    const task = row(wrapper, '各工作任務的落差', 'T1.1')
    expect(task.get('[data-col="meanGap"]').text()).toBe('1.25')
    expect(task.get('[data-col="reviewMeanGap"]').text()).toBe('0.25')
    expect(wrapper.get('[data-testid="reviewer"]').text()).toContain('陳主管')
    expect(wrapper.text()).toContain('穩定。')

    expect(wrapper.findAll('[data-testid="disagreements"] tbody tr')).toHaveLength(3)
    expect(wrapper.get('[data-testid="disagreements"]').text()).toContain('實際上已能獨立操作')

    // Two series in every chart of groups (by duty, by level, by type): self and supervisor.
    // Each chart is drawn in a task of its own once the page has laid out.
    await until(() => charts.made.length === 4)
    const series = charts.made.map(
      (c) => (c.config as { data: { datasets: { label?: string }[] } }).data.datasets.length,
    )
    // The chart of the largest gaps is one series, the self-rating's.
    expect(series).toEqual([2, 2, 2, 1])
    expect(wrapper.get('[data-testid="unreviewed"]').text()).toContain('7 項尚未檢視')
    expect(wrapper.text()).toContain('員工有 6 項未自評')
    expect(await database().assessments.count()).toBe(0)
    expect(await database().responses.count()).toBe(0)
    wrapper.unmount()
  })

  it('names the review unnamed until the supervisor gives a name', async () => {
    const { wrapper } = await mountReviewResults('')
    expect(wrapper.get('[data-testid="reviewer"]').text()).toContain('尚未填寫檢視者姓名')
    wrapper.unmount()
  })

  it('names the standard this device lacks', async () => {
    await freshPinia()
    const { review } = await importForReview(await makeAssessmentFile(), 'a.gaplens.json')
    const pinia = createPinia()
    setActivePinia(pinia)
    await useStandardsStore().load(sourcesOf({}))
    const router = makeRouter()
    await router.push(`/reviews/${review.id}/results`)
    const wrapper = mount(ReviewResultsView, {
      props: { id: review.id },
      global: { plugins: [pinia, router] },
    })
    await until(() => wrapper.find('[role="alert"]').exists(), 10_000)
    expect(wrapper.get('[role="alert"]').text()).toContain('這台裝置上沒有這份檢視所依據的職能基準')
    expect(wrapper.get('[role="alert"]').text()).toContain(review.standard.title)
    wrapper.unmount()
  })

  it('says so when the review is gone', async () => {
    const pinia = await freshPinia()
    const router = makeRouter()
    await router.push('/reviews/nope/results')
    const wrapper = mount(ReviewResultsView, {
      props: { id: 'nope' },
      global: { plugins: [pinia, router] },
    })
    await until(() => wrapper.find('[role="alert"]').exists(), 10_000)
    expect(wrapper.get('[role="alert"]').text()).toContain('找不到這份主管檢視')
    wrapper.unmount()
  })
})
