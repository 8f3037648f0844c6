import { expect, test } from './fixtures'
import {
  expectSaved,
  item,
  openNotes,
  rateAndWait,
  ratingPageReady,
  shownRating,
  startAssessment,
} from './helpers'
import { closeAfterRating, closeAfterTyping } from './rounds'

test.describe('self-assessment', () => {
  test('start: choose a standard, name and scale, and see the target', async ({ page }) => {
    await page.goto('/#/')
    await page
      .locator('.standard-card[data-standard-id="TTM4221-002v4"]')
      .getByRole('link', { name: '以此基準開始自評' })
      .click()
    await expect(page.getByRole('combobox', { name: '職能基準' })).toHaveValue('TTM4221-002v4')
    await expect(page.getByTestId('target')).toContainText('4「能獨立完成」')
    await page.getByRole('radio', { name: /六級職能級別/ }).check()
    await expect(page.getByTestId('target')).toContainText('職能級別')
    await page.getByRole('button', { name: '開始評分' }).click()
    await expect(page.getByRole('alert')).toContainText('請填寫姓名')
    await page.getByLabel('姓名').fill('陳美玲')
    await page.getByLabel('部門（選填）').fill('票務部')
    await page.getByRole('button', { name: '開始評分' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('陳美玲')
    await expect(page.locator('header.assessment-header')).toContainText('票務部')
    await expect(page.locator('header.assessment-header')).toContainText('六級職能級別')
    // On the level scale an indicator's target is its own level: P2.4.1 sits at level 3.
    await expect(item(page, 'P2.4.1').locator('.choice--target')).toHaveAttribute('data-value', '3')
  })

  test('rate with mouse and keyboard, reload: every rating, note and n/a is back', async ({
    page,
  }) => {
    const url = await startAssessment(page)
    await rateAndWait(page, 'P1.1.1', 4)
    await rateAndWait(page, 'P1.1.2', 'na')
    await item(page, 'P1.1.3').focus()
    await page.keyboard.press('2') // rates P1.1.3 and moves on to K01
    await page.keyboard.press('n') // K01 not applicable, moves on to K02
    await page.keyboard.press('5') // K02
    await expectSaved(page, 'K02')
    await openNotes(page, 'P1.2.1')
    await item(page, 'P1.2.1').getByLabel('備註').fill('去年處理過兩次團員糾紛')
    await item(page, 'P1.2.1').getByLabel('佐證').fill('客訴紀錄 2025-07')
    await expectSaved(page, 'P1.2.1')
    await expect(page.getByTestId('save-status')).toContainText('所有變更都已儲存')

    await page.reload()
    await expect(item(page, 'P1.1.1')).toBeVisible()
    expect(await shownRating(page, 'P1.1.1')).toBe('4')
    expect(await shownRating(page, 'P1.1.2')).toBe('na')
    expect(await shownRating(page, 'P1.1.3')).toBe('2')
    expect(await shownRating(page, 'K01')).toBe('na')
    expect(await shownRating(page, 'K02')).toBe('5')
    expect(await shownRating(page, 'P1.3.1')).toBeNull()
    await expect(item(page, 'P1.2.1').getByLabel('備註')).toHaveValue('去年處理過兩次團員糾紛')
    await expect(item(page, 'P1.2.1').getByLabel('佐證')).toHaveValue('客訴紀錄 2025-07')
    await expect(page.locator('.status-bar')).toContainText('已回答 5 /')
    expect(page.url()).toBe(url)
    // Resuming: the last item touched has the focus.
    await expect(page.locator('[data-item-key="P1.2.1"]:focus')).toHaveCount(1)
  })

  // A few rounds here; `npm run bench` runs 20 of each and reports how many were kept
  // (ratings_kept_of_20, notes_kept_of_20).
  test('rate and close the page at once, reopen: the last rating shown as saved is there (4 times)', async ({
    context,
    page,
  }) => {
    const url = await startAssessment(page)
    await page.close()
    const outcomes = await closeAfterRating(context, url, 4)
    expect(outcomes).toHaveLength(4)
    for (const o of outcomes) expect(o.shown, `reopen ${o.round}: ${o.key}`).toBe(o.expected)
  })

  test('type a note and close the tab 200 ms after the last keystroke, reopen: the note is there (3 times)', async ({
    context,
    page,
  }) => {
    const url = await startAssessment(page)
    await page.close()
    const outcomes = await closeAfterTyping(context, url, 3)
    expect(outcomes).toHaveLength(3)
    for (const o of outcomes) expect(o.shown, `reopen ${o.round}: ${o.key}`).toBe(o.expected)
  })

  test('the list: open, rename, new round with the old ratings, delete with confirmation', async ({
    page,
  }) => {
    await startAssessment(page, { name: '林志豪' })
    await rateAndWait(page, 'P1.1.1', 5)
    await page.getByRole('link', { name: '我的自評' }).click()
    const card = page.locator('.assessment-card').first()
    await expect(card).toContainText('林志豪')
    await expect(card).toContainText('旅遊業營運主管')
    await expect(card).toContainText('已回答 1 /')

    await card.getByRole('button', { name: '重新命名' }).click()
    await card.getByLabel('自評名稱').fill('2026 年度自評')
    await card.getByRole('button', { name: '儲存' }).click()
    await expect(card.getByRole('heading')).toHaveText('2026 年度自評')

    await card.getByRole('button', { name: '開始新一輪' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: '開始新一輪' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2026 年度自評（第 2 輪）')
    expect(await shownRating(page, 'P1.1.1')).toBe('5')

    await page.getByRole('link', { name: '我的自評' }).click()
    await expect(page.locator('.assessment-card')).toHaveCount(2)
    const old = page.locator('.assessment-card', { hasText: '第 1 輪' })
    await old.getByRole('button', { name: '刪除' }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toContainText('無法復原')
    await dialog.getByRole('button', { name: '取消' }).click()
    await expect(page.locator('.assessment-card')).toHaveCount(2)
    await old.getByRole('button', { name: '刪除' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: '刪除' }).click()
    await expect(page.locator('.assessment-card')).toHaveCount(1)
    await page.reload()
    await expect(page.locator('.assessment-card')).toHaveCount(1)
    await expect(page.locator('.assessment-card')).toContainText('第 2 輪')
  })

  test('on a phone: large touch targets and tap to rate', async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    })
    const page = await context.newPage()
    await startAssessment(page)
    const choice = item(page, 'P1.1.1').locator('[data-value="4"]')
    const box = await choice.boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    await choice.tap()
    await expectSaved(page, 'P1.1.1')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await context.close()
  })
})

test.describe('on a phone, far down the list', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('reopened, the rating page shows the item left off in sight, with the focus on it', async ({
    context,
    page,
  }) => {
    const url = await startAssessment(page)
    // The last attitude: below a hundred cards, most of them never laid out on this screen.
    await rateAndWait(page, 'A01', 3)
    await page.close()
    const tab = await context.newPage()
    await tab.goto(url)
    await ratingPageReady(tab)
    await expect(item(tab, 'A01')).toBeFocused()
    await expect(item(tab, 'A01')).toBeInViewport()
  })
})
