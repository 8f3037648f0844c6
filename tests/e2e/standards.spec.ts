import { readdirSync } from 'node:fs'
import { expect, test, type Page } from './fixtures'
import type { Locator } from '@playwright/test'

/** Every standard file the app ships: a standard added the README's way counts too. */
const STANDARD_FILES = readdirSync(new URL('../../data/standards/', import.meta.url)).filter((f) =>
  f.endsWith('.json'),
)

/** The card of a standard on the list, found by its id. */
const card = (page: Page, id: string) =>
  page.locator(`.standard-card[aria-labelledby="title-${id}"]`)

test.describe('reading the standards', () => {
  test('the list shows every standard, the seeds with their codes and classification', async ({
    page,
  }) => {
    await page.goto('/#/')
    await expect(page.locator('.standard-card')).toHaveCount(STANDARD_FILES.length)
    const ttm = card(page, 'TTM4221-002v4')
    await expect(ttm).toContainText('旅遊業營運主管')
    await expect(ttm).toContainText('TTM4221-002v4')
    await expect(ttm).toContainText('旅遊諮詢及有關事務人員')
    await expect(ttm).toContainText('N7900')
    await expect(ttm).toContainText('規劃觀光旅遊業之營運策略')
    const shop = card(page, 'THM3514-lodging-ecommerce')
    await expect(shop).toContainText('旅宿電商運營人員')
    await expect(shop).toContainText('尚無代碼')
    await expect(shop).toContainText('THM')
    await expect(shop).toContainText('3514')
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('a standard shows its duties, a level descriptor on tap, indicators and K/S text', async ({
    page,
  }) => {
    await page.goto('/#/')
    await card(page, 'TTM4221-002v4').getByRole('link', { name: '旅遊業營運主管' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('旅遊業營運主管')
    await expect(page.locator('#duty-T1')).toContainText('旅遊業協調與經營')
    await expect(page.locator('#duty-T4')).toContainText('提昇優質顧客服務')

    const task = page.locator('#task-T1\\.1')
    await expect(task).toContainText('依照顧客預算需求，替客戶客製化設計旅遊產品。')
    await expect(task).toContainText('全球環境相關議題')
    await expect(task).toContainText('溝通與協調能力')

    const tip = task.getByRole('tooltip')
    await expect(tip).toBeHidden()
    await task.getByRole('button', { name: '級別 4' }).click()
    await expect(tip).toBeVisible()
    await expect(tip).toContainText('能夠在經常變動的情況中，在少許監督下')

    // The output split across a page in the source reads whole.
    await expect(page.locator('#task-T4\\.1')).toContainText('公司服務政策與服務標準流程')
    // K items list the tasks that use them.
    await expect(page.locator('#item-K10 .chip')).toHaveText(['T2.1', 'T2.3'])
    await expect(page.locator('#versions')).toContainText('2024-12-15')
  })

  test('a level descriptor also shows on hover', async ({ page }) => {
    await page.goto('/#/standards/THM3514-lodging-ecommerce')
    const task = page.locator('#task-T2\\.2')
    await task.getByRole('button', { name: '級別 2' }).hover()
    await expect(task.getByRole('tooltip')).toContainText('在經常性監督下')
  })

  test('footnotes show where they hang and in the notes, and the attitude matrix', async ({
    page,
  }) => {
    await page.goto('/#/standards/THM3514-lodging-ecommerce')
    const p111 = page.locator('#task-T1\\.1 .indicator').first()
    await expect(p111).toHaveText(/P1\.1\.1\s*確認網站類型【註1】。/)
    await p111.getByRole('link', { name: '【註1】' }).click()
    await expect(page.locator('#fn-1')).toContainText('公司官網、OTA 平台上架')
    await expect(page.locator('#fn-1')).toBeInViewport()
    const row = page.locator('figure.matrix tbody tr').filter({ hasText: 'A05' })
    await expect(row.locator('td')).toHaveText(['', '', '', '', '√', '√', '', '√', '', '√'])
  })

  test('the language switch changes the interface and is remembered, pressed even before the app has started', async ({
    page,
  }) => {
    // The app's script is held until the press has been made on the list drawn at build time.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/index-[\w-]{8}\.js$/, async (route) => {
      await held
      await route.continue()
    })
    // The page's load waits on the held script: only its start is waited for.
    await page.goto('/#/', { waitUntil: 'commit' })
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('職能基準')
    await expect(page.locator('#app')).toHaveAttribute('data-first-screen', '')
    await page.getByRole('button', { name: 'English' }).click()
    // The zh-TW list steps aside at once; the app, once started, draws in English.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden()
    release()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Competency standards')
    await expect(page.locator('#app')).not.toHaveAttribute('data-first-screen')
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    // The standards' own text stays as published.
    await expect(card(page, 'TTM4221-002v4')).toContainText('旅遊業營運主管')
    await page.unroute(/\/assets\/index-[\w-]{8}\.js$/)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Competency standards')
    // Pressed once the app answers it.
    await page.getByRole('button', { name: '繁體中文' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('職能基準')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW')
  })

  test('a broken standard file is named with its problem in the interface language, and the others are still offered', async ({
    page,
  }) => {
    // The built file is the seed's name and an 8-character hash; another file is left alone.
    await page.route(/\/TTM4221-002v4-[\w-]{8}\.json$/, (route) =>
      route.fulfill({ contentType: 'application/json', body: '{"formatVersion": 3}' }),
    )
    await page.goto('/#/')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(
      'TTM4221-002v4.json：這個職能基準檔是第 3 版格式，比這個 App 能讀的第 2 版新；請先更新 GapLens',
    )
    await expect(alert).not.toContainText('formatVersion')
    await expect(page.locator('.standard-card')).toHaveCount(STANDARD_FILES.length - 1)
    await expect(card(page, 'TTM4221-002v4')).toHaveCount(0)
    await expect(card(page, 'THM3514-lodging-ecommerce')).toContainText('旅宿電商運營人員')
    // The message follows the interface language.
    await page.getByRole('button', { name: 'English' }).click()
    await expect(alert).toContainText(
      'TTM4221-002v4.json: this standard file is in format version 3, newer than the version 2 this app reads: update GapLens first',
    )
  })
})

/** Where a heading's top is, and where the sticky bars (the header, the contents) end. */
async function belowBars(page: Page, heading: Locator): Promise<{ top: number; bars: number }> {
  const bars = await page
    .locator('.app-header, .toc')
    .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().bottom)))
  return { top: (await heading.boundingBox())!.y, bars }
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  test('the standard page fits the screen and a tap shows the level descriptor', async ({
    page,
  }) => {
    await page.goto('/#/standards/TTM4221-002v4')
    await expect(page.locator('#task-T2\\.4')).toContainText('促進並維護業務關係')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    const task = page.locator('#task-T2\\.4')
    await task.getByRole('button', { name: '級別 3' }).tap()
    await expect(task.getByRole('tooltip')).toContainText('在一般監督下')
  })

  test('the table of contents scrolls each section to the top, down and back up', async ({
    page,
  }) => {
    await page.goto('/#/standards/TTM4221-002v4')
    await expect(page.locator('.standard-page[data-complete="true"]')).toBeVisible()
    for (const id of ['attitudes', 'notes', 'knowledge', 'editorial', 'duties']) {
      await page.locator(`nav.toc a[href$="#${id}"]`).click()
      const heading = page.locator(`#${id}-title`)
      // Just below the sticky bars: not somewhere further down the screen, not off it.
      await expect
        .poll(async () => {
          const { top, bars } = await belowBars(page, heading)
          return top >= bars - 1 && top <= bars + 120
        }, `${id} at the top`)
        .toBe(true)
    }
  })

  test('a link to a task lands with the task in sight, below the sticky bars', async ({ page }) => {
    await page.goto('/#/standards/TTM4221-002v4#task-T2.1')
    const heading = page.locator('#task-title-T2\\.1')
    await expect(heading).toBeInViewport()
    await expect
      .poll(async () => {
        const { top, bars } = await belowBars(page, heading)
        return top >= bars
      })
      .toBe(true)
  })
})
