/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest'
import type { ComponentOptions, ComponentPublicInstance } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import RatingScale from '@/components/rating/RatingScale.vue'
import RatingStatusBar from '@/components/rating/RatingStatusBar.vue'
import { SCALES } from '@/domain/assessment/scales'
import { LIMITS, type AssessmentRecord } from '@/domain/assessment/records'
import { useRatingStore } from '@/stores/rating'
import { locale } from '@/i18n'
import { saveResponse } from '@/db/assessments'
import { freshDatabase, mountRatePage, startFixtureAssessment, until } from './helpers'

beforeEach(() => {
  locale.value = 'zh-TW'
})

describe('rating scale', () => {
  const mountScale = (
    value: number | 'na' | null,
    scaleId: keyof typeof SCALES = 'proficiency-5',
  ) => mount(RatingScale, { props: { scale: SCALES[scaleId], value, target: 4, label: 'P1.1.1' } })

  it('emits the chosen value on click, and shows the chosen step’s descriptor', async () => {
    const wrapper = mountScale(3)
    expect(wrapper.get('[aria-checked="true"]').attributes('data-value')).toBe('3')
    expect(wrapper.get('.descriptor').text()).toContain('在他人指導或協助下能完成')
    await wrapper.get('[data-value="5"]').trigger('click')
    await wrapper.get('[data-value="na"]').trigger('click')
    expect(wrapper.emitted('rate')?.map((e) => e[0])).toEqual([5, 'na'])
  })

  it('keeps the rating when the chosen value is pressed again; 清除評分 clears it', async () => {
    const wrapper = mountScale(3)
    await wrapper.get('[data-value="3"]').trigger('click')
    expect(wrapper.emitted('rate')).toBeUndefined()
    const clear = wrapper.findAll('button').find((b) => b.text() === '清除評分')!
    await clear.trigger('click')
    expect(wrapper.emitted('rate')?.map((e) => e[0])).toEqual([null])
    expect(
      mountScale(null)
        .findAll('button')
        .some((b) => b.text() === '清除評分'),
    ).toBe(false)
  })

  it('is one tab stop; arrows move within it and show a step’s meaning before it is chosen', async () => {
    const wrapper = mount(RatingScale, {
      props: { scale: SCALES['proficiency-5'], value: 3, target: 4, label: 'P1.1.1' },
      attachTo: document.body,
    })
    const stops = wrapper.findAll('[role="radio"]').filter((r) => r.attributes('tabindex') === '0')
    expect(stops.map((r) => r.attributes('data-value'))).toEqual(['3'])
    ;(wrapper.get('[data-value="3"]').element as HTMLElement).focus()
    await wrapper.get('[data-value="3"]').trigger('keydown', { key: 'ArrowRight' })
    expect(document.activeElement?.getAttribute('data-value')).toBe('4')
    await wrapper.get('[data-value="4"]').trigger('focus')
    expect(wrapper.get('.descriptor').text()).toContain('能獨立完成')
    await wrapper.get('[data-value="4"]').trigger('keydown', { key: 'End' })
    expect(document.activeElement?.getAttribute('data-value')).toBe('na')
    // Moving is not choosing: nothing was rated.
    expect(wrapper.emitted('rate')).toBeUndefined()
    wrapper.unmount()
  })

  it('marks the target, tells n/a from unrated, and previews a step on hover', async () => {
    const unrated = mountScale(null)
    expect(unrated.get('.choice--target').attributes('data-value')).toBe('4')
    expect(unrated.get('.descriptor').text()).toBe('未評')
    expect(mountScale('na').get('.descriptor').text()).toBe('不適用')
    await unrated.get('[data-value="2"]').trigger('mouseenter')
    expect(unrated.get('.descriptor').text()).toContain('有所認識')
  })

  it('has six official levels on the competency-level scale, their text marked as Chinese', async () => {
    const wrapper = mountScale(4, 'icap-level-6')
    expect(wrapper.findAll('[role="radio"]')).toHaveLength(7)
    locale.value = 'en'
    await flushPromises()
    expect(wrapper.get('.descriptor').text()).toContain('Level 4')
    expect(wrapper.get('.descriptor [lang="zh-Hant-TW"]').text()).not.toBe('')
    // A descriptor that has an English text is not marked.
    expect(mountScale(4).find('.descriptor [lang]').exists()).toBe(false)
  })
})

describe('status bar', () => {
  it('shows progress, saving, saved and failures with a retry', async () => {
    const progress = { total: 10, rated: 3, na: 1, answered: 4, unrated: 6 }
    const wrapper = mount(RatingStatusBar, {
      props: {
        progress,
        pending: 0,
        failed: 0,
        lastSavedAt: '2026-01-01T00:00:00Z',
        problem: null,
      },
    })
    expect(wrapper.text()).toContain('已回答 4 / 10')
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('4')
    expect(wrapper.get('[data-testid="save-status"]').text()).toContain('所有變更都已儲存')
    await wrapper.setProps({ pending: 2 })
    expect(wrapper.get('[data-testid="save-status"]').text()).toBe('2 項儲存中…')
    await wrapper.setProps({ failed: 1, problem: { kind: 'quota', detail: 'x' } })
    expect(wrapper.get('[role="alert"]').text()).toContain('儲存空間已滿')
    await wrapper.get('.retry').trigger('click')
    await wrapper.get('.next').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
    expect(wrapper.emitted('next')).toHaveLength(1)
  })
})

describe('rating page', () => {
  const database = freshDatabase()

  /** The rating page of a new assessment; `before` runs on its record before the page opens. */
  async function mountRateView(
    mixins: ComponentOptions[] = [],
    before?: (record: AssessmentRecord) => Promise<void>,
  ) {
    const { pinia, record } = await startFixtureAssessment()
    await before?.(record)
    // The list is drawn a task at a time; the page says when it is whole.
    const wrapper = await mountRatePage(pinia, record.id, { mixins })
    return { wrapper, record }
  }

  const item = (wrapper: ReturnType<typeof mount>, key: string) =>
    wrapper.get(`[data-item-key="${key}"]`)

  it('opens at the item the person left off at, focused, once the list is whole', async () => {
    const at = new Date().toISOString()
    const { wrapper } = await mountRateView([], (record) =>
      saveResponse(record.id, 'P2.1.1', { rating: 3, note: '', evidence: '', updatedAt: at }),
    )
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('P2.1.1')
    expect(wrapper.find('[data-item-key="A02"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('rates each item once: a shared item under its first task, a reference under the others', async () => {
    const { wrapper } = await mountRateView()
    const tasks = wrapper.findAll('.task')
    expect(tasks.map((t) => t.get('h3').text())).toEqual([
      'T1.1 任務一',
      'T1.2 任務二',
      'T2.1 任務三',
    ])
    expect(tasks[0]!.findAll('[data-item-key]').map((e) => e.attributes('data-item-key'))).toEqual([
      'P1.1.1',
      'P1.1.2',
      'P1.1.3',
      'K01',
      'K02',
      'S01',
    ])
    expect(tasks[0]!.get('[data-item-key="K02"]').text()).toContain('也用於 T1.2')
    // T1.2 rates its indicator only, and names K02 and S01 with a link to where they are rated.
    expect(tasks[1]!.findAll('[data-item-key]').map((e) => e.attributes('data-item-key'))).toEqual([
      'P1.2.1',
    ])
    const references = tasks[1]!.findAll('[data-reference]')
    expect(references.map((r) => r.attributes('data-reference'))).toEqual(['K02', 'S01'])
    expect(references[0]!.text()).toContain('知識二')
    expect(references[0]!.text()).toContain('未評')
    expect(references[0]!.find('[role="radio"], [role="radiogroup"]').exists()).toBe(false)
    // As many rating controls as items: 5 indicators, 2 K, 2 S, 2 A.
    expect(wrapper.findAll('[role="radiogroup"]')).toHaveLength(11)
    expect(wrapper.findAll('[data-item-key]')).toHaveLength(11)
    expect(wrapper.findAll('.duty').at(-1)!.text()).toContain('A02')
    wrapper.unmount()
  })

  it('a reference’s link takes the focus to where its item is rated', async () => {
    const { wrapper } = await mountRateView()
    await wrapper.get('[data-reference="S01"] a').trigger('click')
    await until(() => document.activeElement?.getAttribute('data-item-key') === 'S01')
    expect(wrapper.get('[data-reference="S01"] a').attributes('href')).toBe('#item-S01')
    expect(document.activeElement?.id).toBe('item-S01')
    wrapper.unmount()
  })

  it('a reference’s link lands on its item when the item’s task is not drawn yet', async () => {
    const { pinia, record } = await startFixtureAssessment()
    await saveResponse(record.id, 'P1.2.1', {
      rating: 3,
      note: '',
      evidence: '',
      updatedAt: new Date().toISOString(),
    })
    const wrapper = await mountRatePage(pinia, record.id, { resumed: false })
    // The page opens at T1.2, drawn first; T1.1, above it, comes last.
    await until(() => wrapper.find('[data-reference="S01"]').exists())
    expect(wrapper.find('[data-item-key="S01"]').exists()).toBe(false)
    await wrapper.get('[data-reference="S01"] a').trigger('click')
    await until(() => document.activeElement?.getAttribute('data-item-key') === 'S01')
    wrapper.unmount()
  })

  it('digits run through rating controls only: a reference is never rated', async () => {
    const { wrapper, record } = await mountRateView()
    await item(wrapper, 'S01').get('[data-value="2"]').trigger('click')
    await until(() => useRatingStore().saveStates.get('S01') === 'saved')
    ;(item(wrapper, 'P1.2.1').element as HTMLElement).focus()
    // P1.2.1, then on to T2.1's P2.1.1 and S02: T1.2's K02 and S01 are references, passed by.
    for (const key of ['5', '5', '5']) {
      const on = document.activeElement as HTMLElement
      on.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
      await flushPromises()
    }
    await until(() => useRatingStore().pendingCount === 0)
    const saved = await database().responses.where('assessmentId').equals(record.id).toArray()
    expect(Object.fromEntries(saved.map((r) => [r.itemKey, r.rating]))).toEqual({
      S01: 2,
      'P1.2.1': 5,
      'P2.1.1': 5,
      S02: 5,
    })
    wrapper.unmount()
  })

  it('holds notes and evidence to the length a backup keeps', async () => {
    const { wrapper } = await mountRateView()
    // Folded away, the fields are not drawn at all (150 cards' worth of text fields).
    expect(item(wrapper, 'P1.1.1').findAll('textarea')).toHaveLength(0)
    const notes = item(wrapper, 'P1.1.1').get('details')
    ;(notes.element as HTMLDetailsElement).open = true
    await notes.trigger('toggle')
    const fields = item(wrapper, 'P1.1.1').findAll('textarea')
    expect(fields.map((f) => f.attributes('maxlength'))).toEqual([
      String(LIMITS.text),
      String(LIMITS.text),
    ])
    wrapper.unmount()
  })

  it('rates from the keyboard: digit, N for n/a, Delete, and moves on', async () => {
    const { wrapper, record } = await mountRateView()
    const first = item(wrapper, 'P1.1.1')
    ;(first.element as HTMLElement).focus()
    await first.trigger('keydown', { key: '4' })
    await flushPromises()
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('P1.1.2')
    await item(wrapper, 'P1.1.2').trigger('keydown', { key: 'n' })
    await item(wrapper, 'P1.1.3').trigger('keydown', { key: '9' })
    await item(wrapper, 'P1.1.3').trigger('keydown', { key: '2' })
    await item(wrapper, 'P1.1.3').trigger('keydown', { key: 'Delete' })
    await until(() => useRatingStore().pendingCount === 0)
    const saved = await database().responses.where('assessmentId').equals(record.id).toArray()
    expect(Object.fromEntries(saved.map((r) => [r.itemKey, r.rating]))).toEqual({
      'P1.1.1': 4,
      'P1.1.2': 'na',
      'P1.1.3': null,
    })
    expect(item(wrapper, 'P1.1.1').attributes('data-state')).toBe('rated')
    expect(item(wrapper, 'P1.1.2').attributes('data-state')).toBe('na')
    wrapper.unmount()
  })

  it('rates by click, shows it saved, and the references to a shared item show its rating', async () => {
    const { wrapper } = await mountRateView()
    await wrapper.get('[data-item-key="K02"] [data-value="2"]').trigger('click')
    await until(() => wrapper.find('[data-save-state="saved"]').exists())
    expect(wrapper.findAll('[data-item-key="K02"]')).toHaveLength(1)
    expect(
      wrapper.get('[data-item-key="K02"] [aria-checked="true"]').attributes('data-value'),
    ).toBe('2')
    expect(wrapper.get('[data-item-key="K02"] [data-save-state]').text()).toContain('已儲存')
    expect(wrapper.get('[data-reference="K02"] .rating').text()).toBe('2 有所認識')
    wrapper.unmount()
  })

  it('renders again only the item a rating is about, wherever it is shown', async () => {
    const updated: string[] = []
    const counter: ComponentOptions = {
      updated(this: ComponentPublicInstance) {
        const name = this.$options.__name ?? ''
        const key = (this.$props as { item?: { key: string } }).item?.key
        updated.push(key ? `${name} ${key}` : name)
      },
    }
    const { wrapper } = await mountRateView([counter])
    updated.length = 0
    await wrapper.get('[data-item-key="K02"] [data-value="2"]').trigger('click')
    await until(() => wrapper.find('[data-item-key="K02"] [data-save-state="saved"]').exists())
    const items = updated.filter((u) => u.startsWith('RatingItem'))
    expect(new Set(items)).toEqual(new Set(['RatingItem K02']))
    // No group, other item, or notes field was rendered again.
    expect(updated.filter((u) => /^(RatingGroup|RatingNotes)/.test(u))).toEqual([])
    wrapper.unmount()
  })

  it('jumps to the next unrated item, from the one last rated', async () => {
    const { wrapper } = await mountRateView()
    await item(wrapper, 'P1.1.1').get('[data-value="3"]').trigger('click')
    await until(() => useRatingStore().saveStates.get('P1.1.1') === 'saved')
    await wrapper.get('[data-testid="next-unrated"]').trigger('click')
    await until(() => document.activeElement?.getAttribute('data-item-key') === 'P1.1.2')
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('P1.1.2')
    wrapper.unmount()
  })

  it('warns, by keyboard, when every item is rated the same', async () => {
    const { wrapper } = await mountRateView()
    expect(wrapper.find('[data-testid="straight-line"]').exists()).toBe(false)
    const keys = new Set(
      wrapper.findAll('[data-item-key]').map((e) => e.attributes('data-item-key')!),
    )
    for (const key of keys) {
      ;(item(wrapper, key).element as HTMLElement).focus()
      await item(wrapper, key).trigger('keydown', { key: '3' })
      await flushPromises()
    }
    await until(() => useRatingStore().pendingCount === 0)
    await until(() => wrapper.find('[data-testid="straight-line"]').exists())
    expect(wrapper.get('[data-testid="straight-line"]').text()).toContain('100%')
    wrapper.unmount()
  })

  it('filters and searches items', async () => {
    const { wrapper } = await mountRateView()
    await wrapper.get('input[type="search"]').setValue('技能二')
    expect(wrapper.findAll('[data-item-key]').map((e) => e.attributes('data-item-key'))).toEqual([
      'S02',
    ])
    await wrapper.get('input[type="search"]').setValue('')
    await wrapper.get('[data-item-key="A01"] [data-value="3"]').trigger('click')
    await until(() => useRatingStore().saveStates.get('A01') === 'saved')
    await wrapper.get('select').setValue('rated')
    expect(wrapper.findAll('[data-item-key]').map((e) => e.attributes('data-item-key'))).toEqual([
      'A01',
    ])
    wrapper.unmount()
  })
})
