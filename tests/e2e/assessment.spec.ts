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

  test('rate and close the page at once, reopen: the last rating shown as saved is there (20 times)', async ({
    context,
    page,
  }) => {
    test.setTimeout(240_000)
    const url = await startAssessment(page)
    await page.close()
    const keys = [
      'P1.1.1',
      'P1.1.2',
      'P1.1.3',
      'P1.2.1',
      'P1.2.2',
      'K01',
      'K02',
      'S01',
      'S02',
      'A01',
    ]
    // Each tab opened checks the rating the tab before it saved and closed on, then rates the
    // next item and is closed as soon as the page says saved: 20 closes, 20 checks.
    let saved: { key: string; value: number } | undefined
    for (let round = 0; round <= 20; round++) {
      const tab = await context.newPage()
      await tab.goto(url)
      await ratingPageReady(tab)
      if (saved) {
        expect(await shownRating(tab, saved.key), `reopen ${round}: ${saved.key}`).toBe(
          String(saved.value),
        )
      }
      if (round < 20) {
        const key = keys[round % keys.length]!
        // Another value each time a key comes round again, so every round is a change to save.
        const value = ((round + Math.floor(round / keys.length)) % 5) + 1
        // By keyboard, on the item itself: the scenario is the close, not where a pointer lands
        // on a page still laying out the cards near the one scrolled to.
        await item(tab, key).focus()
        await tab.keyboard.press(String(value))
        await expect(item(tab, key).locator(`[data-value="${value}"]`)).toHaveAttribute(
          'aria-checked',
          'true',
        )
        await expectSaved(tab, key)
        saved = { key, value }
      }
      await tab.close()
    }
  })

  test('type a note and close the tab 200 ms after the last keystroke, reopen: the note is there (20 times)', async ({
    context,
    page,
  }) => {
    test.setTimeout(300_000)
    const url = await startAssessment(page)
    await page.close()
    const keys = ['P1.1.1', 'P1.2.1', 'K01', 'S01', 'A01']
    // Each tab opened checks the note the tab before it typed, then types another and is closed
    // 200 ms after its last keystroke, without waiting for the page to say saved: the note must
    // be stored within 150 ms of the last keystroke, or as the page goes.
    let typed: { key: string; text: string } | undefined
    for (let round = 0; round <= 20; round++) {
      const tab = await context.newPage()
      await tab.goto(url)
      await ratingPageReady(tab)
      if (typed) {
        await expect(item(tab, typed.key).getByLabel('備註'), `reopen ${round}`).toHaveValue(
          typed.text,
        )
      }
      if (round < 20) {
        const key = keys[round % keys.length]!
        const text = `第 ${round + 1} 次：處理團員糾紛`
        const note = item(tab, key).getByLabel('備註')
        await openNotes(tab, key)
        await note.focus()
        await tab.keyboard.press('ControlOrMeta+A')
        await note.pressSequentially(text, { delay: 20 })
        typed = { key, text }
        // The scenario itself, not a wait for the app: the person closes the tab this soon.
        await tab.waitForTimeout(200)
      }
      await tab.close()
    }
  })

  test('jump to the next unrated item, search and filter', async ({ page }) => {
    await startAssessment(page)
    await rateAndWait(page, 'P1.1.1', 3)
    await page.getByRole('button', { name: /下一個未評項目/ }).click()
    await expect(page.locator('[data-item-key="P1.1.2"]:focus')).toHaveCount(1)
    await page.getByRole('searchbox', { name: '搜尋項目' }).fill('衝突')
    const shown = page.locator('[data-item-key]')
    // The list is drawn again as the search narrows it: wait until what is shown is the match.
    await expect
      .poll(async () => {
        const texts = await shown.allInnerTexts()
        return texts.length > 0 && texts.every((text) => text.includes('衝突'))
      })
      .toBe(true)
    await page.getByRole('searchbox', { name: '搜尋項目' }).fill('')
    await page.getByRole('combobox', { name: '顯示' }).selectOption('rated')
    await expect(shown).toHaveCount(1)
    await expect(shown).toHaveAttribute('data-item-key', 'P1.1.1')
  })

  test('warns when everything is rated the same', async ({ page }) => {
    await startAssessment(page, { standard: 'THM3514-lodging-ecommerce' })
    await expect(page.getByTestId('straight-line')).toHaveCount(0)
    await item(page, 'P1.1.1').focus()
    for (let i = 0; i < 12; i++) await page.keyboard.press('3')
    await expect(page.getByTestId('straight-line')).toContainText('100%')
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
