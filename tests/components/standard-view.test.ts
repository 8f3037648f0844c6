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
import { indexOf, serveCatalogue } from '../fixtures/catalogue'

/**
 * What format version 2 adds, all in one standard: two industries, footnote marks on a duty and
 * a task title, an output, an attitude and the description, a note on an attitude, version
 * entries without a date or a note, and editorial notes in two languages.
 */
function makeV2Standard() {
  const s = makeStandard({
    id: 'V2',
    industries: [
      { name: '測試行業', code: 'X99' },
      { name: '第二行業', code: 'Y88' },
    ],
    descriptionFootnotes: [{ n: 1, after: '工作描述' }],
    versions: [
      { version: 'V2', code: 'TST1234-001v2', title: '測試職業', status: '最新版本' },
      {
        version: 'V1',
        code: 'TST1234-001v1',
        title: '測試職業',
        status: '歷史版本',
        note: '已被取代',
      },
    ],
    editorial: [
      { where: 'T1.1', source: '任務一', decision: 'Kept as published.', lang: 'en' },
      { where: 'A01', source: '主動積極', decision: '依原文保留。', lang: 'zh-Hant-TW' },
    ],
  })
  s.duties[0]!.titleFootnotes = [{ n: 2 }]
  s.duties[0]!.tasks[0]!.titleFootnotes = [{ n: 1, after: '任務' }]
  s.duties[1]!.tasks[0]!.outputs[0]!.footnotes = [{ n: 2, after: '產出' }]
  s.attitudes[0]!.footnotes = [{ n: 1, after: '自動自發' }]
  s.notes.supplementary = [{ text: '主動積極：不需他人指示。', explains: ['A01'] }]
  return s
}

async function mountWith(component: object, props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load(
    sourcesOf({
      'a.json': makeStandard(),
      'b.json': makeStandard({ id: 'NOCODE', code: null, title: '無代碼職業' }),
      'bad.json': '[]',
      ...(props.id === 'V2' ? { 'v2.json': makeV2Standard() } : {}),
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
    const mark = wrapper.get('#task-T1\\.1 .footnote-mark a')
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

  it('shows every industry of a standard', async () => {
    const wrapper = await mountWith(StandardView, { id: 'V2' })
    expect(wrapper.findAll('.meta .industry').map((i) => i.text())).toEqual([
      '測試行業 X99',
      '第二行業 Y88',
    ])
  })

  it('shows footnote marks on titles, outputs, attitudes and the description', async () => {
    const wrapper = await mountWith(StandardView, { id: 'V2' })
    const marks = (selector: string) =>
      wrapper.findAll(`${selector} .footnote-mark a`).map((a) => [a.text(), a.attributes('href')])
    expect(marks('.description')).toEqual([['【註1】', expect.stringMatching(/#fn-1$/)]])
    expect(marks('#duty-title-T1')).toEqual([['【註2】', expect.stringMatching(/#fn-2$/)]])
    expect(marks('#task-title-T1\\.1')).toEqual([['【註1】', expect.stringMatching(/#fn-1$/)]])
    expect(marks('#task-T2\\.1 .outputs')).toEqual([['【註2】', expect.stringMatching(/#fn-2$/)]])
    expect(marks('#item-A01')).toEqual([['【註1】', expect.stringMatching(/#fn-1$/)]])
    // The mark follows the words it hangs on, and the code stands apart from the text.
    expect(wrapper.get('#task-T2\\.1 .outputs li').text()).toMatch(/^O2\.1\.1\s+產出【註2】三$/)
    expect(wrapper.get('#duty-title-T1').text()).toMatch(/T1\s+第一職責【註2】$/)
    expect(wrapper.get('#task-title-T1\\.1').text()).toContain('任務【註1】一')
    // A task lists the notes marked in its title and outputs below it.
    expect(wrapper.get('#task-T2\\.1 .task-notes').text()).toContain('知識二的說明。')
  })

  it('shows a supplementary note beside the attitude it explains', async () => {
    const wrapper = await mountWith(StandardView, { id: 'V2' })
    expect(wrapper.get('#item-A01 .explain').text()).toContain('主動積極：不需他人指示。')
    expect(wrapper.find('#item-A02 .explain').exists()).toBe(false)
  })

  it('shows version entries without a date or a note, and no “no history” line', async () => {
    const wrapper = await mountWith(StandardView, { id: 'V2' })
    const rows = wrapper
      .findAll('#versions tbody tr')
      .map((r) => r.findAll('td').map((td) => td.text()))
    expect(rows).toEqual([
      ['TST1234-001v2', '測試職業', '最新版本', '—', '—'],
      ['TST1234-001v1', '測試職業', '歷史版本', '已被取代', '—'],
    ])
    expect(wrapper.find('#versions time').exists()).toBe(false)
    expect(wrapper.get('#versions').text()).not.toContain('原文未附版本歷程')
    expect(wrapper.find('#versions .none').exists()).toBe(false)
  })

  it('marks each editorial note with its language', async () => {
    const wrapper = await mountWith(StandardView, { id: 'V2' })
    const cells = wrapper.findAll('#editorial tbody td[lang]')
    expect(cells.map((c) => [c.attributes('lang'), c.text()])).toEqual([
      ['en', 'Kept as published.'],
      ['zh-Hant-TW', '依原文保留。'],
    ])
  })

  it('says so when the id is unknown, to the device and to the catalogue', async () => {
    const fetched = serveCatalogue(indexOf([]))
    const wrapper = await mountWith(StandardView, { id: 'nope' })
    await vi.waitUntil(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"]').text()).toContain('nope')
    expect(fetched).toHaveBeenCalledOnce()
    vi.unstubAllGlobals()
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
