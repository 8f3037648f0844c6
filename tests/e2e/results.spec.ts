import { readFileSync, statSync } from 'node:fs'
import { expect, test, type Page } from './fixtures'
import {
  expectSaved,
  item,
  openNotes,
  rateAndWait,
  ratingPageReady,
  SHOP,
  startAssessment,
} from './helpers'

/**
 * The known pattern on 旅宿電商運營人員 (five steps, target 4), and what it must give, worked
 * out by hand:
 *   P1.1.1–P1.1.5 rated 2 → gap 2 each; K01–K09 rated 4 → gap 0; S01 not applicable.
 *   Overall: 14 rated of 75, mean gap 10/14 = 0.71, meeting 9/14 = 64%, 1 n/a.
 *   T1 (32 items: 15 P, K01–K09, S01–S04, 4 attitudes): 14/32, 0.71, 64%. T2, T3: none rated.
 *   Level 3 (T1.1's indicators, and K01–K09 through T1.1): 10/14 = 0.71.
 *   Level 4 (K01–K09 through T1.3): 0.00, 100%.
 *   With T1.1's target lowered to 3: P1.1.x gap 1 each → 5/14 = 0.36.
 */
async function rateKnownPattern(page: Page): Promise<string> {
  const url = await startAssessment(page, { standard: SHOP, name: '陳怡君' })
  for (let i = 1; i <= 5; i++) await rateAndWait(page, `P1.1.${i}`, 2)
  for (let i = 1; i <= 9; i++) await rateAndWait(page, `K0${i}`, 4)
  await rateAndWait(page, 'S01', 'na')
  await openNotes(page, 'P1.1.1')
  await item(page, 'P1.1.1').getByLabel('備註').fill('尚未接觸網站架設')
  await expectSaved(page, 'P1.1.1')
  return url
}

function groupRow(page: Page, caption: string, key: string) {
  return page.locator('section.tables table', { hasText: caption }).locator(`[data-group="${key}"]`)
}

/** Waits until n canvases hold a drawing: some pixel that is not transparent. */
async function chartsDrawn(page: Page, n: number) {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('canvas')].filter((canvas) => {
            const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height)
            return !!pixels && pixels.data.some((value, i) => i % 4 === 3 && value > 0)
          }).length,
      ),
    )
    .toBe(n)
}

test.describe('results', () => {
  test('a known pattern gives the hand-computed figures; targets change and are kept', async ({
    page,
  }) => {
    const url = await rateKnownPattern(page)
    await page.getByRole('link', { name: '查看結果' }).click()
    await expect(page).toHaveURL(`${url}/results`)

    const summary = page.getByTestId('summary')
    await expect(summary.getByTestId('overall-mean-gap')).toContainText('0.71')
    await expect(summary.getByTestId('overall-meet-share')).toContainText('64%')
    await expect(summary.getByTestId('overall-coverage')).toContainText('14 / 75')
    await expect(summary.getByTestId('overall-coverage')).toContainText('不適用 1 項')

    const t1 = groupRow(page, '各主要職責的落差', 'T1')
    await expect(t1.locator('[data-col="meanGap"]')).toHaveText('0.71')
    await expect(t1.locator('[data-col="meetShare"]')).toHaveText('64%')
    await expect(t1).toContainText('14 / 32')
    await expect(
      groupRow(page, '各主要職責的落差', 'T2').locator('[data-col="meanGap"]'),
    ).toHaveText('—')
    await expect(
      groupRow(page, '各職能級別的落差', '3').locator('[data-col="meanGap"]'),
    ).toHaveText('0.71')
    await expect(
      groupRow(page, '各職能級別的落差', '4').locator('[data-col="meetShare"]'),
    ).toHaveText('100%')

    const top = page.locator('section.lists table', { hasText: '落差最大的項目' })
    await expect(top.locator('[data-item]')).toHaveCount(5)
    await expect(top.locator('[data-item="P1.1.1"]')).toContainText('尚未接觸網站架設')
    await expect(
      page.locator('section.lists table', { hasText: '強項' }).locator('[data-item]'),
    ).toHaveCount(9)
    await chartsDrawn(page, 4)

    // A junior's target: 3 on T1.1. Kept with the assessment and shown on the report.
    await page.getByText('目標設定').click()
    await page.locator('select[data-target="T1.1"]').selectOption('3')
    await expect(summary.getByTestId('overall-mean-gap')).toContainText('0.36')
    await expect(page.getByTestId('target-overrides')).toContainText('T1.1 → 3')
    await expect(page.getByTestId('targets-save')).toHaveAttribute('data-save-state', 'saved', {
      timeout: 20_000,
    })
    await page.reload()
    await expect(page.getByTestId('overall-mean-gap')).toContainText('0.36')
    await expect(page.getByTestId('target-overrides')).toContainText('T1.1 → 3')
  })

  test('every chart has a table alternative and saves as PNG', async ({ page }) => {
    const url = await rateKnownPattern(page)
    await page.goto(`${url}/results`)
    await chartsDrawn(page, 4)
    const figures = page.locator('figure.chart-figure')
    await expect(figures).toHaveCount(4)
    for (const figure of await figures.all()) {
      const canvas = figure.locator('canvas')
      const table = page.locator(`[id="${await canvas.getAttribute('aria-describedby')}"] table`)
      await expect(table).toHaveCount(1)
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figures.first().getByRole('button', { name: '存成 PNG' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/-duty\.png$/)
    const png = await download.path()
    expect(statSync(png).size).toBeGreaterThan(2000)
    // The chart shows duty codes; the picture carries its title above and the key that names
    // them below (three duties here), so it is taller than the chart alone.
    const file = readFileSync(png)
    const size = { width: file.readUInt32BE(16), height: file.readUInt32BE(20) }
    const chart = await figures
      .first()
      .locator('canvas')
      .evaluate((canvas: HTMLCanvasElement) => ({ width: canvas.width, height: canvas.height }))
    expect(size.width).toBe(chart.width)
    expect(size.height).toBeGreaterThan(chart.height + 4 * 18)
  })

  test('a new round shows what changed per duty and per item', async ({ page }) => {
    await rateKnownPattern(page)
    await page.getByRole('link', { name: '我的自評' }).click()
    await page
      .locator('.assessment-card')
      .first()
      .getByRole('button', { name: '開始新一輪' })
      .click()
    await page.getByRole('alertdialog').getByRole('button', { name: '開始新一輪' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('第 2 輪')
    await ratingPageReady(page)
    await rateAndWait(page, 'P1.1.1', 4) // gap 2 → 0
    await page.getByRole('link', { name: '查看結果' }).click()
    const compare = page.getByTestId('round-comparison')
    // T1: mean gap 10/14 = 0.71 before, 8/14 = 0.57 after: −0.14.
    await expect(compare.locator('[data-group="T1"]')).toContainText('0.71')
    await expect(compare.locator('[data-group="T1"]')).toContainText('0.57')
    await expect(compare.locator('[data-group="T1"]')).toContainText('−0.14')
    await expect(compare.locator('[data-item]')).toHaveCount(1)
    await expect(compare.locator('[data-item="P1.1.1"]')).toContainText('2 → 0')
    await chartsDrawn(page, 5)
  })

  test('the report in English', async ({ page }) => {
    const url = await rateKnownPattern(page)
    await page.goto(`${url}/results`)
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByText('Competency gap report')).toBeVisible()
    await expect(page.locator('section.tables caption').first()).toHaveText('Gap by duty')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await chartsDrawn(page, 4)
  })
})
