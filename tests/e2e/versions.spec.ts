/**
 * Versions of a standard: a v5 of TTM4221-002 arrives (restored from a backup whose standards
 * table holds its text, as a standard the person added), the list shows one card with both
 * versions, and reassessing a v4 assessment on v5 carries, marks and lists as expected.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures'
import { item, rateAndWait, ratingPageReady, shownRating, startAssessment, TTM } from './helpers'

const V5 = 'TTM4221-002v5'
/** Screenshots for a person to look at, only when E2E_SHOTS names a folder. */
const shot = async (page: Page, name: string, fullPage = true) => {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage })
}
const v5Text = readFileSync(new URL('../fixtures/TTM4221-002v5.json', import.meta.url), 'utf8')

/** Restores a backup that holds only the v5 standard, and reloads so the list offers it. */
async function addV5(page: Page): Promise<void> {
  const backup = {
    format: 'gaplens-backup',
    version: 2,
    exportedAt: new Date().toISOString(),
    tables: {
      settings: [],
      standards: [
        { id: V5, file: 'TTM4221-002v5.json', body: v5Text, addedAt: new Date().toISOString() },
      ],
      assessments: [],
      responses: [],
      reviews: [],
      reviewRatings: [],
      receivedReviews: [],
    },
  }
  await page.goto('/#/settings')
  await page.getByTestId('restore-input').setInputFiles({
    name: 'v5-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  })
  await page.getByTestId('restore-confirm').click()
  await expect(page.getByTestId('restore-done')).toContainText('已從')
  await page.goto('/#/')
  await page.reload()
  await expect(page.locator(`[data-standard-id="${V5}"]`)).toBeVisible()
}

test.describe('versions of a standard', () => {
  test('add a v5 of TTM4221-002 and reassess: carried, changed, new and removed', async ({
    page,
  }) => {
    await addV5(page)
    // One card for the standard: v5, with v4 listed on it, and marked as added by the person.
    await expect(page.locator(`[data-standard-id="${TTM}"]`)).toHaveCount(0)
    const card = page.locator(`[data-standard-id="${V5}"]`)
    await expect(card.getByTestId('added-badge')).toHaveText('自行新增')
    await expect(card.locator(`[data-version-id="${TTM}"]`)).toBeVisible()
    await expectAccessible(page, 'the list with versions')

    await startAssessment(page, { standard: TTM, name: '林美華' })
    await rateAndWait(page, 'P1.1.1', 4)
    await rateAndWait(page, 'P1.1.2', 3)
    await rateAndWait(page, 'P2.4.2', 5)
    await rateAndWait(page, 'K01', 'na')

    await page.getByRole('link', { name: '我的自評' }).click()
    await expect(page.getByRole('button', { name: '以新版重新自評' })).toBeVisible()
    await shot(page, 'assessments')
    await expectAccessible(page, 'the assessments with a newer version')
    await page.getByRole('button', { name: '以新版重新自評' }).click()
    await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/)
    await ratingPageReady(page)

    const notice = page.getByTestId('carry-over')
    await expect(notice).toContainText('已沿用 2 項評分')
    const keys = (list: string) =>
      notice
        .locator(`[data-list="${list}"] [data-carry-key]`)
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-carry-key')))
    expect(await keys('changed')).toEqual(['P1.1.2', 'P3.1.7'])
    expect(await keys('added')).toEqual(['K28'])
    expect(await keys('removed')).toEqual(['P2.4.2'])
    await expect(notice.locator('[data-list="changed"] [data-carry-key="P1.1.2"]')).toContainText(
      '依據供應商報價預算進行談判。',
    )
    await expect(notice.locator('[data-list="changed"] [data-carry-key="P1.1.2"]')).toContainText(
      '依據供應商報價與預算進行談判，並記錄談判結果。',
    )

    expect(await shownRating(page, 'P1.1.1')).toBe('4')
    expect(await shownRating(page, 'K01')).toBe('na')
    expect(await shownRating(page, 'P1.1.2')).toBeNull()
    expect(await shownRating(page, 'K28')).toBeNull()
    await expect(item(page, 'P1.1.2').locator('[data-carry-mark]')).toHaveText('已變動')
    await expect(item(page, 'K28').locator('[data-carry-mark]')).toHaveText('新增')
    await expect(page.locator('[data-item-key="P2.4.2"].rating-card')).toHaveCount(0)
    await expectAccessible(page, 'the carried round')
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'rate-top', false)
    await page.setViewportSize({ width: 390, height: 844 })
    await expect(notice).toBeVisible()
    await expectAccessible(page, 'the carried round on a phone')
    await shot(page, 'rate-top-390', false)

    // What changed, from the notice's link.
    await notice.getByRole('link', { name: '查看兩版的完整差異' }).click()
    await expect(page.getByTestId('standard-changes')).toBeVisible()
    await expect(page.locator('[data-count="changed"] .n')).toHaveText('2')
    await expect(page.locator('[data-count="added"] .n')).toHaveText('1')
    await expect(page.locator('[data-count="removed"] .n')).toHaveText('1')
  })

  test('the changes page and the versions panel, on a phone and a laptop', async ({ page }) => {
    await addV5(page)
    for (const size of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size)
      await page.goto(`/#/standards/${TTM}`)
      await expect(page.getByTestId('newer-version')).toContainText('V5')
      await expectAccessible(page, `the v4 page at ${size.width}px`)
      await shot(page, `v4-page-${size.width}`, false)
      await page.getByRole('link', { name: '比較 V4 與 V5 的差異' }).click()
      await expect(page.locator('[data-diff="changed"] [data-item-key]')).toHaveCount(2)
      await expectAccessible(page, `the changes page at ${size.width}px`)
      await shot(page, `changes-${size.width}`)
      await page.goto('/#/')
      await expect(page.locator(`[data-standard-id="${V5}"]`)).toBeVisible()
      await expectAccessible(page, `the list at ${size.width}px`)
      await shot(page, `list-${size.width}`)
    }
  })
})
