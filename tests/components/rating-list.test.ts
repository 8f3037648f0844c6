/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import RatingList from '@/components/rating/RatingList.vue'
import { itemsOfTask, rateableItems } from '@/domain/assessment/items'
import { SCALES } from '@/domain/assessment/scales'
import { makeStandard } from '../fixtures/standard'
import { freshPinia, makeRouter, until } from './helpers'

/** The rating list alone, on the fixture standard (T1.1, T1.2, T2.1, then the attitudes). */
async function mountList(startKey?: string) {
  const standard = makeStandard()
  const items = rateableItems(standard)
  const wrapper = mount(RatingList, {
    props: {
      standard,
      byDuty: new Map(),
      shownIn: (task: string) => itemsOfTask(items, task),
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

  it('draws at once down to the task of the item it opens at', async () => {
    const wrapper = await mountList('P2.1.1')
    await nextTick()
    expect(tasksShown(wrapper)).toEqual(['T1.1', 'T1.2', 'T2.1'])
    expect(wrapper.find('[data-item-key="P2.1.1"]').exists()).toBe(true)
    expect(wrapper.find('[data-item-key="A01"]').exists()).toBe(false)
    await until(() => wrapper.emitted('drawn') !== undefined)
  })

  it('draws everything at once when it opens at an attitude', async () => {
    const wrapper = await mountList('A02')
    await nextTick()
    expect(tasksShown(wrapper)).toEqual(['T1.1', 'T1.2', 'T2.1'])
    expect(wrapper.find('[data-item-key="A02"]').exists()).toBe(true)
    expect(wrapper.emitted('drawn')).toHaveLength(1)
  })
})
