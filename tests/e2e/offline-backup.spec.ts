import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from './fixtures'
import {
  expectSaved,
  item,
  openNotes,
  rateAndWait,
  ratingPageReady,
  shownRating,
  startAssessment,
} from './helpers'

// Offline use needs the service worker, which the other tests start without.
test.use({ serviceWorkers: 'allow' })

/** Downloads a whole-database backup from Settings and returns its parsed content. */
async function downloadBackup(page: Page) {
  await page.goto('/#/settings')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下載備份' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^gaplens-backup-\d{4}-\d{2}-\d{2}\.json$/)
  const path = await download.path()
  const text = readFileSync(path, 'utf8')
  return { path, text, backup: JSON.parse(text) as { exportedAt: string; tables: unknown } }
}

test.describe('offline', () => {
  test('visit once, go offline, reload, keep rating, come back online: all saved', async ({
    context,
    page,
  }) => {
    const url = await startAssessment(page)
    await rateAndWait(page, 'P1.1.1', 2)
    // The service worker installs on the first visit and controls the page from the next load.
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload()
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)

    await context.setOffline(true)
    await page.reload()
    await ratingPageReady(page)
    // Chromium 150 applies the emulated network to a document loaded while it is offline
    // without telling the page (navigator.onLine stays true, no event), as a real network
    // going down would: the page's notice is checked as the network goes down under it.
    await context.setOffline(false)
    await context.setOffline(true)
    await expect(page.getByTestId('offline')).toBeVisible()
    expect(await shownRating(page, 'P1.1.1')).toBe('2')
    await rateAndWait(page, 'P1.1.2', 3)
    await rateAndWait(page, 'K01', 'na')
    // Every bundled standard loads offline too.
    await page.goto('/#/standards/THM3514-lodging-ecommerce')
    await expect(page.locator('#task-T3\\.3')).toContainText('協助作出判斷以解決客戶服務相關問題')

    await context.setOffline(false)
    await page.goto(url)
    await expect(page.getByTestId('offline')).toHaveCount(0)
    expect(await shownRating(page, 'P1.1.1')).toBe('2')
    expect(await shownRating(page, 'P1.1.2')).toBe('3')
    expect(await shownRating(page, 'K01')).toBe('na')
  })

  test('the app is installable: a manifest with icons and a service worker', async ({ page }) => {
    await page.goto('/#/')
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    const manifest = await (await page.request.get(href!)).json()
    expect(manifest.name).toContain('GapLens')
    expect(manifest.display).toBe('standalone')
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toContain('512x512')
    await page.evaluate(() => navigator.serviceWorker.ready)
  })
})

test.describe('backup and restore', () => {
  test('backup, restore into a fresh browser profile: identical', async ({ browser, page }) => {
    await startAssessment(page, { name: '張雅婷' })
    await rateAndWait(page, 'P1.1.1', 4)
    await rateAndWait(page, 'K03', 'na')
    await openNotes(page, 'S01')
    await item(page, 'S01').getByLabel('備註').fill('帶領過跨部門會議')
    await expectSaved(page, 'S01')
    await startAssessment(page, { name: '張雅婷', standard: 'THM3514-lodging-ecommerce' })
    await rateAndWait(page, 'P3.1.1', 1)
    const original = await downloadBackup(page)

    const fresh = await browser.newContext()
    const other = await fresh.newPage()
    await other.goto('/#/settings')
    await other.getByTestId('restore-input').setInputFiles(original.path)
    const dialog = other.getByRole('alertdialog')
    await expect(dialog).toContainText('2 份自評')
    await dialog.getByRole('button', { name: '還原' }).click()
    await expect(other.getByRole('alert')).toContainText('已從')
    const restored = await downloadBackup(other)
    expect(restored.backup.tables).toEqual(original.backup.tables)

    await other.getByRole('link', { name: '我的自評' }).click()
    await expect(other.locator('.assessment-card')).toHaveCount(2)
    await other
      .locator('.assessment-card', { hasText: '旅遊業營運主管' })
      .getByRole('link', { name: '繼續自評' })
      .click()
    expect(await shownRating(other, 'P1.1.1')).toBe('4')
    expect(await shownRating(other, 'K03')).toBe('na')
    await expect(item(other, 'S01').getByLabel('備註')).toHaveValue('帶領過跨部門會議')
    await fresh.close()
  })

  test('restore a corrupt backup: an error in the person’s words, and the data unchanged', async ({
    page,
  }) => {
    await startAssessment(page, { name: '李大同' })
    await rateAndWait(page, 'P1.1.1', 3)
    const before = await downloadBackup(page)
    const title = (before.backup.tables as { assessments: { title: string }[] }).assessments[0]!
      .title

    const input = page.getByTestId('restore-input')
    const cases = [
      {
        name: 'truncated.json',
        body: before.text.slice(0, before.text.length / 2),
        says: '檔案內容不是有效的 JSON',
      },
      { name: 'other.json', body: '{"hello": "world"}', says: '這不是 GapLens 的備份檔' },
      {
        name: 'future.json',
        body: before.text.replace(/"version": \d+/, '"version": 7'),
        says: '這個備份檔是第 7 版格式，比這個 App 能讀的第 2 版新；請先更新 GapLens',
      },
      {
        name: 'bad-rating.json',
        body: before.text.replace('"rating": 3', '"rating": "excellent"'),
        says: `自評「${title}」 › 項目 P1.1.1：評分應為數字或「na」`,
      },
    ]
    for (const c of cases) {
      await input.setInputFiles({
        name: c.name,
        mimeType: 'application/json',
        buffer: Buffer.from(c.body),
      })
      const alert = page.getByRole('alert')
      await expect(alert).toContainText(`無法還原「${c.name}」：${c.says}`)
      await expect(alert).toContainText('目前的資料沒有任何變動')
      await expect(alert).not.toContainText(/tables\.|Invalid input/)
      await expect(page.getByRole('alertdialog')).toHaveCount(0)
    }
    const after = await downloadBackup(page)
    expect(after.backup.tables).toEqual(before.backup.tables)
  })

  test('a backup over the size limit is refused by its size, unread, and nothing changes', async ({
    page,
  }, testInfo) => {
    await startAssessment(page, { name: '林小華' })
    await rateAndWait(page, 'P1.1.1', 2)
    const before = await downloadBackup(page)

    // 60 MB of nothing (a sparse file: no disk, no memory): refused before a byte is read.
    const huge = testInfo.outputPath('huge-backup.json')
    writeFileSync(huge, '')
    truncateSync(huge, 60 * 1024 * 1024)
    await page.getByTestId('restore-input').setInputFiles(huge)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(
      '無法還原「huge-backup.json」：檔案大小 60 MB，超過上限 50 MB。目前的資料沒有任何變動。',
    )
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await page.getByRole('button', { name: 'English' }).click()
    await expect(alert).toContainText(
      'Could not restore “huge-backup.json”: the file is 60 MB, over the limit of 50 MB. Nothing was changed.',
    )
    await page.getByRole('button', { name: '繁體中文' }).click()

    const after = await downloadBackup(page)
    expect(after.backup.tables).toEqual(before.backup.tables)
  })
})

test('settings say whether the browser keeps the data persistently', async ({ page }) => {
  await page.goto('/#/settings')
  const state = page.getByTestId('persist-state')
  await expect(state).toHaveAttribute('data-state', /persisted|best-effort|unsupported/)
  await expect(state).not.toBeEmpty()
})
