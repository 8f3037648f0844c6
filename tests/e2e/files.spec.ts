import { execFileSync } from 'node:child_process'
import { parse } from 'csv-parse/sync'
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, expectAccessible, test, type Page } from './fixtures'
import {
  expectSaved,
  item,
  openNotes,
  rateAndWait,
  ratingPageReady,
  SHOP,
  startAssessment,
} from './helpers'
import {
  assessmentFileText,
  sealAssessmentFile,
  type AssessmentFile,
  type ReviewBlock,
} from '../../src/domain/files/assessment-file'
import { fileContent } from '../../src/domain/files/build'
import { canonicalJson } from '../../src/domain/io/canonical'
import { protect } from '../../src/domain/io/protect'

/**
 * The employee's side of the assessment file: rate, export (JSON and CSV), open the file the
 * supervisor sent back, and see both ratings side by side — on the rating page, in the results,
 * after a reload, and on paper.
 *
 * Ratings on 旅宿電商運營人員 (five steps): P1.1.1–P1.1.5 = 2, K01–K05 = 4, P1.1.1's note
 * begins with '='. The review (built here with the app's own code, from the exported file):
 * P1.1.1 → 4 (+2), P1.1.2 → 5 (+3), K01 → 2 (−2): three flags; P1.1.3 → 3 (+1) and K02 → 4
 * (0) are not flagged.
 */
const NOTE = '=HYPERLINK("http://x")'

async function rateTen(page: Page): Promise<string> {
  const url = await startAssessment(page, { standard: SHOP, name: '林小華' })
  for (let i = 1; i <= 5; i++) await rateAndWait(page, `P1.1.${i}`, 2)
  for (let i = 1; i <= 5; i++) await rateAndWait(page, `K0${i}`, 4)
  await openNotes(page, 'P1.1.1')
  await item(page, 'P1.1.1').getByLabel('備註').fill(NOTE)
  await expectSaved(page, 'P1.1.1')
  return url
}

/** Exports through the dialog the page offers and returns the downloaded file's path. */
async function exportFile(
  page: Page,
  format: 'json' | 'csv',
  outputPath: (name: string) => string,
): Promise<{ name: string; path: string }> {
  await page.getByTestId('export-open').first().click()
  const dialog = page.getByRole('dialog', { name: '匯出評估檔案' })
  await expect(dialog).toBeVisible()
  if (format === 'csv') await dialog.getByLabel(/CSV 表格/).check()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: /下載/ }).click(),
  ])
  const name = download.suggestedFilename()
  await expect(dialog.getByTestId('export-done')).toContainText(name)
  await expect(dialog.getByTestId('export-file-name')).toHaveText(`檔名：${name}`)
  const path = outputPath(name)
  await download.saveAs(path)
  await dialog.getByRole('button', { name: '關閉' }).click()
  await expect(dialog).toBeHidden()
  return { name, path }
}

const REVIEW: ReviewBlock = {
  reviewer: { name: '陳主管', jobTitle: '營運經理' },
  comment: '網站架設的部分可以再加強。',
  startedAt: '2026-11-25T01:00:00.000Z',
  updatedAt: '2026-11-26T01:00:00.000Z',
  ratings: [
    {
      item: 'P1.1.1',
      rating: 4,
      comment: '上次活動頁做得很好',
      updatedAt: '2026-11-26T01:00:00.000Z',
    },
    { item: 'P1.1.2', rating: 5, comment: '', updatedAt: '2026-11-26T01:00:00.000Z' },
    { item: 'P1.1.3', rating: 3, comment: '', updatedAt: '2026-11-26T01:00:00.000Z' },
    { item: 'K01', rating: 2, comment: '法規要再讀', updatedAt: '2026-11-26T01:00:00.000Z' },
    { item: 'K02', rating: 4, comment: '', updatedAt: '2026-11-26T01:00:00.000Z' },
  ],
  plan: [],
}

/** The supervisor's file: the employee's own export with a review block, sealed again. */
async function reviewedText(exported: AssessmentFile): Promise<string> {
  const sent = await sealAssessmentFile(
    fileContent(exported.standard, exported.assessment, REVIEW, '2026-11-26T02:00:00.000Z'),
  )
  return assessmentFileText(sent)
}

async function expectBeside(page: Page): Promise<void> {
  await expect(page.getByTestId('review-banner')).toContainText('陳主管')
  await expect(page.getByTestId('review-banner')).toContainText('3 個項目')
  await expect(item(page, 'P1.1.1').locator('[data-supervisor-rating]')).toHaveAttribute(
    'data-supervisor-rating',
    '4',
  )
  await expect(item(page, 'P1.1.1').getByTestId('beside')).toContainText('上次活動頁做得很好')
  await expect(item(page, 'P1.1.1').getByTestId('flag')).toContainText('相差 2 級')
  await expect(item(page, 'P1.1.2').getByTestId('flag')).toContainText('相差 3 級')
  await expect(item(page, 'K01').getByTestId('flag')).toContainText('相差 2 級')
  // Three items flagged (K01 shows under every task that uses it, flagged in each).
  await expect
    .poll(() =>
      page.evaluate(() =>
        [
          ...new Set(
            [...document.querySelectorAll('[data-testid="flag"]')].map(
              (flag) => flag.closest('[data-item-key]')?.getAttribute('data-item-key') ?? '',
            ),
          ),
        ].sort(),
      ),
    )
    .toEqual(['K01', 'P1.1.1', 'P1.1.2'])
  // The own rating is kept: P1.1.1 still shows 2.
  await expect(item(page, 'P1.1.1').locator('[role="radio"][aria-checked="true"]')).toHaveAttribute(
    'data-value',
    '2',
  )
}

async function expectComparison(page: Page, selfT1 = '1.00'): Promise<void> {
  await expect(page.getByTestId('reviewer')).toContainText('陳主管（營運經理）')
  await expect(page.getByTestId('reviewed')).toHaveText('2026-11-26')
  const rows = page.getByTestId('disagreements').locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toHaveAttribute('data-item', 'P1.1.2')
  await expect(page.getByTestId('disagreements').locator('[data-item="K01"]')).toContainText(
    '法規要再讀',
  )
  // T1 by self: P1.1.1–5 gap 2 each, K01–K05 gap 0 → 10/10 = 1.00 (0.90 once P1.1.4 is
  // rated 3). By the supervisor:
  // P1.1.1 0, P1.1.2 0, P1.1.3 1, K01 2, K02 0 → 3/5 = 0.60.
  const t1 = page
    .locator('section.tables table', { hasText: '各主要職責的落差' })
    .locator('[data-group="T1"]')
  await expect(t1.locator('[data-col="meanGap"]')).toHaveText(selfT1)
  await expect(t1.locator('[data-col="reviewMeanGap"]')).toHaveText('0.60')
}

test.describe('assessment files, the employee', () => {
  test('rates, exports JSON and CSV, opens the reviewed file and sees both ratings', async ({
    page,
  }, testInfo) => {
    const out = (name: string) => testInfo.outputPath(name)
    const url = await rateTen(page)

    // JSON from the rating page: it parses, holds the ratings, and its seal is right.
    const json = await exportFile(page, 'json', out)
    expect(json.name).toMatch(/^林小華-旅宿電商運營人員-\d{4}-\d{2}-\d{2}\.gaplens\.json$/)
    const exported = JSON.parse(readFileSync(json.path, 'utf8')) as AssessmentFile
    expect(exported.format).toBe('gaplens-assessment')
    expect(exported.assessment.ratings).toHaveLength(10)
    expect(exported.assessment.ratings.find((r) => r.item === 'P1.1.1')).toMatchObject({
      rating: 2,
      note: NOTE,
    })
    expect(exported.assessment.ratings.find((r) => r.item === 'K05')?.rating).toBe(4)
    const { integrity, ...content } = exported
    const { createHash } = await import('node:crypto')
    expect(integrity.hash).toBe(
      createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex'),
    )

    // CSV from the card on the list: BOM, CRLF, the note made inert.
    await page.goto('/#/assessments')
    await expect(page.locator('[data-assessment-id]')).toHaveCount(1)
    const csv = await exportFile(page, 'csv', out)
    expect(csv.name).toMatch(/\.csv$/)
    const bytes = readFileSync(csv.path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csvText = bytes.toString('utf8')
    expect(csvText).toContain('\r\n')
    expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(1 + 75)
    expect(csvText).toContain(`"'=HYPERLINK(""http://x"")"`)
    // Read back as any CSV tool would: a header, one row per item, the note made inert.
    const rows = parse(bytes, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[]
    expect(rows).toHaveLength(75)
    expect(new Set(rows.map((r) => r.item_code)).size).toBe(75)
    expect(rows.find((r) => r.item_code === 'P1.1.1')).toMatchObject({
      self_rating: '2',
      note: `'${NOTE}`,
    })
    expect(rows.find((r) => r.item_code === 'K05')?.self_rating).toBe('4')

    // The supervisor's file, protected: a wrong passphrase is refused in words, then the right.
    const reviewed = await reviewedText(exported)
    const lockedPath = out('林小華-已檢閱.gaplens.json')
    writeFileSync(lockedPath, `${JSON.stringify(await protect(reviewed, '春天的密語'))}\n`)
    const panel = page.getByTestId('receive-panel')
    await expect(panel.getByRole('heading', { name: '開啟主管回傳的檔案' })).toBeVisible()
    await expectAccessible(page, 'the list with the panel to open a reviewed file')
    await page.getByTestId('receive-input').setInputFiles(lockedPath)
    await expect(panel.getByText('「林小華-已檢閱.gaplens.json」受通關密語保護')).toBeVisible()
    await panel.getByLabel('「林小華-已檢閱.gaplens.json」的通關密語').fill('夏天的密語')
    await panel.getByRole('button', { name: '開啟', exact: true }).click()
    await expect(panel.getByTestId('receive-refused')).toContainText(
      '無法開啟「林小華-已檢閱.gaplens.json」',
    )
    await expect(page.getByTestId('reviewed-badge')).toHaveCount(0)
    await panel.getByLabel('「林小華-已檢閱.gaplens.json」的通關密語').fill('春天的密語')
    await panel.getByRole('button', { name: '開啟', exact: true }).click()
    await expect(panel.getByTestId('receive-attached')).toContainText('陳主管')
    await expect(panel.getByTestId('receive-attached')).toContainText('林小華・旅宿電商運營人員')
    await expect(page.getByTestId('reviewed-badge')).toContainText('陳主管')
    await expectAccessible(page, 'the list after opening the reviewed file')

    // Beside on the rating page, and after a reload.
    await panel.getByRole('link', { name: '查看評分' }).click()
    await expect(page).toHaveURL(url)
    await ratingPageReady(page)
    await expectBeside(page)
    await expectAccessible(page, 'the rating page with the review beside')
    await page.reload()
    await ratingPageReady(page)
    await expectBeside(page)

    // An item changed after sending is marked; the review stays as it came.
    await rateAndWait(page, 'P1.1.4', 3)
    await expect(item(page, 'P1.1.4').getByTestId('changed')).toContainText('寄出後已修改')
    await expect(item(page, 'P1.1.5').getByTestId('changed')).toHaveCount(0)

    // The results: both, never averaged; a reload keeps them.
    await page.getByRole('link', { name: '查看結果' }).click()
    await expectComparison(page, '0.90')
    await page.reload()
    await expectComparison(page, '0.90')

    // On paper: the reviewer, both columns and the disagreements.
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByTestId('disagreements')).toBeVisible()
    const pdf = out('report.pdf')
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }))
    // Without whitespace: a table's header wraps where the paper's column ends.
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    )
    for (const words of [
      '陳主管',
      '意見分歧的項目',
      '主管評平均落差',
      '自評平均落差',
      '法規要再讀',
    ])
      expect(text, `the printed report shows ${words}`).toContain(words)
    await page.emulateMedia({ media: 'screen' })
  })

  test('the export dialog and the review beside, on a phone', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await rateTen(page)
    const json = await exportFile(page, 'json', (n) => testInfo.outputPath(n))
    const exported = JSON.parse(readFileSync(json.path, 'utf8')) as AssessmentFile
    // The dialog, with a mismatched passphrase said in words.
    await page.getByTestId('export-open').first().click()
    const dialog = page.getByRole('dialog', { name: '匯出評估檔案' })
    await dialog.getByLabel('以通關密語保護檔案').check()
    await dialog.getByLabel('通關密語', { exact: true }).fill('one')
    await dialog.getByLabel('再輸入一次通關密語').fill('two')
    await dialog.getByRole('button', { name: /下載/ }).click()
    await expect(dialog.getByRole('alert')).toHaveText('兩次輸入的通關密語不相同。')
    await expectAccessible(page, 'the export dialog on a phone')
    await dialog.getByRole('button', { name: '關閉' }).click()

    const path = testInfo.outputPath('reviewed.gaplens.json')
    writeFileSync(path, await reviewedText(exported))
    await page.goto('/#/assessments')
    await page.getByTestId('receive-input').setInputFiles(path)
    await expect(page.getByTestId('receive-attached')).toBeVisible()
    await page.getByRole('link', { name: '查看評分' }).click()
    await ratingPageReady(page)
    await expectBeside(page)
    await page.getByRole('link', { name: '查看結果' }).click()
    await expectComparison(page)
    // Six columns of self and supervisor scroll within their table: the page keeps its width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })
})
