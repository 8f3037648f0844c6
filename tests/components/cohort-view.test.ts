/** @vitest-environment happy-dom */
/**
 * The cohort screen, mounted on the five-person cohort the unit tests compute by hand: the
 * heatmap and the common gaps show the maths' own figures, filters narrow every view, and the
 * anonymised mode leaves no name on screen or in the tidy CSV.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { buildCohort } from '@/domain/cohort/cohort'
import { itemStats, topCommonGaps } from '@/domain/cohort/item-stats'
import { heatmap } from '@/domain/cohort/heatmap'
import { getScale } from '@/domain/assessment/scales'
import { locale } from '@/i18n'
import { freshDatabase, until } from './helpers'
import { mountCohortScreen } from './cohort-screen'
import { PEOPLE, cohortStandard, fiveFiles } from '../fixtures/cohort/five'

/** Chart.js stands in here by a recorder: happy-dom has no canvas to draw on. */
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
afterEach(() => {
  vi.restoreAllMocks()
})

const wait = (condition: () => boolean) => until(condition, 10_000)

async function mountCohort(): Promise<VueWrapper> {
  const wrapper = await mountCohortScreen()
  await wait(() => wrapper.find('.cohort-page[data-state="ready"]').exists())
  return wrapper
}

const expected = () => buildCohort(cohortStandard(), getScale('proficiency-5')!, fiveFiles())
const fact = (wrapper: VueWrapper, name: string) =>
  wrapper.get(`[data-testid="cohort-summary"] [data-fact="${name}"] dd`).text()

describe('the cohort screen', { timeout: 30_000 }, () => {
  it('shows the heatmap and the common gaps as the maths computes them', async () => {
    const wrapper = await mountCohort()
    expect(fact(wrapper, 'people')).toBe('5')
    expect(fact(wrapper, 'reviewed')).toBe('1')

    const heat = heatmap(expected(), 'department')
    expect(
      wrapper.findAll('[data-testid="heatmap"] thead th[data-group]').map((th) => th.text()),
    ).toEqual(heat.groups.map((g) => g.key))
    expect(heat.groups).toHaveLength(3)
    for (const row of heat.rows)
      row.cells.forEach((cell, i) => {
        const td = wrapper.get(
          `[data-testid="heatmap"] tr[data-task="${row.task}"] td[data-group="${heat.groups[i]!.key}"]`,
        )
        expect(td.attributes('data-people')).toBe(String(cell.people))
        if (cell.meanGap === null) expect(td.attributes('data-value')).toBe('')
        else expect(Number(td.attributes('data-value'))).toBeCloseTo(cell.meanGap, 10)
      })

    const top = topCommonGaps(itemStats(expected()), 15)
    const rows = wrapper.findAll('[data-testid="common-gaps"] tr[data-item]')
    expect(rows.map((r) => r.attributes('data-item'))).toEqual(top.map((s) => s.item.key))
    expect(rows[0]!.get('[data-col="below"]').text()).toBe(`${top[0]!.below} / ${top[0]!.rated}`)
    wrapper.unmount()
  })

  it('narrows every view with a filter', async () => {
    const wrapper = await mountCohort()
    await wrapper.get('[data-testid="filter-department"]').setValue('業務部')
    expect(fact(wrapper, 'assessments')).toBe('2')
    expect(wrapper.get('[data-testid="cohort-shown"]').attributes('data-shown')).toBe('2')
    expect(wrapper.findAll('[data-testid="heatmap"] thead th[data-group]')).toHaveLength(1)
    expect(wrapper.get('[data-testid="report-filters"]').text()).toContain('業務部')
    await wrapper.get('[data-testid="filter-reviewed"]').setValue(true)
    expect(fact(wrapper, 'assessments')).toBe('1')
    wrapper.unmount()
  })

  it('hides every name when anonymised, on screen and in the tidy CSV', async () => {
    const wrapper = await mountCohort()
    await wrapper.get('[data-testid="heatmap-by"]').setValue('person')
    const names = PEOPLE.map((p) => p.name)
    expect(wrapper.get('[data-testid="heatmap"]').text()).toContain('王小明')
    await wrapper.get('[data-testid="anonymise"]').setValue(true)
    const text = wrapper.text()
    for (const name of names) expect(text).not.toContain(name)
    expect(wrapper.get('[data-testid="heatmap"]').text()).toContain('成員 ')

    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:cohort')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    await wrapper.get('[data-testid="export-tidy"]').trigger('click')
    const csv = await (created.mock.calls[0]![0] as Blob).text()
    expect(csv.split('\r\n')[0]).toContain('person')
    for (const name of names) expect(csv).not.toContain(name.replace(/^=/, ''))
    expect(csv).toContain('成員 ')
    wrapper.unmount()
  })
})
