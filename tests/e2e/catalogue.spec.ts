import { expect, expectAccessible, test, type Page } from './fixtures'
import { rateAndWait, ratingPageReady, shownRating } from './helpers'

// A standard opened once must open offline: that needs the service worker.
test.use({ serviceWorkers: 'allow' })

const viewports = [
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
]

/**
 * The catalogue's search on the list, as a person types into it: reached by the link at the
 * top of the list (on a phone the catalogue is below the fold, and loads as it comes near).
 */
async function search(page: Page, words: string): Promise<void> {
  await page.getByRole('link', { name: '搜尋 iCAP 目錄' }).click()
  const box = page.getByTestId('catalogue-search')
  await box.fill(words)
  await expect(page.getByTestId('catalogue-count')).toContainText('符合')
}

/** Opens a standard of the catalogue from the list's results, by its title. */
async function open(page: Page, title: string): Promise<void> {
  await page
    .getByTestId('catalogue-results')
    .getByRole('link', { name: title, exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByTestId('transcription-notice')).toContainText('不是公告原文')
  await expect(page.locator('.standard-page[data-complete="true"]')).toBeAttached()
}

for (const { name, ...options } of viewports) {
  test.describe(`the iCAP catalogue on a ${name}`, () => {
    test.use(options)

    test('search, open and rate a catalogue standard; an opened one opens offline', async ({
      context,
      page,
    }) => {
      await page.goto('/#/')
      await search(page, '會計')
      const results = page.getByTestId('catalogue-results')
      await expect(results.getByRole('link', { name: '會計主管', exact: true })).toBeVisible()
      // An occupation code and an industry code find it too.
      await search(page, '1211')
      await expect(results.locator('[data-catalogue-id]')).toHaveCount(1)
      await search(page, 'FAC 會計 M7010')
      await expectAccessible(page, 'the catalogue searched')

      // Opened (read from the catalogue and checked), then rated.
      await open(page, '會計主管')
      await expectAccessible(page, 'a catalogue standard')
      await page.getByRole('link', { name: '以此基準開始自評' }).first().click()
      await page.getByLabel('姓名').fill('陳怡君')
      await page.getByRole('button', { name: '開始評分' }).click()
      await ratingPageReady(page)
      await rateAndWait(page, 'P1.1.1', 3)
      const rating = page.url()

      // Another one only opened, never rated.
      await page.goto('/#/')
      await search(page, '會計助理')
      await open(page, '會計助理')
      const opened = page.url()

      // Offline from the next load on: the list's index, the opened standard and the rating.
      await page.evaluate(() => navigator.serviceWorker.ready)
      await page.reload()
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
      await context.setOffline(true)
      await page.goto(opened)
      await page.reload()
      await expect(page.getByRole('heading', { level: 1, name: '會計助理' })).toBeVisible()
      await expect(page.getByTestId('transcription-notice')).toBeVisible()
      await page.goto('/#/')
      await search(page, '會計主管')
      await page.goto(rating)
      await ratingPageReady(page)
      expect(await shownRating(page, 'P1.1.1')).toBe('3')
      await context.setOffline(false)
    })
  })
}
