/**
 * The development plan on two devices (two browser contexts, nothing shared but the files): the
 * employee, on a standard they added themself, drafts three actions on the results page and
 * exports; the supervisor, whose device lacks that standard, adds it from the file, changes one
 * action, agrees them, adds one, comments on an item where both agree, and sends the file back;
 * the employee opens it and sees the agreed plan, what the supervisor changed, who signed, and
 * the comment; a new round asks to confirm its carried ratings and follows each action up.
 */
import { expect, test, type Page } from './fixtures'
import { item, rateAndWait, ratingPageReady, startAssessment } from './helpers'

const V5 = 'TTM4221-002v5'

/** Adds an action through the plan's form: what, its kind, one item picked from the list. */
async function addAction(page: Page, what: string, kind: RegExp, itemCode: string) {
  const actions = page.getByTestId('plan-action')
  const before = await actions.count()
  await page.getByTestId('plan-add').click()
  await page.getByTestId('plan-what').fill(what)
  await page.getByTestId('plan-form').getByRole('radio', { name: kind }).check()
  await page.getByTestId('plan-item-pick').selectOption(`item:${itemCode}`)
  await page.getByTestId('plan-item-add').click()
  await page.getByTestId('plan-save').click()
  await expect(actions).toHaveCount(before + 1)
}

/** Downloads through a button and saves the file under the test's output folder. */
async function download(page: Page, click: () => Promise<void>, path: (n: string) => string) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  const saved = path(file.suggestedFilename())
  await file.saveAs(saved)
  return saved
}

test('the plan on two devices: drafted, changed and agreed by the supervisor, shown back with the changes, followed up in the next round', async ({
  page: employee,
  openContext,
}, testInfo) => {
  test.setTimeout(180_000)
  const out = (name: string) => testInfo.outputPath(name)

  // The employee adds a standard of their own and rates on it.
  await employee.goto('/#/standards/add')
  await employee.getByRole('radio', { name: '開啟 JSON 檔' }).check()
  await employee
    .getByTestId('standard-json-input')
    .setInputFiles('tests/fixtures/TTM4221-002v5.json')
  await employee.getByTestId('draft-save').click()
  await expect(employee.getByTestId('standard-saved')).toBeVisible()
  const url = await startAssessment(employee, { standard: V5, name: '王小明' })
  await rateAndWait(employee, 'P1.1.1', 2)
  await rateAndWait(employee, 'P1.1.2', 4)
  await rateAndWait(employee, 'K01', 2)

  // Three actions drafted on the results page, then the file for the supervisor.
  await employee.goto(`${url}/results`)
  await expect(employee.locator('[data-testid="plan"][data-state="ready"]')).toBeVisible()
  await addAction(employee, '跟著資深領隊處理兩次團體糾紛', /在職實作/, 'P1.1.1')
  await addAction(employee, '每月與主管討論一次帶團紀錄', /教練與回饋/, 'P1.1.2')
  await addAction(employee, '上旅遊法規課程', /課程與自學/, 'K01')
  const sent = await download(
    employee,
    async () => {
      await employee.getByTestId('export-open').first().click()
      await employee.getByRole('dialog').getByRole('button', { name: /下載/ }).click()
    },
    out,
  )
  await employee.getByRole('dialog').getByRole('button', { name: '關閉' }).click()

  // The supervisor's device has no such standard: the file brings it, added with one click.
  const supervisor = await (await openContext()).newPage()
  await supervisor.goto('/#/reviews')
  await supervisor.getByTestId('review-file-input').setInputFiles(sent)
  const offer = supervisor.getByTestId('standard-offer')
  await expect(offer).toContainText('TTM4221-002v5')
  await offer.getByTestId('standard-offer-add').click()
  await expect(supervisor.getByTestId('review-open-message')).toContainText('已開啟')
  await supervisor.getByRole('link', { name: '開始檢視' }).click()
  await expect(supervisor.locator('.review-page[data-resumed="true"]')).toBeVisible()

  // Both rate P1.1.2 at 4; the supervisor still comments on it.
  const agreed = supervisor.locator('[data-item-key="P1.1.2"]')
  await agreed.locator('[data-value="4"]').click()
  await agreed.getByRole('textbox').fill('帶團紀錄寫得清楚，繼續保持')
  await supervisor.getByTestId('reviewer-name').fill('陳主管')
  await expect(supervisor.getByTestId('save-status')).toContainText('所有變更都已儲存')

  // The draft beside the ratings: one action changed, all agreed, one added.
  const plan = supervisor.getByTestId('plan')
  await expect(plan.getByTestId('plan-action')).toHaveCount(3)
  const course = plan.getByTestId('plan-action').filter({ hasText: '上旅遊法規課程' })
  await course.getByTestId('plan-edit').click()
  await supervisor.getByTestId('plan-due').fill('2027-06-30')
  await supervisor.getByTestId('plan-agreed').check()
  await supervisor.getByTestId('plan-save').click()
  await expect(course).toHaveAttribute('data-agreed', 'true')
  for (const what of ['跟著資深領隊處理兩次團體糾紛', '每月與主管討論一次帶團紀錄']) {
    const action = plan.getByTestId('plan-action').filter({ hasText: what })
    await action.getByTestId('plan-agree').click()
    await expect(action).toHaveAttribute('data-agreed', 'true')
  }
  await addAction(supervisor, '輪調到票務組兩週', /在職實作/, 'P1.1.1')
  const back = await download(
    supervisor,
    () => supervisor.getByTestId('export-review').click(),
    out,
  )
  expect(back).toMatch(/主管檢視\.gaplens\.json$/)

  // The employee opens it: the agreed plan, what changed, who signed, the comment.
  await employee.goto('/#/assessments')
  await employee.getByTestId('receive-input').setInputFiles(back)
  const panel = employee.getByTestId('receive-panel')
  await expect(panel.getByTestId('receive-attached')).toContainText('陳主管')
  await expect(panel.getByTestId('receive-signer')).toHaveAttribute('data-standing', 'first')
  await employee.goto(`${url}/results`)
  const changes = employee.getByTestId('plan-changes')
  await expect(changes.locator('[data-change="added"]')).toContainText('輪調到票務組兩週')
  await expect(changes.locator('[data-change="changed"]')).toContainText('預定完成日')
  await expect(employee.locator('[data-testid="plan-action"][data-agreed="true"]')).toHaveCount(3)
  await employee.goto(url)
  await ratingPageReady(employee)
  await expect(item(employee, 'P1.1.2').getByTestId('beside')).toContainText('帶團紀錄寫得清楚')

  // The next round carries the ratings to confirm, and follows each action up.
  await employee.goto('/#/assessments')
  const card = employee.locator('.assessment-card').first()
  await card.getByRole('button', { name: '開始新一輪' }).click()
  await employee.getByRole('alertdialog').getByRole('button', { name: '開始新一輪' }).click()
  await ratingPageReady(employee)
  await expect(employee.getByTestId('carried-count')).toContainText('還有 3 項')
  await rateAndWait(employee, 'K01', 4)
  await expect(employee.getByTestId('carried-count')).toContainText('還有 2 項')
  await employee.goto(`${employee.url()}/results`)
  const course2 = employee
    .getByTestId('follow-up-action')
    .filter({ hasText: '上旅遊法規課程' })
    .locator('[data-item="K01"]')
  await expect(course2.locator('td').nth(0)).toHaveText('2')
  await expect(course2.getByTestId('follow-up-now')).toHaveText('4')
})
