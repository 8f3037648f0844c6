/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { ChartConfiguration } from 'chart.js'
import ChartFigure from '@/components/charts/ChartFigure.vue'
import { labelLines } from '@/components/charts/configs'
import { wrapText } from '@/components/charts/png'
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

  it('draws gap by duty with codes on the chart and each duty named in full in its key', async () => {
    const { wrapper } = await mountResults()
    await until(() => charts.made.length === 4)
    // The fixture has two duties and the whole role: three axes, a radar.
    const radar = charts.made.find((c) => (c.config as ChartConfiguration).type === 'radar')
    expect((radar!.config as ChartConfiguration).data.labels).toEqual(['T1', 'T2', '整體'])
    const figure = wrapper.get('[data-testid="duty-chart"]')
    const key = figure.findAll('.chart-key li').map((li) => li.text().replace(/\s+/g, ' '))
    expect(key).toEqual([
      'T1 第一職責 0.75 平均落差 0.75',
      'T2 第二職責 — 尚無評分',
      '整體 整體職務（態度） 3.00 平均落差 3.00',
    ])
    // The key is part of the figure, and a list a screen reader can name.
    expect(figure.get('.chart-key').attributes('aria-label')).toContain('各主要職責的落差')
    expect(figure.get('canvas').attributes('aria-describedby')).toBeTruthy()
    wrapper.unmount()
  })

  it('puts the overview first: figures, gap by duty, the three largest gaps and strengths', async () => {
    const { wrapper } = await mountResults()
    const overview = wrapper.get('section.overview')
    expect(overview.find('[data-testid="summary"]').exists()).toBe(true)
    expect(overview.find('[data-testid="duty-chart"]').exists()).toBe(true)
    const [gaps, strong] = overview.get('[data-testid="findings"]').findAll('table')
    expect(gaps!.get('caption').text()).toBe('落差最大的 3 項')
    expect(gaps!.findAll('[data-item]').map((r) => r.attributes('data-item'))).toEqual([
      'A02',
      'P1.1.1',
      'K02',
    ])
    // P1.2.1 (5) is further above its target than P1.1.2 (4).
    expect(strong!.get('caption').text()).toBe('強項（前 2 項）')
    expect(strong!.findAll('[data-item]').map((r) => r.attributes('data-item'))).toEqual([
      'P1.2.1',
      'P1.1.2',
    ])
    // The detail follows, after the overview, with the other charts and every table.
    const detail = wrapper.get('section.detail')
    expect(
      overview.element.compareDocumentPosition(detail.element) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
    expect(detail.findAll('figure.chart-figure')).toHaveLength(3)
    expect(detail.findAll('.tables table')).toHaveLength(4)
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

describe('chart labels', () => {
  // One "pixel" per character: a CJK character, a Latin letter and a space alike.
  const measure = (s: string) => s.length

  it('wraps a long name between any two CJK characters, and Latin text at spaces', () => {
    const long = '推動與評估勞動法規遵循計畫並建立跨部門稽核與持續改善管理機制'
    const lines = wrapText(long, 12, measure)
    expect(lines).toEqual(['推動與評估勞動法規遵循計', '畫並建立跨部門稽核與持續', '改善管理機制'])
    expect(lines.join('')).toBe(long)
    expect(wrapText('Whole role (attitudes)', 12, measure)).toEqual(['Whole role', '(attitudes)'])
    expect(wrapText('Antidisestablishment', 8, measure)).toEqual(['Antidise', 'stablish', 'ment'])
    expect(wrapText('公司 Web 網站', 6, measure)).toEqual(['公司 Web', '網站'])
  })

  it('puts a bracketed part of a bar label on its own line', () => {
    expect(labelLines('整體職務（態度）')).toEqual(['整體職務', '（態度）'])
    expect(labelLines('Whole role (attitudes)')).toEqual(['Whole role', '(attitudes)'])
    expect(labelLines('級別 3')).toBe('級別 3')
    expect(labelLines('Indicators (P)')).toEqual(['Indicators', '(P)'])
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
