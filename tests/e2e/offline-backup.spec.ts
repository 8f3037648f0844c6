import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { expect, expectAccessible, test, type Page } from './fixtures'
import {
  expectSaved,
  item,
  openNotes,
  rateAndWait,
  ratingPageReady,
  shownRating,
  SHOP,
  startAssessment,
} from './helpers'
import { restoreBackupText } from '../bench/restore'

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
  test('a backup added to a phone that has its own: progress, both kept, found by search', async ({
    page,
    openContext,
  }) => {
    // 3,000 assessments restored, then searched: longer than a click-through.
    test.setTimeout(120_000)
    await startAssessment(page, { name: '張雅婷' })
    await rateAndWait(page, 'P1.1.1', 4)
    await rateAndWait(page, 'K03', 'na')
    await openNotes(page, 'S01')
    await item(page, 'S01').getByLabel('備註').fill('帶領過跨部門會議')
    await expectSaved(page, 'S01')
    const original = await downloadBackup(page)
    // The employee's backup, with 3,000 more assessments: enough to watch the progress move.
    const many = JSON.parse(restoreBackupText(3000)) as { tables: Record<string, unknown[]> }
    const sent = JSON.parse(original.text) as { tables: Record<string, unknown[]> }
    for (const [name, rows] of Object.entries(many.tables)) sent.tables[name]!.push(...rows)

    const phone = await openContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    })
    const other = await phone.newPage()
    const own = await startAssessment(other, { name: '林主任', standard: SHOP })
    await rateAndWait(other, 'P3.1.1', 1)
    await other.goto('/#/settings')
    // `npm run preview` sends the headers a page cannot set itself.
    const headers = (await other.reload())!.headers()
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('no-referrer')

    // Every progress value the page shows is noted as it shows it.
    await other.evaluate(() => {
      const seen: number[] = []
      ;(window as unknown as { __progress: number[] }).__progress = seen
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="restore-progress"] [role="progressbar"]')
        const now = Number(bar?.getAttribute('aria-valuenow') ?? -1)
        if (bar && seen.at(-1) !== now) seen.push(now)
      }).observe(document.body, { subtree: true, childList: true, attributes: true })
    })
    await other.getByTestId('restore-input').setInputFiles({
      name: 'gaplens-backup-employee.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(sent)),
    })
    const dialog = other.getByRole('dialog', { name: '從備份還原' })
    await expect(dialog).toContainText('有 3,001 份自評')
    await expect(dialog.getByRole('radio', { name: /加入這台裝置上的資料/ })).toBeChecked()
    await expectAccessible(other, 'the restore dialog')
    await dialog.getByRole('button', { name: '加入', exact: true }).click()
    await expect(other.getByTestId('restore-done')).toContainText(
      '已從「gaplens-backup-employee.json」加入 3,001 份自評',
      { timeout: 60_000 },
    )
    const progress = await other.evaluate(
      () => (window as unknown as { __progress: number[] }).__progress,
    )
    // Shown, moving, and never backwards.
    expect(progress.filter((n) => n > 0).length).toBeGreaterThan(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))

    // Both kept: the phone's own, and the employee's exactly as exported.
    const restored = await downloadBackup(other)
    const tables = restored.backup.tables as Record<
      string,
      { id?: string; assessmentId?: string }[]
    >
    const originalTables = original.backup.tables as typeof tables
    expect(tables.assessments).toEqual(expect.arrayContaining(originalTables.assessments!))
    expect(tables.responses).toEqual(expect.arrayContaining(originalTables.responses!))
    expect(tables.assessments!.some((a) => own.endsWith(a.id!))).toBe(true)
    expect(tables.assessments).toHaveLength(3002)

    await other.getByRole('link', { name: '我的自評' }).click()
    await expect(other.locator('.assessment-card')).toHaveCount(50)
    await other.getByTestId('list-search').fill('張雅婷')
    await expect(other.locator('.assessment-card')).toHaveCount(1)
    await other.locator('.assessment-card').getByRole('link', { name: '繼續自評' }).click()
    expect(await shownRating(other, 'P1.1.1')).toBe('4')
    expect(await shownRating(other, 'K03')).toBe('na')
    await expect(item(other, 'S01').getByLabel('備註')).toHaveValue('帶領過跨部門會議')
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
        says: '這個備份檔是第 7 版格式，比這個 App 能讀的第 3 版新；請先更新 GapLens',
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
      await expect(page.getByTestId('restore-dialog')).toHaveCount(0)
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
    await expect(page.getByTestId('restore-dialog')).toHaveCount(0)
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
