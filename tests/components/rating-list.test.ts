/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import RatingList from '@/components/rating/RatingList.vue'
import { rateableItems } from '@/domain/assessment/items'
import { ratingLayout } from '@/domain/assessment/layout'
import { SCALES } from '@/domain/assessment/scales'
import { makeStandard } from '../fixtures/standard'
import { freshPinia, makeRouter, until } from './helpers'

/** The rating list alone, on the fixture standard (T1.1, T1.2, T2.1, then the attitudes). */
async function mountList(startKey?: string) {
  const standard = makeStandard()
  const items = rateableItems(standard)
  const layout = ratingLayout(standard, items)
  const place = (task: string) => layout.tasks.find((t) => t.task === task)!
  const wrapper = mount(RatingList, {
    props: {
      standard,
      byDuty: new Map(),
      shownIn: (task: string) => place(task).rated,
      referencesIn: (task: string) => place(task).references,
      attitudes: items.filter((i) => i.kind === 'A'),
      startAt: items.find((i) => i.key === startKey),
      responses: new Map(),
      saveStates: new Map(),
      scale: SCALES['proficiency-5'],
      targetOf: () => 3,
    },
    global: { plugins: [await freshPinia(), makeRouter()] },
  })
  return wrapper
}

const tasksShown = (wrapper: Awaited<ReturnType<typeof mountList>>) =>
  wrapper.findAll('.task').map((t) => t.get('h3 .code').text())

describe('rating list', () => {
  it('draws a task at a time, the attitudes last, and says when it is whole', async () => {
    const wrapper = await mountList()
    await nextTick()
    // The first go, before any later task has had its turn.
    expect(tasksShown(wrapper)).toEqual(['T1.1'])
    expect(wrapper.find('[data-item-key="A01"]').exists()).toBe(false)
    expect(wrapper.emitted('drawn')).toBeUndefined()
    await until(() => wrapper.emitted('drawn') !== undefined)
    expect(tasksShown(wrapper)).toEqual(['T1.1', 'T1.2', 'T2.1'])
    expect(wrapper.find('[data-item-key="A01"]').exists()).toBe(true)
    expect(wrapper.emitted('drawn')).toHaveLength(1)
  })

  it('draws the task of the item it opens at first, then the tasks below, then those above', async () => {
    const wrapper = await mountList('P1.2.1')
    await nextTick()
    expect(tasksShown(wrapper)).toEqual(['T1.2'])
    expect(wrapper.find('[data-item-key="P1.2.1"]').exists()).toBe(true)
    const seen: string[][] = []
    const stop = setInterval(() => seen.push(tasksShown(wrapper)), 0)
    await until(() => wrapper.emitted('drawn') !== undefined)
    clearInterval(stop)
    expect(tasksShown(wrapper)).toEqual(['T1.1', 'T1.2', 'T2.1'])
    expect(wrapper.find('[data-item-key="A01"]').exists()).toBe(true)
    // T1.1, above, comes only after everything below.
    const withT11 = seen.findIndex((tasks) => tasks.includes('T1.1'))
    expect(seen.slice(0, withT11).some((tasks) => tasks.includes('T2.1'))).toBe(true)
  })

  it('draws the attitudes first when it opens at one', async () => {
    const wrapper = await mountList('A02')
    await nextTick()
    expect(tasksShown(wrapper)).toEqual([])
    expect(wrapper.find('[data-item-key="A02"]').exists()).toBe(true)
    expect(wrapper.emitted('drawn')).toBeUndefined()
    await until(() => wrapper.emitted('drawn') !== undefined)
    expect(tasksShown(wrapper)).toEqual(['T1.1', 'T1.2', 'T2.1'])
  })
})
