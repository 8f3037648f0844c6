/** @vitest-environment happy-dom */
/**
 * Names and texts where they meet others: a long name shortened on screen with the whole of it
 * at hand, and a space where two texts meet (a standard's title and its code, the code and its
 * version), in both languages.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ShortName from '@/components/common/ShortName.vue'
import AssessmentCard from '@/components/assessment/AssessmentCard.vue'
import AssessmentHeader from '@/components/assessment/AssessmentHeader.vue'
import ReportHeader from '@/components/results/ReportHeader.vue'
import { SCALES } from '@/domain/assessment/scales'
import type { AssessmentRecord } from '@/domain/assessment/records'
import { locale } from '@/i18n'
import { makeStandard } from '../fixtures/standard'
import { freshPinia, makeRouter } from './helpers'

beforeEach(() => {
  locale.value = 'zh-TW'
})

const NAME = 'AlexandraMontgomeryFeatherstonehaugh'.repeat(6).slice(0, 200)
const standard = makeStandard({
  versions: [{ version: 'V1', code: 'TST1234-001v1', title: '測試職業', status: '最新版本' }],
})
const record: AssessmentRecord = {
  id: 'a',
  standardId: standard.id,
  title: `${NAME}・測試職業・2026-11-24`,
  subject: { name: NAME, employeeId: '', department: '', jobTitle: '' },
  scaleId: 'proficiency-5',
  targets: { duties: {}, tasks: {} },
  round: 2,
  previousId: null,
  createdAt: '2026-11-24T02:00:00.000Z',
  updatedAt: '2026-11-24T02:00:00.000Z',
  lastItemKey: null,
}
const global = async () => ({ plugins: [await freshPinia(), makeRouter()] })

describe('a long name', () => {
  it('is shortened, named whole for screen readers and on hover, and shown whole on a press', async () => {
    const wrapper = mount(ShortName, { props: { text: NAME, max: 40 } })
    const button = wrapper.get('button[data-short-name]')
    expect(button.text().length).toBeLessThanOrEqual(40)
    expect(button.text().endsWith('…')).toBe(true)
    expect(button.attributes('title')).toBe(NAME)
    expect(button.attributes('aria-label')).toContain(NAME)
    await button.trigger('click')
    expect(button.text()).toBe(NAME)
    expect(button.attributes('aria-expanded')).toBe('true')
    // A name that fits is plain text, no button.
    expect(
      mount(ShortName, { props: { text: '王小明' } })
        .find('button')
        .exists(),
    ).toBe(false)
  })

  it('is shortened in the rating page’s header, its title and the person', async () => {
    const wrapper = mount(AssessmentHeader, {
      props: { assessment: record, standard, scale: SCALES['proficiency-5'] },
      global: await global(),
    })
    const shortened = wrapper.findAll('[data-short-name]')
    expect(shortened).toHaveLength(2)
    for (const name of shortened) expect(name.text().length).toBeLessThan(100)
    expect(wrapper.get('h1 [data-short-name]').attributes('title')).toBe(
      `${record.title}（第 2 輪）`,
    )
  })
})

describe('where two texts meet', () => {
  it('the assessment card and the rating header keep a space between a title and its code', async () => {
    const card = mount(AssessmentCard, {
      props: { assessment: { ...record, title: '年度自評' }, standard },
      global: await global(),
    })
    expect(card.get('.meta').text()).toContain('測試職業 TST1234-001v1')
    const header = mount(AssessmentHeader, {
      props: { assessment: record, standard, scale: SCALES['proficiency-5'] },
      global: await global(),
    })
    expect(header.get('.facts').text()).toMatch(/測試職業\s+TST1234-001v1/)
  })

  it('the English report keeps a space between the code and its version', async () => {
    locale.value = 'en'
    const wrapper = mount(ReportHeader, {
      props: { assessment: record, standard, scale: SCALES['proficiency-5'] },
      global: await global(),
    })
    await flushPromises()
    expect(wrapper.text()).toContain('(TST1234-001v1) Version V1')
    expect(wrapper.text()).not.toContain(')Version')
  })
})
