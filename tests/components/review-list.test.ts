/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import ReviewList from '@/components/review/ReviewList.vue'
import { rateableItems } from '@/domain/assessment/items'
import { SCALES } from '@/domain/assessment/scales'
import { makeStandard } from '../fixtures/standard'
import { freshPinia, makeRouter, until } from './helpers'

/** The review list alone, on the fixture standard: T1.1, T1.2, T2.1, then K, S and A. */
async function mountList(startKey?: string) {
  const standard = makeStandard()
  const items = rateableItems(standard)
  return mount(ReviewList, {
    props: {
      standard,
      items,
      self: new Map(),
      ratings: new Map(),
      saveStates: new Map(),
      scale: SCALES['proficiency-5'],
      targetOf: () => 3,
      startAt: items.find((i) => i.key === startKey),
    },
    global: { plugins: [await freshPinia(), makeRouter()] },
  })
}

const groupsShown = (wrapper: Awaited<ReturnType<typeof mountList>>) =>
  wrapper.findAll('.group').map((g) => g.find('[data-item-key]').attributes('data-item-key'))

describe('review list', () => {
  it('draws a group at a time, the K, S and A lists last, and says when it is whole', async () => {
    const wrapper = await mountList()
    await nextTick()
    expect(groupsShown(wrapper)).toEqual(['P1.1.1'])
    expect(wrapper.emitted('drawn')).toBeUndefined()
    await until(() => wrapper.emitted('drawn') !== undefined)
    expect(groupsShown(wrapper)).toEqual(['P1.1.1', 'P1.2.1', 'P2.1.1', 'K01', 'S01', 'A01'])
    expect(wrapper.emitted('drawn')).toHaveLength(1)
  })

  it('draws the group of the item it opens at first, then the rest', async () => {
    const wrapper = await mountList('K02')
    await nextTick()
    expect(groupsShown(wrapper)).toEqual(['K01'])
    expect(wrapper.find('[data-item-key="K02"]').exists()).toBe(true)
    await until(() => wrapper.emitted('drawn') !== undefined)
    expect(groupsShown(wrapper)).toEqual(['P1.1.1', 'P1.2.1', 'P2.1.1', 'K01', 'S01', 'A01'])
  })
})
