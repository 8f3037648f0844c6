import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, expectAccessible, test, type Page } from './fixtures'
import { TTM, item, ratingPageReady, rateAndWait } from './helpers'

/** A duty title of 30 characters, as long as real standards have them. */
const LONG = '推動與評估勞動法規遵循計畫並建立跨部門稽核與持續改善管理機制'

// The standard is served from the page's own requests: no service worker in between.
test.use({ serviceWorkers: 'block' })

/** Serves TTM4221-002v4 with T2's title replaced by the long one. */
async function serveLongTitle(page: Page): Promise<void> {
  await page.route(/TTM4221-002v4.*\.json$/, async (route) => {
    const response = await route.fetch()
    const standard = (await response.json()) as { duties: { code: string; title: string }[] }
    standard.duties.find((duty) => duty.code === 'T2')!.title = LONG
    await route.fulfill({ response, json: standard })
  })
}

/**
 * Rates a few items on the five-step scale (target 4): P2.1.1 = 1 (gap 3), P2.1.2 = 2 (gap 2),
 * P3.1.1 = 2 (gap 2), P1.1.1 = 3 (gap 1); P4.1.1 = 5 and A01 = 5 above the target, K01 = 4 on it.
 * The three largest gaps: P2.1.1, P2.1.2, P3.1.1 (ties by code).
 */
async function rateAFew(page: Page): Promise<string> {
  await page.goto(`/#/assessments/new?standard=${TTM}`)
  await page.getByLabel('姓名').fill('林雅婷')
  await page.getByLabel('部門（選填）').fill('人力資源部')
  await page.getByLabel('職稱（選填）').fill('勞動法遵專員')
  await page.getByRole('button', { name: '開始評分' }).click()
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/)
  await ratingPageReady(page)
  await expect(item(page, 'P2.1.1')).toBeAttached()
  const ratings = [
    ['P2.1.1', 1],
    ['P2.1.2', 2],
    ['P3.1.1', 2],
    ['P1.1.1', 3],
    ['P4.1.1', 5],
    ['A01', 5],
    ['K01', 4],
  ] as const
  for (const [key, value] of ratings) await rateAndWait(page, key, value)
  return page.url()
}

/** The figure of gap by duty: the chart, and its key that names every duty. */
function dutyFigure(page: Page) {
  return page.getByTestId('duty-chart')
}

/**
 * Why an element would not show whole: outside the page's width, cut by its own box or by an
 * ancestor that clips (overflow other than visible), ended with an ellipsis, or covered (by a
 * sticky bar, say). None: it shows whole.
 */
async function clipping(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((el) => {
    const problems: string[] = []
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) problems.push('no size')
    if (el.scrollWidth > el.clientWidth + 1) problems.push('wider than its box')
    if (el.scrollHeight > el.clientHeight + 1) problems.push('taller than its box')
    if (box.left < -1 || box.right > document.documentElement.clientWidth + 1)
      problems.push(`outside the page (${box.left}–${box.right})`)
    for (let up = el.parentElement; up; up = up.parentElement) {
      const style = getComputedStyle(up)
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
      const outer = up.getBoundingClientRect()
      if (
        box.left < outer.left - 1 ||
        box.right > outer.right + 1 ||
        box.top < outer.top - 1 ||
        box.bottom > outer.bottom + 1
      )
        problems.push(`clipped by ${up.tagName.toLowerCase()}.${up.className}`)
    }
    if (getComputedStyle(el).textOverflow === 'ellipsis') problems.push('ellipsis')
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    if (!top || !el.contains(top)) problems.push(`covered by ${top?.tagName.toLowerCase()}`)
    return problems
  })
}

async function expectWholeTitle(page: Page, where: string): Promise<void> {
  const figure = dutyFigure(page)
  await expect(figure).toHaveAttribute('data-drawn', 'true')
  const entry = figure.locator('[data-key="T2"]')
  await expect(entry).toBeVisible()
  await expect(entry).toContainText(LONG)
  await entry.scrollIntoViewIfNeeded()
  expect(await clipping(page, '[data-testid="duty-chart"] [data-key="T2"] .name'), where).toEqual(
    [],
  )
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0)
}

test('a 30-character duty title shows whole on a phone, a laptop and paper', async ({ page }) => {
  await serveLongTitle(page)
  const url = await rateAFew(page)
  const shots = test.info().outputPath('long-title')
  mkdirSync(shots, { recursive: true })

  // (a) A phone.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${url}/results`)
  await expectWholeTitle(page, 'phone')
  await page.locator('section.overview').screenshot({ path: join(shots, 'phone-overview.png') })
  const figures = await page.locator('figure.chart-figure').all()
  for (const [i, figure] of figures.entries())
    await figure.screenshot({ path: join(shots, `phone-figure-${i + 1}.png`) })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(shots, 'phone.png'), fullPage: true })
  await expectAccessible(page, 'results on a phone')

  // (b) A laptop.
  await page.setViewportSize({ width: 1280, height: 800 })
  await expectWholeTitle(page, 'laptop')
  await page.locator('section.overview').screenshot({ path: join(shots, 'laptop-overview.png') })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(shots, 'laptop.png'), fullPage: true })

  // (c) Paper: a browser lays a printed page out at the paper's width (A4 less 12 mm margins
  // ≈ 703 px); every chart is drawn again for it before the page is printed.
  await page.setViewportSize({ width: 703, height: 1000 })
  await page.emulateMedia({ media: 'print' })
  const fitted = () =>
    page.locator('figure.chart-figure canvas').evaluateAll((list) =>
      list.every((canvas) => {
        const box = canvas.parentElement!.getBoundingClientRect()
        const drawn = canvas.getBoundingClientRect()
        return Math.abs(drawn.width - box.width) <= 1 && Math.abs(drawn.height - box.height) <= 1
      }),
    )
  await expect.poll(fitted).toBe(true)
  // On paper the radar takes at least half the page's width, its key the rest.
  const radarWidth = await dutyFigure(page)
    .locator('canvas')
    .evaluate((canvas) => canvas.getBoundingClientRect().width)
  expect(radarWidth).toBeGreaterThanOrEqual(703 / 2)

  const pdf = join(shots, 'report.pdf')
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }))
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(shots, 'page')])
  // The text in the order it is drawn (-raw): the key's value sits beside a wrapped name.
  const text = (n: number) =>
    execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), pdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '')
  const first = text(1)
  expect(first, 'the whole title on page 1').toContain(`T2${LONG}`)
  // Page 1 stands alone: who, which standard, the scale, the overall figures (7 rated of 92,
  // mean gap 8/7 = 1.14, 3 of 7 meet the target), the chart's key, the 3 largest gaps and the
  // 3 strengths; the detail starts on page 2.
  for (const fact of ['林雅婷・人力資源部・勞動法遵專員', 'TTM4221-002v4', '五級熟練度'])
    expect(first).toContain(fact)
  expect(first).toContain('平均落差1.14達到目標43%已評分7/92')
  expect(first).toMatch(/落差最大的3項.*P2\.1\.1.*P2\.1\.2.*P3\.1\.1/)
  // Ties by code: A01 and P4.1.1 both 1 above the target.
  expect(first).toMatch(/強項（前3項）.*A01.*P4\.1\.1.*K01/)
  expect(first).not.toContain('詳細結果')
  // Page 2 opens with the running head (person, standard, date, page n of m), then the detail.
  expect(text(2)).toMatch(/^林雅婷・旅遊業營運主管.*第2頁，共\d+頁詳細結果/)

  // The radar as printed on page 1: the page's largest picture, at least half the printable
  // width (A4 less the margins: 186 mm) wide.
  const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', pdf], {
    encoding: 'utf8',
  })
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => (Number(cols[3]) / Number(cols[12])) * 25.4)
  expect(Math.max(...images), 'the radar’s printed width in mm').toBeGreaterThanOrEqual(186 / 2)
})
