/** @vitest-environment happy-dom */
/**
 * The standard's footnotes (【註n】) and the supplementary notes that explain an item show on
 * the rating page and on the review page, under the item, where the person decides: the mark in
 * the item's text where the standard prints it, the notes' words as published, and the card
 * described by them for a screen reader.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ReviewView from '@/views/ReviewView.vue'
import { importForReview } from '@/db/reviews'
import { useAssessmentsStore } from '@/stores/assessments'
import { useStandardsStore } from '@/stores/standards'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, mountRatePage, sourcesOf, until } from './helpers'
import { makeStandard } from '../fixtures/standard'
import { makeAssessmentFile } from '../fixtures/assessment-file'

freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
})

/**
 * The fixture standard: 【註1】 hangs on P1.1.1 after 網站類型, 【註2】 on K02; a supplementary
 * note explains K01 and S01.
 */
const standard = makeStandard({
  notes: {
    general: [],
    qualifications: [],
    supplementary: [{ text: '知識一與技能一指最新版的法規與工具。', explains: ['K01', 'S01'] }],
  },
})

async function pinia() {
  const made = createPinia()
  setActivePinia(made)
  await useStandardsStore().load(sourcesOf({ 'a.json': standard }))
  return made
}

type Wrapper = ReturnType<typeof mount>
const card = (wrapper: Wrapper, key: string) => wrapper.get(`[data-item-key="${key}"]`)

/** What every page that rates must show of the fixture standard's notes. */
function expectNotes(wrapper: Wrapper): void {
  const p111 = card(wrapper, 'P1.1.1')
  // The mark stands where the standard prints it, right after the words it explains.
  expect(p111.get('.head .text').text()).toBe('確認網站類型【註1】。')
  const footnote = p111.get('[data-testid="item-notes"] [data-footnote="1"]')
  expect(footnote.text()).toBe('【註1】 類型：官網、社群。')
  // A screen reader on the card hears the notes too.
  expect(p111.attributes('aria-describedby')).toBe(
    p111.get('[data-testid="item-notes"]').attributes('id'),
  )
  expect(card(wrapper, 'K02').get('[data-footnote="2"]').text()).toBe('【註2】 知識二的說明。')
  for (const key of ['K01', 'S01'])
    expect(card(wrapper, key).get('[data-supplementary]').text()).toBe(
      '其他補充說明 知識一與技能一指最新版的法規與工具。',
    )
  // An item the standard says nothing more about shows nothing more.
  const p112 = card(wrapper, 'P1.1.2')
  expect(p112.find('[data-testid="item-notes"]').exists()).toBe(false)
  expect(p112.attributes('aria-describedby')).toBeUndefined()
  // The notes' ids are the page's own: one per item.
  const ids = wrapper.findAll('[data-testid="item-notes"]').map((n) => n.attributes('id'))
  expect(new Set(ids).size).toBe(ids.length)
}

describe('the standard’s notes where a person decides', { timeout: 30_000 }, () => {
  it('on the rating page: each footnote and supplementary note under its item', async () => {
    const made = await pinia()
    const record = await useAssessmentsStore().create({
      standardId: standard.id,
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    const wrapper = await mountRatePage(made, record.id)
    expectNotes(wrapper)
    locale.value = 'en'
    await until(() => card(wrapper, 'K01').text().includes('Further notes'))
    expect(card(wrapper, 'P1.1.1').get('.head .text').text()).toBe('確認網站類型[note 1]。')
    wrapper.unmount()
  })

  it('on the review page: the same notes beside the employee’s rating', async () => {
    const made = await pinia()
    const file = await makeAssessmentFile({ standard })
    const { review } = await importForReview(file, 'a.gaplens.json')
    const router = makeRouter()
    await router.push(`/reviews/${review.id}`)
    const wrapper = mount(ReviewView, {
      props: { id: review.id },
      global: { plugins: [made, router] },
      attachTo: document.body,
    })
    await until(() => wrapper.find('.review-page[data-resumed="true"]').exists())
    expectNotes(wrapper)
    // The notes come before the supervisor's scale, under the item's own words.
    const k01 = card(wrapper, 'K01').element
    const notes = k01.querySelector('[data-testid="item-notes"]')!
    const scale = k01.querySelector('[role="radiogroup"]')!
    expect(notes.compareDocumentPosition(scale) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    wrapper.unmount()
  })
})
