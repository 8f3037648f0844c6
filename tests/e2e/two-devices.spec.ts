/**
 * The whole round trip on two devices (two browser contexts, nothing shared but the files):
 * the employee rates and exports; the supervisor opens that very file, rates beside it, comments,
 * exports it back and sees both side by side in their own results; the employee opens the
 * reviewed file and sees both ratings and the flags, after a reload and on paper. The files are
 * protected with a passphrase, a wrong one refused on each side (plain files make the same trip
 * in plan.spec.ts and review.spec.ts).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from './fixtures'
import { item, rateAndWait, ratingPageReady, startAssessment, TTM } from './helpers'
import type { AssessmentFile } from '../../src/domain/files/assessment-file'
import { PROTECTED_FORMAT, unprotect, type ProtectedFile } from '../../src/domain/io/protect'

/** A file the app saved, opened as the app would (its passphrase given where it has one). */
async function readSent(path: string, passphrase?: string): Promise<AssessmentFile> {
  const json = JSON.parse(readFileSync(path, 'utf8')) as unknown
  if (!passphrase) return json as AssessmentFile
  expect((json as ProtectedFile).format).toBe(PROTECTED_FORMAT)
  const opened = await unprotect(json as ProtectedFile, passphrase)
  if (!opened.ok) throw new Error(`the passphrase did not open ${path}`)
  return JSON.parse(opened.text) as AssessmentFile
}

/** The first twelve items of the rating page, in its order. */
async function firstKeys(page: Page, n: number): Promise<string[]> {
  const keys = await page
    .locator('[data-item-key]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.itemKey ?? ''))
  return [...new Set(keys)].slice(0, n)
}

/** The employee exports from the rating page; returns the saved file's path. */
async function employeeExport(
  page: Page,
  out: (name: string) => string,
  passphrase?: string,
): Promise<string> {
  await page.getByTestId('export-open').first().click()
  const dialog = page.getByRole('dialog', { name: '匯出評估檔案' })
  if (passphrase) {
    await dialog.getByLabel('以通關密語保護檔案').check()
    await dialog.getByLabel(/^通關密語$/).fill(passphrase)
    await dialog.getByLabel(/^再輸入一次通關密語$/).fill(passphrase)
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /下載/ }).click(),
  ])
  const path = out(`employee-${download.suggestedFilename()}`)
  await download.saveAs(path)
  await dialog.getByRole('button', { name: '關閉' }).click()
  return path
}

/** The supervisor rates one item on the review page and waits until it is stored. */
async function review(page: Page, key: string, value: number): Promise<void> {
  const row = page.locator(`[data-item-key="${key}"]`)
  await row.locator(`[data-value="${value}"]`).click()
  await expect(row.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved', {
    timeout: 20_000,
  })
}

async function roundTrip(
  employee: Page,
  supervisor: Page,
  out: (name: string) => string,
  passphrase?: string,
): Promise<void> {
  // The employee: twelve items at 3, then the file.
  const url = await startAssessment(employee, { standard: TTM, name: '王小明' })
  const keys = await firstKeys(employee, 12)
  for (const key of keys) await rateAndWait(employee, key, 3)
  const sent = await employeeExport(employee, out, passphrase)
  if (passphrase) expect((await readSent(sent, passphrase)).assessment.ratings).toHaveLength(12)

  // The supervisor, on another device, opens that file.
  await supervisor.goto('/#/reviews')
  await supervisor.getByTestId('review-file-input').setInputFiles(sent)
  const message = supervisor.getByTestId('review-open-message')
  if (passphrase) {
    const form = supervisor.getByTestId('review-unlock')
    await form.getByLabel('通關密語').fill(`${passphrase}？`)
    await form.getByRole('button', { name: '解鎖並開啟' }).click()
    await expect(message).toContainText('通關密語不正確')
    await expect(supervisor.locator('[data-review-id]')).toHaveCount(0)
    await form.getByLabel('通關密語').fill(passphrase)
    await form.getByRole('button', { name: '解鎖並開啟' }).click()
  }
  await expect(message).toContainText('已開啟')
  await supervisor.getByRole('link', { name: '開始檢視' }).click()
  await expect(supervisor.locator('.review-page[data-resumed="true"]')).toBeVisible()

  // Ten items: the first three 2 steps or more from the employee's 3, the rest within one.
  const plan = keys.slice(0, 10).map((key, i): [string, number] => [key, i < 3 ? [5, 1, 5][i]! : 4])
  for (const [key, value] of plan) await review(supervisor, key, value)
  await expect(supervisor.locator('[data-flagged="true"]')).toHaveCount(3)
  await supervisor.locator(`[data-item-key="${keys[0]}"]`).getByRole('textbox').fill('可以帶新人了')
  await supervisor.getByTestId('reviewer-name').fill('陳主管')
  await supervisor.getByTestId('overall-comment').fill('整體穩定。')
  await expect(supervisor.getByTestId('save-status')).toContainText('所有變更都已儲存')
  if (passphrase) {
    await supervisor.getByTestId('export-protect').check()
    await supervisor.getByLabel(/^通關密語$/).fill(passphrase)
    await supervisor.getByLabel(/^再輸入一次通關密語$/).fill(passphrase)
  }
  const [download] = await Promise.all([
    supervisor.waitForEvent('download'),
    supervisor.getByTestId('export-review').click(),
  ])
  const back = out(`reviewed-${download.suggestedFilename()}`)
  await download.saveAs(back)

  // The supervisor's own results: both ratings side by side, on screen and on paper.
  await supervisor.getByTestId('review-results-link').click()
  await expect(supervisor.getByTestId('disagreements').locator('tbody tr')).toHaveCount(3)
  await expectReportOnPaper(supervisor, out('supervisor-report.pdf'))
  const file = await readSent(back, passphrase)
  const rated = Object.fromEntries(file.review?.ratings.map((r) => [r.item, r.rating]) ?? [])
  expect(rated).toEqual(Object.fromEntries(plan))

  // The employee opens the reviewed file: both ratings side by side, the flags.
  await employee.goto('/#/assessments')
  await employee.getByTestId('receive-input').setInputFiles(back)
  const panel = employee.getByTestId('receive-panel')
  if (passphrase) {
    const name = back.split('/').pop()!
    await panel.getByLabel(`「${name}」的通關密語`).fill('不對的密語')
    await panel.getByRole('button', { name: '開啟', exact: true }).click()
    await expect(panel.getByTestId('receive-refused')).toContainText(`無法開啟「${name}」`)
    await employee.getByTestId('receive-input').setInputFiles(back)
    // The file chosen again is read afresh: its form comes back empty once it has been read.
    await expect(panel.getByTestId('receive-refused')).toHaveCount(0)
    await expect(panel.getByRole('status').filter({ hasText: '正在開啟' })).toHaveCount(0)
    await panel.getByLabel(`「${name}」的通關密語`).fill(passphrase)
    await panel.getByRole('button', { name: '開啟', exact: true }).click()
  }
  await expect(panel.getByTestId('receive-attached')).toContainText('陳主管')
  await employee.goto(url)
  await ratingPageReady(employee)
  const expectBoth = async () => {
    for (const [key, value] of plan) {
      await expect(item(employee, key).locator('[data-supervisor-rating]')).toHaveAttribute(
        'data-supervisor-rating',
        String(value),
      )
      await expect(
        item(employee, key).locator('[role="radio"][aria-checked="true"]'),
      ).toHaveAttribute('data-value', '3')
    }
    for (const key of keys.slice(0, 3))
      await expect(item(employee, key).getByTestId('flag')).toBeVisible()
    for (const key of keys.slice(3, 10))
      await expect(item(employee, key).getByTestId('flag')).toHaveCount(0)
    await expect(item(employee, keys[0]!).getByTestId('beside')).toContainText('可以帶新人了')
  }
  await expectBoth()
  await employee.reload()
  await ratingPageReady(employee)
  await expectBoth()

  // The printed report shows both.
  await employee.getByRole('link', { name: '查看結果' }).click()
  await expect(employee.getByTestId('disagreements').locator('tbody tr')).toHaveCount(3)
  await expectReportOnPaper(employee, out('report.pdf'))
}

/** The results page printed to A4 names the reviewer and shows both ratings and a comment. */
async function expectReportOnPaper(page: Page, pdf: string): Promise<void> {
  await page.emulateMedia({ media: 'print' })
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }))
  // Without whitespace: a table's header wraps where the paper's column ends.
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  )
  for (const words of ['陳主管', '自評平均落差', '主管評平均落差', '可以帶新人了'])
    expect(text, `the printed report shows ${words}`).toContain(words)
  await page.emulateMedia({ media: 'screen' })
}

test('employee and supervisor on two devices: files protected by a passphrase (a wrong one refused on each side), a review beside, sent back, both seen', async ({
  page,
  openContext,
}, testInfo) => {
  test.setTimeout(180_000)
  const supervisor = await (await openContext()).newPage()
  await roundTrip(page, supervisor, (name) => testInfo.outputPath(name), '山間小路')
})
