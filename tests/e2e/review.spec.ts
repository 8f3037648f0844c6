/**
 * The supervisor's side in the browser: an employee's file (made here in Node with the app's own
 * domain code, on the seed standard) is opened, listed apart from own assessments, reviewed item
 * by item beside the self-rating, kept across a reload and exported back; a protected file opens
 * only with its passphrase; a file of a standard this device lacks is refused by name.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, expectAccessible, test, type Page } from './fixtures'
import { TTM } from './helpers'
import { parseStandardFile } from '../../src/domain/standard/parse'
import { standardContentHash, standardVersion } from '../../src/domain/standard/identity'
import { rateableItems } from '../../src/domain/assessment/items'
import {
  assessmentFileText,
  sealAssessmentFile,
  type AssessmentFile,
} from '../../src/domain/files/assessment-file'
import { assessmentBlock, fileContent, selfRatingsOf } from '../../src/domain/files/build'
import type { AssessmentRecord, ItemResponse } from '../../src/domain/assessment/records'
import { protect, unprotect, type ProtectedFile } from '../../src/domain/io/protect'

const AT = '2026-11-24T02:00:00.000Z'
const PASSPHRASE = '海邊的卡夫卡'

function seedStandard() {
  const body = readFileSync(join('data/standards', `${TTM}.json`), 'utf8')
  const parsed = parseStandardFile(`${TTM}.json`, body)
  if (!parsed.ok) throw new Error('the seed standard does not parse')
  return parsed.value
}
const standard = seedStandard()
const keys = rateableItems(standard).map((i) => i.key)
/** The twelve items the employee rated: all 3 on the five-step scale. */
const selfRated = keys.slice(0, 12)

/** 王小明's file on TTM4221-002v4, sealed as the app seals it; a standard's identity may be swapped. */
async function employeeFile(
  change: (file: AssessmentFile) => AssessmentFile = (f) => f,
): Promise<AssessmentFile> {
  const record: AssessmentRecord = {
    id: 'e2e-assessment-1',
    standardId: standard.id,
    title: '王小明・旅遊業營運主管・2026-11-24',
    subject: { name: '王小明', employeeId: 'E01', department: '營運部', jobTitle: '副理' },
    scaleId: 'proficiency-5',
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId: null,
    createdAt: AT,
    updatedAt: AT,
    lastItemKey: null,
  }
  const responses = new Map<string, ItemResponse>(
    selfRated.map((key, i) => [
      key,
      {
        rating: 3,
        note: i === 0 ? '帶過兩團國外線' : '',
        evidence: i === 0 ? '2025 年團控報告' : '',
        updatedAt: AT,
      },
    ]),
  )
  const identity = {
    id: standard.id,
    code: standard.code,
    version: standardVersion(standard),
    title: standard.title,
    contentHash: await standardContentHash(standard),
  }
  const file = await sealAssessmentFile(
    fileContent(identity, assessmentBlock(record, selfRatingsOf(responses, keys)), null, AT),
  )
  const { integrity: _seal, ...content } = change(file)
  return sealAssessmentFile(content)
}

function item(page: Page, key: string) {
  return page.locator(`[data-item-key="${key}"]`)
}

/** Rates an item on the review page and waits until the page says it is stored. */
async function review(page: Page, key: string, value: number): Promise<void> {
  await item(page, key).locator(`[data-value="${value}"]`).click()
  await expect(item(page, key).locator('[data-save-state]')).toHaveAttribute(
    'data-save-state',
    'saved',
    { timeout: 20_000 },
  )
}

async function reviewPageReady(page: Page): Promise<void> {
  await expect(page.locator('.review-page[data-resumed="true"]')).toBeVisible({ timeout: 15_000 })
}

async function shownKeys(page: Page): Promise<string[]> {
  return page
    .locator('[data-item-key]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.itemKey ?? ''))
}

test('a supervisor opens an employee file, reviews it beside the self-rating and exports it back', async ({
  page,
}, testInfo) => {
  const path = testInfo.outputPath('王小明-旅遊業營運主管-2026-11-24.gaplens.json')
  writeFileSync(path, assessmentFileText(await employeeFile()))

  await page.goto('/#/reviews')
  await expect(page.getByTestId('reviews-empty')).toBeVisible()
  await page.getByTestId('review-file-input').setInputFiles(path)
  await expect(page.getByTestId('review-open-message')).toContainText('已開啟')
  const card = page.locator('[data-review-id]')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('王小明')
  await expect(card).toContainText('旅遊業營運主管')
  await page.getByRole('link', { name: '開始檢視' }).click()
  await reviewPageReady(page)

  // The employee's rating, note and evidence, read-only, beside the supervisor's own scale.
  const first = selfRated[0]!
  await expect(item(page, first).locator('[data-self-value="3"]')).toBeVisible()
  await expect(item(page, first)).toContainText('帶過兩團國外線')
  await expect(item(page, first)).toContainText('2025 年團控報告')

  // Eleven items: three of them 2 steps from the self-rating of 3, the others within a step.
  const flagged = selfRated.slice(0, 3)
  const plan: [string, number][] = selfRated
    .slice(0, 11)
    .map((key, i) => [key, i < 2 ? 5 : i === 2 ? 1 : i % 2 ? 4 : 3])
  for (const [key, value] of plan) await review(page, key, value)
  await expect(page.locator('[data-flagged="true"]')).toHaveCount(3)
  await expect(page.getByTestId('flagged-count')).toHaveAttribute('data-count', '3')
  for (const key of flagged) await expect(item(page, key).getByTestId('flag')).toBeVisible()

  await page.getByTestId('review-filter').selectOption('flagged')
  await expect(page.locator('[data-item-key]')).toHaveCount(3)
  expect(await shownKeys(page)).toEqual(flagged)
  await page.getByTestId('review-filter').selectOption('unreviewed')
  await expect(page.locator('[data-item-key]')).toHaveCount(keys.length - 11)
  await page.getByTestId('review-filter').selectOption('all')

  // Comments, and the reviewer's name that an export asks for first.
  await item(page, first).getByRole('textbox').fill('國外線經驗足，可帶新人')
  await page.getByTestId('overall-comment').fill('整體符合期待，T1 可再加強。')
  await page.getByTestId('export-review').click()
  await expect(page.getByRole('alert')).toContainText('請先填寫檢視者姓名')
  await expect(page.getByTestId('reviewer-name')).toBeFocused()
  await page.getByTestId('reviewer-name').fill('陳主管')
  await expect(page.getByTestId('save-status')).toContainText('所有變更都已儲存')

  // A reload keeps everything.
  await page.reload()
  await reviewPageReady(page)
  await expect(page.getByTestId('reviewer-name')).toHaveValue('陳主管')
  await expect(page.getByTestId('overall-comment')).toHaveValue('整體符合期待，T1 可再加強。')
  await expect(item(page, first).getByRole('textbox')).toHaveValue('國外線經驗足，可帶新人')
  for (const [key, value] of plan)
    await expect(item(page, key).locator(`[data-value="${value}"]`)).toHaveAttribute(
      'aria-checked',
      'true',
    )
  await expect(page.locator('[data-flagged="true"]')).toHaveCount(3)
  await expectAccessible(page, 'the review page on a laptop')

  // Export the reviewed file: it parses and carries the review block.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-review').click(),
  ])
  expect(download.suggestedFilename()).toMatch(
    /^王小明-旅遊業營運主管-\d{4}-\d{2}-\d{2}-主管檢視\.gaplens\.json$/,
  )
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as AssessmentFile
  expect(exported.review?.reviewer.name).toBe('陳主管')
  expect(exported.review?.comment).toBe('整體符合期待，T1 可再加強。')
  expect(exported.review?.ratings.map((r) => [r.item, r.rating])).toEqual(plan)
  expect(exported.review?.ratings[0]?.comment).toBe('國外線經驗足，可帶新人')
  // The employee's own ratings travel back untouched.
  expect(exported.assessment.ratings.every((r) => r.rating === 3)).toBe(true)
  await expect(page.getByTestId('export-message')).toContainText(download.suggestedFilename())

  // Protected with a passphrase typed twice: only that passphrase opens it.
  await page.getByTestId('export-protect').check()
  await page.getByLabel('通關密語', { exact: true }).fill(PASSPHRASE)
  await page.getByLabel('再輸入一次通關密語').fill(PASSPHRASE)
  const [lockedDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-review').click(),
  ])
  const sealed = JSON.parse(readFileSync((await lockedDownload.path())!, 'utf8')) as ProtectedFile
  expect(sealed.format).toBe('gaplens-protected')
  expect((await unprotect(sealed, '別的密語')).ok).toBe(false)
  const opened = await unprotect(sealed, PASSPHRASE)
  if (!opened.ok) throw new Error('the protected export does not open')
  expect((JSON.parse(opened.text) as AssessmentFile).review?.reviewer.name).toBe('陳主管')

  // CSV: a row per item, the self and supervisor ratings side by side.
  await page.getByLabel('CSV（用 Excel 開啟）').check()
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-review').click(),
  ])
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/)
  const csv = readFileSync((await csvDownload.path())!, 'utf8')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  expect(csv.trimEnd().split('\r\n')).toHaveLength(keys.length + 1)

  // The list shows how far the review has come.
  await page.getByRole('link', { name: '所有主管檢視' }).click()
  await expect(page.getByTestId('review-progress')).toContainText(`已檢視 11 / ${keys.length} 項`)
  await expect(page.getByTestId('review-flagged')).toHaveAttribute('data-count', '3')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('a protected file opens only with its passphrase; a file of a missing standard is named', async ({
    page,
  }, testInfo) => {
    const missing = testInfo.outputPath('別的基準.gaplens.json')
    writeFileSync(
      missing,
      assessmentFileText(
        await employeeFile((f) => ({
          ...f,
          standard: {
            ...f.standard,
            id: 'XYZ9999-001v2',
            code: 'XYZ9999-001v2',
            title: '海洋導覽員',
          },
        })),
      ),
    )
    const locked = testInfo.outputPath('王小明-保護.gaplens.json')
    const text = assessmentFileText(await employeeFile())
    writeFileSync(locked, `${JSON.stringify(await protect(text, PASSPHRASE), null, 2)}\n`)

    await page.goto('/#/reviews')
    const input = page.getByTestId('review-file-input')
    await input.setInputFiles(missing)
    const message = page.getByTestId('review-open-message')
    await expect(message).toContainText('無法開啟「別的基準.gaplens.json」')
    await expect(message).toContainText('海洋導覽員')
    await expect(message).toContainText('沒有儲存任何資料')

    // Dropped on the drop zone rather than chosen: the same checks.
    const dropped = await page.evaluateHandle(
      (text) => {
        const transfer = new DataTransfer()
        transfer.items.add(
          new File([text], '王小明-保護.gaplens.json', { type: 'application/json' }),
        )
        return transfer
      },
      readFileSync(locked, 'utf8'),
    )
    await page.getByTestId('review-drop-zone').dispatchEvent('drop', { dataTransfer: dropped })
    const form = page.getByTestId('review-unlock')
    await expect(form).toContainText('王小明-保護.gaplens.json')
    await form.getByLabel('通關密語').fill('錯的密語')
    await form.getByRole('button', { name: '解鎖並開啟' }).click()
    await expect(message).toContainText('通關密語不正確')
    await expect(page.getByTestId('reviews-empty')).toBeVisible()
    await expect(page.locator('[data-review-id]')).toHaveCount(0)

    await form.getByLabel('通關密語').fill(PASSPHRASE)
    await form.getByRole('button', { name: '解鎖並開啟' }).click()
    await expect(message).toContainText('已開啟')
    await expect(page.locator('[data-review-id]')).toHaveCount(1)
    await expect(form).toBeHidden()

    // The review page on a phone: what axe checks when the test ends.
    await page.getByRole('link', { name: '開始檢視' }).click()
    await reviewPageReady(page)
    await review(page, selfRated[0]!, 1)
    await expect(item(page, selfRated[0]!).getByTestId('flag')).toBeVisible()
  })
})
