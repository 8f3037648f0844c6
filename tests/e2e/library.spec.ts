import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from './fixtures'
import { TTM, rateAndWait, ratingPageReady } from './helpers'

// The offline reload needs the service worker, which the other tests start without.
test.use({ serviceWorkers: 'allow' })

const seed = (file: string) => readFileSync(resolve(process.cwd(), '../shared/seeds', file), 'utf8')
const SHOP_TEXT = seed('004_3208f0be47afb425.txt')

/** A standard of a company's own, as a JSON file: the bundled TTM with another id and title. */
function ownStandardFile(): string {
  const ttm = JSON.parse(readFileSync('data/standards/TTM4221-002v4.json', 'utf8'))
  return JSON.stringify({ ...ttm, id: 'ACME-ops-1', code: null, title: '艾克米營運主管' })
}

async function addFromJson(page: Page, name: string, body: string): Promise<void> {
  await page.goto('/#/standards/add')
  await page.getByRole('radio', { name: '開啟 JSON 檔' }).check()
  await page
    .getByTestId('standard-json-input')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) })
  await expect(page.getByTestId('draft-preview')).toBeVisible()
  await page.getByTestId('draft-save').click()
  await expect(page.getByTestId('standard-saved')).toBeVisible()
}

test.describe('adding a standard', () => {
  test('paste the e-commerce text, confirm, start an assessment on it, rate, see results', async ({
    page,
  }) => {
    await page.goto('/#/')
    await page.getByRole('link', { name: '新增職能基準' }).click()
    await page.getByLabel('職能基準全文').fill(SHOP_TEXT)
    await page.getByRole('button', { name: '讀取並預覽' }).click()

    const preview = page.getByTestId('draft-preview')
    await expect(preview).toContainText('預覽：旅宿電商運營人員')
    await expect(page.locator('[data-count="duties"] dd')).toHaveText('3')
    await expect(page.locator('[data-count="tasks"] dd')).toHaveText('10')
    await expect(page.locator('[data-count="indicators"] dd')).toHaveText('38')
    // The judgements the bundled file records are each listed to confirm.
    for (const kind of ['no-code', 'merged-cell', 'words-joined', 'no-output', 'footnote-joined'])
      await expect(page.locator(`[data-kind="${kind}"]`).first()).toBeVisible()
    // The id a standard without a code gets is the person's to choose.
    const id = page.locator('[data-kind="no-code"]').getByLabel('採用的值')
    await id.fill('THM3514-pasted')
    await id.press('Tab')
    await expect(page.getByText('GapLens 會以「THM3514-pasted」識別這份職能基準')).toBeVisible()

    await page.getByTestId('draft-save').click()
    await expect(page.getByTestId('standard-saved')).toContainText('已將「旅宿電商運營人員」加入')
    await page.getByRole('link', { name: '用它開始自評' }).click()
    await page.getByLabel('姓名').fill('林小華')
    await page.getByRole('button', { name: '開始評分' }).click()
    await ratingPageReady(page)
    await rateAndWait(page, 'P1.1.1', 2)
    await rateAndWait(page, 'K01', 4)
    await page.goto(`${page.url()}/results`)
    await expect(page.locator('.results')).toContainText('旅宿電商運營人員')
    await expect(page.locator('.results')).toContainText('林小華')

    // The list marks it as added by the person, beside the bundled one of the same title.
    await page.goto('/#/')
    await expect(page.locator('[aria-labelledby="title-THM3514-pasted"]')).toContainText('自行新增')
  })

  test('a text that is not a standard is refused by line, and nothing is kept', async ({
    page,
  }) => {
    await page.goto('/#/standards/add')
    await page.getByLabel('職能基準全文').fill('113 年度部門會議紀錄\n出席：王小明、林小華\n')
    await page.getByRole('button', { name: '讀取並預覽' }).click()
    await expect(page.getByTestId('draft-problems')).toContainText(
      '第 1 行：找不到「主要職責／工作任務」表格的表頭',
    )
    await expect(page.getByTestId('draft-preview')).toHaveCount(0)
    await page.goto('/#/')
    await expect(page.getByText('自行新增')).toHaveCount(0)
  })

  test('a JSON file is kept; its removal is refused while an assessment uses it', async ({
    page,
  }) => {
    await addFromJson(page, 'acme.json', ownStandardFile())
    await page.getByRole('link', { name: '查看職能基準' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('艾克米營運主管')
    await expect(page.getByTestId('added-badge')).toHaveText('自行新增')

    await page.goto('/#/assessments/new?standard=ACME-ops-1')
    await page.getByLabel('姓名').fill('王小明')
    await page.getByRole('button', { name: '開始評分' }).click()
    await ratingPageReady(page)

    await page.goto('/#/standards/ACME-ops-1')
    await page.getByTestId('standard-remove').click()
    await page.getByRole('alertdialog').getByRole('button', { name: '移除' }).click()
    const refused = page.getByTestId('remove-refused')
    await expect(refused).toContainText('無法移除')
    await expect(refused.getByRole('link')).toContainText('王小明')
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('艾克米營運主管')
  })

  test('a bundled standard downloads as a template, reads back, and is not kept twice', async ({
    page,
  }) => {
    await page.goto(`/#/standards/${TTM}`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('standard-template').click(),
    ])
    const csv = readFileSync(await download.path(), 'utf8')
    expect(csv.startsWith('\uFEFFkind')).toBe(true)

    await page.goto('/#/standards/add')
    await page.getByRole('radio', { name: '試算表範本' }).check()
    await page
      .getByTestId('standard-template-input')
      .setInputFiles({ name: 'ttm.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await expect(page.getByTestId('draft-preview')).toContainText('旅遊業營運主管')
    await expect(page.locator('[data-count="tasks"] dd')).toHaveText('12')
    await page.getByTestId('draft-save').click()
    await expect(page.getByTestId('draft-refused')).toContainText(
      '這台裝置已有代碼相同的職能基準「旅遊業營運主管」',
    )
  })

  test('an added standard is there after an offline reload', async ({ context, page }) => {
    await addFromJson(page, 'acme.json', ownStandardFile())
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload()
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)

    await context.setOffline(true)
    // To the list as a person goes there, the address seen to change before the reload (a
    // navigation within the page is not waited for as a load is).
    await page
      .getByRole('navigation', { name: '主選單' })
      .getByRole('link', { name: '職能基準' })
      .click()
    await expect(page).toHaveURL(/#\/$/)
    await page.reload()
    const card = page.locator('[aria-labelledby="title-ACME-ops-1"]')
    await expect(card).toContainText('艾克米營運主管')
    await card.getByRole('link', { name: '艾克米營運主管' }).click()
    await expect(page.locator('.standard-page[data-complete="true"]')).toBeVisible()
    await expect(page.getByTestId('added-badge')).toBeVisible()
  })
})
