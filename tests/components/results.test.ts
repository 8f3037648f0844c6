/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { ChartConfiguration } from 'chart.js'
import ChartFigure from '@/components/charts/ChartFigure.vue'
import GroupTable from '@/components/results/GroupTable.vue'
import ResultsView from '@/views/ResultsView.vue'
import { saveResponse } from '@/db/assessments'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, startFixtureAssessment, until } from './helpers'
import { localDate } from '@/domain/dates'

/** Chart.js stands in here by a recorder: happy-dom has no canvas to draw on. */
const charts = vi.hoisted(() => {
  const made: { config: unknown; destroyed: boolean }[] = []
  class Chart {
    record: { config: unknown; destroyed: boolean }
    canvas: unknown
    constructor(canvas: unknown, config: unknown) {
      this.canvas = canvas
      this.record = { config, destroyed: false }
      made.push(this.record)
    }
    destroy() {
      this.record.destroyed = true
    }
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

const at = new Date(0).toISOString()
const response = (rating: number | 'na') => ({ rating, note: '', evidence: '', updatedAt: at })

/**
 * The fixture standard (11 items) on the five-step scale, target 4, rated:
 * P1.1.1 = 2 (gap 2), P1.1.2 = 4 (0), P1.1.3 n/a, P1.2.1 = 5 (0), K02 = 3 (1), A02 = 1 (3).
 * Overall: 5 rated of 11, mean gap (2+0+0+1+3)/5 = 1.20, meeting 2/5 = 40%.
 * T1 (8 items): P1.1.1, P1.1.2, P1.2.1, K02 rated → (2+0+0+1)/4 = 0.75, 2/4 = 50%.
 * T2 (3 items): none rated. The whole role: A02 alone → 3.00, 0%.
 */
async function mountResults() {
  const { pinia, record } = await startFixtureAssessment({
    employeeId: 'E001',
    department: '業務部',
  })
  const ratings = { 'P1.1.1': 2, 'P1.1.2': 4, 'P1.1.3': 'na', 'P1.2.1': 5, K02: 3, A02: 1 } as const
  for (const [key, value] of Object.entries(ratings))
    await saveResponse(record.id, key, response(value))
  const router = makeRouter()
  await router.push(`/assessments/${record.id}/results`)
  const wrapper = mount(ResultsView, {
    props: { id: record.id },
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  await until(() => wrapper.find('.summary-cards, [data-testid="summary"]').exists())
  return { wrapper, record }
}

const row = (wrapper: ReturnType<typeof mount>, caption: string, key: string) => {
  const table = wrapper.findAll('.tables table').find((t) => t.get('caption').text() === caption)!
  return table.get(`[data-group="${key}"]`)
}

describe('results view', () => {
  it('shows the figures of the gap analysis', async () => {
    const { wrapper } = await mountResults()
    const summary = wrapper.get('[data-testid="summary"]')
    expect(summary.text()).toContain('1.20')
    expect(summary.text()).toContain('40%')
    expect(summary.text()).toContain('5 / 11')
    expect(summary.text()).toContain('不適用 1 項')

    const t1 = row(wrapper, '各主要職責的落差', 'T1')
    expect(t1.get('[data-col="meanGap"]').text()).toBe('0.75')
    expect(t1.get('[data-col="meetShare"]').text()).toBe('50%')
    expect(t1.text()).toContain('4 / 8')
    expect(row(wrapper, '各主要職責的落差', 'T2').get('[data-col="meanGap"]').text()).toBe('—')
    expect(row(wrapper, '各主要職責的落差', 'role').get('[data-col="meanGap"]').text()).toBe('3.00')

    const top = wrapper
      .findAll('.lists table')[0]!
      .findAll('[data-item]')
      .map((r) => r.attributes('data-item'))
    expect(top).toEqual(['A02', 'P1.1.1', 'K02'])
    expect(wrapper.text()).toContain('尚有 5 項未評')
    wrapper.unmount()
  })

  it('dates the ratings, from the round’s start to its last change, apart from the report', async () => {
    const { wrapper, record } = await mountResults()
    // The last rating saved carries the fixture's time, so the round spans two days.
    expect(wrapper.get('[data-testid="assessed"]').text()).toBe(
      `${localDate(new Date(record.createdAt))} – ${localDate(new Date(at))}`,
    )
    wrapper.unmount()
  })

  it('recomputes and saves when a task target is lowered', async () => {
    const { wrapper, record } = await mountResults()
    await wrapper.get('select[data-target="T1.1"]').setValue('2')
    // T1.1 targets 2: P1.1.1 and P1.1.2 meet it; K02 keeps 4 from T1.2 (the higher target).
    // Mean gap (0+0+0+1+3)/5 = 0.80, meeting 3/5 = 60%.
    await until(() => wrapper.get('[data-testid="summary"]').text().includes('0.80'))
    expect(wrapper.get('[data-testid="summary"]').text()).toContain('60%')
    await until(() => wrapper.text().includes('T1.1 → 2'))
    // The editor says when the change is stored, and only then is it in the database.
    await until(() => wrapper.find('[data-testid="targets-save"]').exists())
    await until(
      () => wrapper.get('[data-testid="targets-save"]').attributes('data-save-state') === 'saved',
    )
    expect((await database().assessments.get(record.id))?.targets.tasks).toEqual({ 'T1.1': 2 })
    wrapper.unmount()
  })

  it('draws one chart per figure and destroys every chart when it goes away', async () => {
    const { wrapper } = await mountResults()
    await until(() => charts.made.length === 4)
    expect(charts.made.every((c) => !c.destroyed)).toBe(true)
    wrapper.unmount()
    await flushPromises()
    expect(charts.made).toHaveLength(4)
    expect(charts.made.every((c) => c.destroyed)).toBe(true)
  })
})

describe('chart figure', () => {
  const config: ChartConfiguration = { type: 'bar', data: { labels: ['T1'], datasets: [] } }

  it('draws its chart, keeps a table alternative, and destroys the chart on unmount', async () => {
    const wrapper = mount(ChartFigure, {
      props: { title: '各主要職責的落差', config, fileName: 'x' },
      slots: { default: '<table><caption>替代表格</caption></table>' },
      attachTo: document.body,
    })
    await until(() => charts.made.length === 1)
    expect(charts.made[0]!.config).toEqual(config)
    const canvas = wrapper.get('canvas')
    expect(canvas.attributes('role')).toBe('img')
    const described = wrapper.get(`#${canvas.attributes('aria-describedby')}`)
    expect(described.text()).toContain('替代表格')
    wrapper.unmount()
    expect(charts.made[0]!.destroyed).toBe(true)
  })

  it('draws again when its figures change, destroying the old chart', async () => {
    const wrapper = mount(ChartFigure, { props: { title: 't', config, fileName: 'x' } })
    await until(() => charts.made.length === 1)
    await wrapper.setProps({ config: { ...config, data: { labels: ['T2'], datasets: [] } } })
    await until(() => charts.made.length === 2)
    expect(charts.made.map((c) => c.destroyed)).toEqual([true, false])
    wrapper.unmount()
  })
})

describe('group table', () => {
  it('tells an empty group from a zero gap', () => {
    const wrapper = mount(GroupTable, {
      props: {
        caption: 'c',
        labelOf: (k: string) => k,
        groups: [
          {
            key: 'T1',
            rateable: 4,
            rated: 2,
            na: 1,
            unrated: 1,
            coverage: 0.5,
            meanGap: 0,
            meetShare: 1,
          },
          {
            key: 'T2',
            rateable: 3,
            rated: 0,
            na: 0,
            unrated: 3,
            coverage: 0,
            meanGap: null,
            meetShare: null,
          },
        ],
      },
    })
    expect(wrapper.get('[data-group="T1"] [data-col="meanGap"]').text()).toBe('0.00')
    expect(wrapper.get('[data-group="T1"] [data-col="meetShare"]').text()).toBe('100%')
    expect(wrapper.get('[data-group="T2"] [data-col="meanGap"]').text()).toBe('—')
    expect(wrapper.get('[data-group="T1"]').text()).toContain('不適用 1 項')
  })
})
