/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import StandardView from '@/views/StandardView.vue'
import StandardsListView from '@/views/StandardsListView.vue'
import LevelBadge from '@/components/standard/LevelBadge.vue'
import { useStandardsStore } from '@/stores/standards'
import { locale } from '@/i18n'
import { levelDescriptor } from '@/domain/levels'
import { makeStandard } from '../fixtures/standard'
import { makeRouter, sourcesOf } from './helpers'

async function mountWith(component: object, props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load(
    sourcesOf({
      'a.json': makeStandard(),
      'b.json': makeStandard({ id: 'NOCODE', code: null, title: '無代碼職業' }),
      'bad.json': '[]',
    }),
  )
  const router = makeRouter()
  await router.push('/')
  const wrapper = mount(component, { props, global: { plugins: [pinia, router] } })
  await flushPromises()
  // A standard's page is drawn a part at a time: wait until every part is there.
  await vi.waitUntil(() => !wrapper.find('.standard-page[data-complete="false"]').exists(), {
    timeout: 5000,
  })
  return wrapper
}

describe('standards list', () => {
  beforeEach(() => {
    locale.value = 'zh-TW'
  })

  it('shows every standard with its code or that it has none, and the failed file', async () => {
    const wrapper = await mountWith(StandardsListView)
    const cards = wrapper.findAll('.standard-card')
    expect(cards).toHaveLength(2)
    expect(cards[0]!.text()).toContain('TST1234-001v1')
    expect(cards[0]!.text()).toContain('測試職類')
    expect(cards[0]!.text()).toContain('X99')
    expect(cards[1]!.text()).toContain('尚無代碼')
    expect(wrapper.get('[role="alert"]').text()).toContain('bad.json')
  })

  it('switches its labels to English', async () => {
    const wrapper = await mountWith(StandardsListView)
    locale.value = 'en'
    await flushPromises()
    expect(wrapper.text()).toContain('No code yet')
    expect(wrapper.text()).not.toContain('尚無代碼')
  })
})

describe('standard page', () => {
  beforeEach(() => {
    locale.value = 'zh-TW'
  })

  it('shows duties, tasks, indicators, outputs and the K and S text of each task', async () => {
    const wrapper = await mountWith(StandardView, { id: 'TST1234-001v1' })
    const task = wrapper.get('#task-T1\\.1')
    expect(task.text()).toContain('任務一')
    expect(task.text()).toContain('P1.1.3')
    expect(task.text()).toContain('O1.1.1')
    expect(task.text()).toContain('K02')
    expect(task.text()).toContain('知識二')
    expect(task.text()).toContain('技能一')
    expect(wrapper.get('#duty-T2').text()).toContain('第二職責')
  })

  it('shows a badge per level when a task has indicators at two levels', async () => {
    const wrapper = await mountWith(StandardView, { id: 'TST1234-001v1' })
    const badges = wrapper.get('#task-T1\\.1').findAll('.badge')
    expect(badges.map((b) => b.text())).toEqual(['級別 3', '級別 4'])
  })

  it('shows a footnote mark where it hangs, linked to the note', async () => {
    const wrapper = await mountWith(StandardView, { id: 'TST1234-001v1' })
    const mark = wrapper.get('#task-T1\\.1 .mark a')
    expect(mark.text()).toBe('【註1】')
    expect(mark.attributes('href')).toMatch(/#fn-1$/)
    expect(wrapper.get('#fn-1').text()).toContain('類型：官網、社群。')
  })

  it('lists the tasks that use each item, and the attitude matrix', async () => {
    const wrapper = await mountWith(StandardView, { id: 'TST1234-001v1' })
    expect(
      wrapper
        .get('#item-K02')
        .findAll('.chip')
        .map((c) => c.text()),
    ).toEqual(['T1.1', 'T1.2'])
    const row = wrapper.findAll('figure.matrix tbody tr')[0]!
    expect(row.findAll('td').map((td) => td.text())).toEqual(['√', '', '√'])
  })

  it('says so when the id is unknown', async () => {
    const wrapper = await mountWith(StandardView, { id: 'nope' })
    expect(wrapper.get('[role="alert"]').text()).toContain('nope')
  })
})

describe('level badge', () => {
  it('shows the official descriptor on tap and hides it on a second tap', async () => {
    const wrapper = mount(LevelBadge, { props: { level: 4 } })
    const tip = wrapper.get('[role="tooltip"]')
    expect(tip.classes()).not.toContain('tip--open')
    expect(tip.text()).toContain(levelDescriptor(4))
    await wrapper.get('button').trigger('click')
    expect(tip.classes()).toContain('tip--open')
    expect(wrapper.get('button').attributes('aria-describedby')).toBe(tip.attributes('id'))
    await wrapper.get('button').trigger('click')
    expect(tip.classes()).not.toContain('tip--open')
  })
})
