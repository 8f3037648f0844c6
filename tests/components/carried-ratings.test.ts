/** @vitest-environment happy-dom */
/**
 * A round started from the last one: its ratings come along marked carried, the page counts
 * them and asks for each to be confirmed or changed; confirming keeps the value, a digit on the
 * item rates it; either way it is the person's own rating from then on.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { saveResponse } from '@/db/assessments'
import { useAssessmentsStore } from '@/stores/assessments'
import { useRatingStore } from '@/stores/rating'
import { locale } from '@/i18n'
import { freshDatabase, mountRatePage, startFixtureAssessment, until } from './helpers'

const database = freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
})

describe('ratings carried into a new round', () => {
  it('are counted and marked until each is confirmed or changed', async () => {
    const { pinia, record } = await startFixtureAssessment()
    const at = new Date().toISOString()
    for (const [key, rating] of [
      ['P1.1.1', 2],
      ['K01', 4],
    ] as const)
      await saveResponse(record.id, key, { rating, note: '', evidence: '', updatedAt: at })
    const next = await useAssessmentsStore().newRound(record.id)
    const page = await mountRatePage(pinia, next.id)
    const count = () => page.find('[data-testid="carried-count"]')
    await until(() => count().exists())
    expect(count().text()).toContain('還有 2 項')
    expect(page.findAll('[data-testid="carried"]')).toHaveLength(2)
    // The notice takes the person to the next one to confirm.
    ;(document.activeElement as HTMLElement | null)?.blur()
    await page.get('[data-testid="next-carried"]').trigger('click')
    await until(() => document.activeElement?.getAttribute('data-item-key') === 'P1.1.1')
    expect(document.activeElement?.getAttribute('data-item-key')).toBe('P1.1.1')

    // Confirmed as it is: the value stays, the mark goes.
    await page.get('[data-item-key="P1.1.1"] [data-testid="confirm-carried"]').trigger('click')
    await until(() => useRatingStore().carried === 1)
    expect(count().text()).toContain('還有 1 項')
    const confirmed = await database().responses.get([next.id, 'P1.1.1'])
    expect(confirmed?.rating).toBe(2)
    expect(confirmed?.carried).toBeUndefined()

    // A digit on the item rates it: the person's own rating now.
    const k01 = page.get('[data-item-key="K01"]')
    ;(k01.element as HTMLElement).focus()
    await k01.trigger('keydown', { key: '5' })
    await flushPromises()
    await until(() => !count().exists())
    expect(page.findAll('[data-testid="carried"]')).toHaveLength(0)
    expect((await database().responses.get([next.id, 'K01']))?.rating).toBe(5)
    page.unmount()
  })
})
