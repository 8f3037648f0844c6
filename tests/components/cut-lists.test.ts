/** @vitest-environment happy-dom */
/** Cut lists on screen: they say how many more share the figure at the cut, and list them. */
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ItemGapTable from '@/components/results/ItemGapTable.vue'
import CommonGaps from '@/components/cohort/CommonGaps.vue'
import TrainingNeeds from '@/components/cohort/TrainingNeeds.vue'
import SinglePoints from '@/components/cohort/SinglePoints.vue'
import { createRouter, createMemoryHistory } from 'vue-router'
import { analyse, topGaps } from '@/domain/assessment/gaps'
import { commonGapsCut, type ItemStats } from '@/domain/cohort/item-stats'
import { rateableItems } from '@/domain/assessment/items'
import { SCALES } from '@/domain/assessment/scales'
import type { ItemResponse } from '@/domain/assessment/records'
import { locale } from '@/i18n'
import '@/i18n/sections/cohort'
import { makeStandard } from '../fixtures/standard'

beforeEach(() => {
  locale.value = 'zh-TW'
})

const at = '2026-01-01T00:00:00.000Z'
const r = (rating: number): ItemResponse => ({ rating, note: '', evidence: '', updatedAt: at })

describe('the largest gaps, cut', () => {
  // Every item rated 1 on the five steps (target 4): a gap of 3 each, so a cut at 3 has ties.
  const standard = makeStandard()
  const responses = new Map(rateableItems(standard).map((i) => [i.key, r(1)]))
  const analysis = analyse(standard, SCALES['proficiency-5'], { duties: {}, tasks: {} }, responses)

  it('says how many more share the gap at the cut, and lists them on asking', async () => {
    const cut = topGaps(analysis.items, 3)
    const wrapper = mount(ItemGapTable, {
      props: {
        caption: '落差最大的 3 項',
        cut,
        figure: 'gap',
        empty: '',
        responses,
      },
    })
    const shown = () => wrapper.findAll('tr[data-item]').map((tr) => tr.attributes('data-item'))
    expect(shown()).toEqual(['A01', 'A02', 'K01'])
    const ties = wrapper.get('[data-testid="ties"]')
    expect(ties.text()).toContain(`另有 ${cut.tied.length} 項與最後一項同為落差 3`)
    expect(ties.text()).toContain('同分者依代碼排列')
    await wrapper.get('[data-testid="show-tied"]').trigger('click')
    expect(shown()).toHaveLength(rateableItems(standard).length)
    expect(wrapper.get('[data-testid="show-tied"]').attributes('aria-expanded')).toBe('true')
    expect(wrapper.findAll('tr.tied')).toHaveLength(cut.tied.length)
  })

  it('says nothing about ties where there are none', () => {
    const single = new Map([['P1.1.1', r(1)]])
    const one = analyse(standard, SCALES['proficiency-5'], { duties: {}, tasks: {} }, single)
    const wrapper = mount(ItemGapTable, {
      props: {
        caption: '',
        cut: topGaps(one.items, 3),
        figure: 'gap',
        empty: '',
        responses: single,
      },
    })
    expect(wrapper.findAll('tr[data-item]')).toHaveLength(1)
    expect(wrapper.find('[data-testid="ties"]').exists()).toBe(false)
  })
})

describe('the cohort’s common gaps, cut', () => {
  it('counts the items tied at the cut and lists them on asking', async () => {
    const items = rateableItems(makeStandard())
    const stats: ItemStats[] = items.map((item) => ({
      item,
      assessments: 4,
      rated: 4,
      na: 0,
      unrated: 0,
      meeting: 2,
      below: 2,
      shareBelow: 0.5,
      meanGap: 1,
      gapSum: 4,
    }))
    const wrapper = mount(CommonGaps, { props: { cut: commonGapsCut(stats, 2) } })
    expect(wrapper.findAll('tr[data-item]')).toHaveLength(2)
    expect(wrapper.get('[data-testid="ties"]').text()).toContain(
      `另有 ${items.length - 2} 項與最後一項相同（50% 未達目標，2 人）`,
    )
    await wrapper.get('[data-testid="show-tied"]').trigger('click')
    expect(wrapper.findAll('tr[data-item]')).toHaveLength(items.length)
  })
})

/** An item's figures over four people: `below` of them below target. */
function stat(item: ReturnType<typeof rateableItems>[number], below: number): ItemStats {
  return {
    item,
    assessments: 4,
    rated: 4,
    na: 0,
    unrated: 0,
    meeting: 4 - below,
    below,
    shareBelow: below / 4,
    meanGap: below ? 1 : 0,
    gapSum: below,
  }
}
const router = () =>
  createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/cohort/plan', name: 'cohort-plan', component: { template: '<p />' } }],
  })

describe('the cohort’s training needs by duty, cut', () => {
  it('keeps the items tied with the last one shown, says how many, and lists them on asking', async () => {
    const items = rateableItems(makeStandard())
    const pick = (code: string) => items.find((i) => i.key === code)!
    const needs = [
      {
        duty: 'T1',
        title: '職責一',
        items: [stat(pick('K01'), 3), stat(pick('S01'), 2), stat(pick('K02'), 2)],
      },
    ]
    const wrapper = mount(TrainingNeeds, {
      props: { needs, perDuty: 2 },
      global: { plugins: [router()] },
    })
    const shown = () => wrapper.findAll('li[data-item]').map((li) => li.attributes('data-item'))
    // K02 and S01 share 2 of 4 below: the tie goes by code, K02 first.
    expect(shown()).toEqual(['K01', 'K02'])
    expect(wrapper.get('[data-testid="ties"]').text()).toContain(
      '另有 1 項與最後一項相同（2 人未達目標，50%）',
    )
    await wrapper.get('[data-testid="show-tied"]').trigger('click')
    expect(shown()).toEqual(['K01', 'K02', 'S01'])
  })
})

describe('the single points of failure, cut', () => {
  it('keeps the items in the same case as the last shown, and counts the rest', async () => {
    const items = rateableItems(makeStandard())
    const point = (code: string, meeting: number) => ({
      item: items.find((i) => i.key === code)!,
      meeting,
      holder: null,
      rated: 4,
    })
    const points = [point('P1.2.1', 0), point('K02', 0), point('A01', 0), point('S02', 1)]
    const wrapper = mount(SinglePoints, { props: { points, shown: 2 } })
    const shown = () => wrapper.findAll('li[data-item]').map((li) => li.attributes('data-item'))
    expect(shown()).toEqual(['A01', 'K02'])
    expect(wrapper.get('[data-testid="ties"]').text()).toContain(
      '另有 1 項與最後一項相同（沒有人達標）',
    )
    // S02 (one person meets it) is not tied: it is counted apart.
    expect(wrapper.text()).toContain('另有 1 項，請下載摘要 CSV 查看全部')
    await wrapper.get('[data-testid="show-tied"]').trigger('click')
    expect(shown()).toEqual(['A01', 'K02', 'P1.2.1'])
  })
})
