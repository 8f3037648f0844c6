/**
 * The record a manager signs, printed to A4 as a person prints it (from a laptop's window, no
 * print emulation set first) and read back from the PDF: a standard of 150 items with long
 * notes, evidence and a supervisor's comments, the employee's report in zh-TW and the review's
 * in English, each on its own device (restored from a backup made by tests/e2e/report-data.ts).
 *
 * On every page: the person, the standard and the date in the top margin, "page n of m" in the
 * bottom one; no page but the last less than half full; no heading or table header as a page's
 * last line. Page 1 stands alone (who, standard and version, date, figures, the chart by duty
 * with no letter under 8 pt, the three largest gaps and strengths, ties said); then the plan,
 * then the detail; every note, piece of evidence and supervisor comment beside its item; the
 * sign-off at the end, naming the review and the key that signed it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from './fixtures'
import {
  ASSESSMENT_ID,
  EMPLOYEE,
  REPORT_STANDARD_ID,
  REVIEW_ID,
  REVIEWER,
  reportData,
  type ReportData,
} from './report-data'
import {
  bodyWords,
  boxPerPoint,
  findAcrossPages,
  fontSize,
  lastLine,
  marginText,
  pageCount,
  readPdf,
  squash,
  type PdfPage,
} from './pdf'

const LAPTOP = { width: 1280, height: 800 }
/** A4 with the report's margins (14 mm at the top, 16 mm at the bottom), in points. */
const TOP = (14 / 25.4) * 72
const BOTTOM = 842.88 - (16 / 25.4) * 72

async function restore(page: Page, backup: unknown): Promise<void> {
  await page.goto('/#/settings')
  await page.getByTestId('restore-input').setInputFiles({
    name: 'report-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  })
  await page.getByTestId('restore-confirm').click()
  await expect(page.getByTestId('restore-done')).toBeVisible({ timeout: 30_000 })
}

/** What the page says that the PDF is checked against: read from the page, not guessed. */
async function onScreen(page: Page) {
  await expect(page.locator('figure.chart-figure[data-drawn="true"]')).toHaveCount(4, {
    timeout: 30_000,
  })
  return page.evaluate(() => {
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '')
    const record = document.querySelector('[data-testid="item-record"]')!
    return {
      date: document.querySelector('.report-header time')!.getAttribute('datetime')!,
      // Headings and table headers: none may end a page.
      headings: [
        ...document.querySelectorAll('.results h1, .results h2, .results h3, .results caption'),
        ...document.querySelectorAll('.results thead'),
      ]
        .map((el) => squash(el.textContent))
        .filter(Boolean),
      record: squash(record.querySelector('h2')?.textContent),
      plan: squash(document.querySelector('[data-testid="plan"] h2')?.textContent),
      detail: squash(document.querySelector('#results-detail')?.textContent),
      signOff: squash(document.querySelector('#sign-off-title')?.textContent),
      // Each row of the record: its code and text, as it prints at the row's head.
      rows: [...record.querySelectorAll<HTMLElement>('tbody tr')].map((tr) => {
        const head = tr.querySelector('th')!.cloneNode(true) as Element
        head.querySelectorAll('[data-text]').forEach((text) => text.remove())
        return { key: tr.dataset.item!, head: squash(head.textContent) }
      }),
      // The record's header row, repeated at the top of each page it runs over.
      recordHead: squash(record.querySelector('thead')?.textContent),
      // Charts left off paper and the sentence each prints instead.
      leftOut: [...document.querySelectorAll('figure[data-paper]')].filter(
        (f) => (f as HTMLElement).dataset.paper !== 'chart',
      ).length,
      sentences: [...document.querySelectorAll('[data-testid="paper-notes"] p')].map((p) =>
        squash(p.textContent),
      ),
      duties: [...document.querySelectorAll('[data-testid="duty-chart"] [data-key]')].map(
        (li) => (li as HTMLElement).dataset.key!,
      ),
    }
  })
}

type Shown = Awaited<ReturnType<typeof onScreen>>

/**
 * The table headers whose words run into the next header's on paper (a word wider than its
 * column): laid out for print at the width of A4 less its margins (186 mm), each header's
 * text box against the next one's in its row.
 */
async function collidingHeaders(page: Page): Promise<string[]> {
  const viewport = page.viewportSize()!
  await page.setViewportSize({ width: 703, height: viewport.height })
  await page.emulateMedia({ media: 'print' })
  const found = await page.evaluate(() => {
    const textBox = (el: Element) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return range.getBoundingClientRect()
    }
    const hits: string[] = []
    for (const row of document.querySelectorAll('.results thead tr')) {
      const cells = [...row.querySelectorAll('th')].filter((th) => th.getClientRects().length)
      cells.slice(1).forEach((th, i) => {
        const before = textBox(cells[i]!)
        const after = textBox(th)
        if (before.width && after.width && before.right > after.left + 0.5)
          hits.push(`${cells[i]!.textContent?.trim()} | ${th.textContent?.trim()}`)
      })
    }
    return hits
  })
  await page.emulateMedia({ media: null })
  await page.setViewportSize(viewport)
  return found
}

async function printPdf(page: Page, path: string): Promise<PdfPage[]> {
  writeFileSync(path, await page.pdf({ format: 'A4', printBackground: true }))
  const pages = readPdf(path)
  expect(pages).toHaveLength(pageCount(path))
  return pages
}

/** Every page's margins, fill and last line; page 1 alone; the order of the parts. */
function expectPages(
  pages: PdfPage[],
  shown: Shown,
  words: { footer: (n: number, of: number) => string; standard: string },
): string[] {
  const n = pages.length
  // The body of each page without its margins, and without the record's header row that
  // repeats at the top of a page: a note cut by the page's end reads on.
  const bodies = pages.map((p) => {
    const head = marginText(p, 'top', TOP)
    const foot = marginText(p, 'bottom', BOTTOM)
    const body = p.text.replace(head, '').replace(foot, '')
    return body.startsWith(shown.recordHead) ? body.slice(shown.recordHead.length) : body
  })
  for (const p of pages) {
    const where = `page ${p.n} of ${n}`
    const head = marginText(p, 'top', TOP)
    for (const part of [squash(EMPLOYEE), words.standard, shown.date])
      expect(head, `${where}: the running head names ${part}`).toContain(part)
    expect(marginText(p, 'bottom', BOTTOM), where).toBe(squash(words.footer(p.n, n)))
    const last = lastLine(p, TOP, BOTTOM)
    expect(shown.headings, `${where} ends on a heading: ${last}`).not.toContain(last)
    if (p.n < n) {
      const low = Math.max(...bodyWords(p, TOP, BOTTOM).map((w) => w.yMax))
      expect((low - TOP) / (BOTTOM - TOP), `${where} is at least half full`).toBeGreaterThan(0.5)
    }
  }
  // Page 1 stands alone; the plan opens page 2; the detail, the record and the sign-off follow.
  expect(bodies[0]).not.toContain(shown.plan)
  expect(bodies[1]!.startsWith(shown.plan), 'page 2 opens with the plan').toBe(true)
  const all = bodies.join('')
  const order = [shown.plan, shown.detail, shown.record, shown.signOff].map((h) => all.indexOf(h))
  expect(
    order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)),
    `${order}`,
  ).toBe(true)
  return bodies
}

/** No letter on page 1 under 8 pt, the chart's own (its duty codes, its axis) among them. */
function expectReadableFirstPage(first: PdfPage, shown: Shown): void {
  const head = first.words.filter((w) => w.yMax <= TOP)
  const perPoint = boxPerPoint(head, 8)
  const body = bodyWords(first, TOP, BOTTOM)
  const small = body.filter((w) => fontSize(w, perPoint) < 7.95)
  expect(
    small.map((w) => `${w.text} ${fontSize(w, perPoint).toFixed(1)} pt`),
    'letters under 8 pt on page 1',
  ).toEqual([])
  // Each duty's code twice: on the chart (drawn as text into the PDF) and in its key.
  for (const code of shown.duties)
    expect(
      body.filter((w) => w.text === code).length,
      `${code} on the chart`,
    ).toBeGreaterThanOrEqual(2)
}

/** Every note, piece of evidence and comment between its item's row head and the next one. */
function expectEveryText(bodies: string[], shown: Shown, data: ReportData): void {
  const all = bodies.join('')
  let at = all.indexOf(shown.record)
  expect(at).toBeGreaterThan(0)
  const starts = shown.rows.map((row) => {
    at = all.indexOf(row.head, at)
    expect(at, `the record's row of ${row.key}`).toBeGreaterThan(0)
    return at
  })
  const { notes, evidence, comments } = data.texts
  let checked = 0
  shown.rows.forEach((row, i) => {
    const end = starts[i + 1] ?? all.length
    for (const [kind, texts] of [
      ['note', notes],
      ['evidence', evidence],
      ['comment', comments],
    ] as const) {
      const text = texts.get(row.key)
      if (!text) continue
      const found = findAcrossPages(all, squash(text), starts[i]!)
      expect(found >= 0 && found < end, `${row.key}'s ${kind} beside it, whole`).toBe(true)
      checked++
    }
  })
  expect(checked).toBe(notes.size + evidence.size + comments.size)
}

test('the printed record: the employee’s report in zh-TW and the review’s in English, 150 items with long notes', async ({
  page,
  openContext,
}) => {
  test.setTimeout(180_000)
  const data = await reportData()
  expect(data.order).toHaveLength(150)
  const dir = test.info().outputPath('report')
  mkdirSync(dir, { recursive: true })
  // The agreed items with a comment, and the note of about 3,000 characters, are in the data.
  expect(data.texts.agreedWithComment.length).toBeGreaterThan(10)
  expect(Math.max(...[...data.texts.notes.values()].map((t) => t.length))).toBeGreaterThan(2500)

  // The employee's device, in zh-TW.
  await page.setViewportSize(LAPTOP)
  await restore(page, data.employee)
  await page.goto(`/#/assessments/${ASSESSMENT_ID}/results`)
  const mine = await onScreen(page)
  const minePdf = await printPdf(page, join(dir, 'employee.pdf'))
  const mineBodies = expectPages(minePdf, mine, {
    standard: REPORT_STANDARD_ID,
    footer: (n, of) => `第 ${n} 頁，共 ${of} 頁`,
  })
  expectReadableFirstPage(minePdf[0]!, mine)
  expect(await collidingHeaders(page), 'headers that run into the next on paper').toEqual([])
  const first = mineBodies[0]!
  for (const fact of [EMPLOYEE, '旅遊業營運經理', REPORT_STANDARD_ID, '版本V2', mine.date])
    expect(first, `page 1 names ${fact}`).toContain(fact)
  for (const figure of ['平均落差', '1.19', '40%', '146/150', '各主要職責的落差'])
    expect(first, `page 1 shows ${figure}`).toContain(figure)
  expect(first).toContain('落差最大的3項')
  expect(first).toContain('強項（前3項）')
  expect(first, 'ties said on page 1').toMatch(/另有\d+項與最後一項同為落差3/)
  // Charts that would say no more than a sentence print the sentence.
  expect(mine.leftOut).toBe(mine.sentences.length)
  for (const line of mine.sentences) expect(mineBodies.join('')).toContain(line)
  expectEveryText(mineBodies, mine, data)
  const mineLast = mineBodies.at(-1)!
  for (const words of ['簽核', '受評者', '主管', '簽名', '日期', squash(data.texts.overallComment)])
    expect(mineLast, `the sign-off has ${words}`).toContain(words)
  expect(mineLast, 'the review carried, and its key').toContain(
    squash(`周主管 於 2026-11-27 的檢視，已簽章，金鑰指紋 ${data.texts.fingerprint}`),
  )
  for (const control of ['列印報告', '存成PNG', '回到評分', '以表格檢視', '目標設定', '新增行動'])
    expect(mineBodies.join(''), `${control} is a control: not on paper`).not.toContain(control)

  // The supervisor's device, in English.
  const supervisor = await (await openContext({ viewport: LAPTOP })).newPage()
  await restore(supervisor, data.supervisor)
  await supervisor.goto(`/#/reviews/${REVIEW_ID}/results`)
  await supervisor.getByRole('button', { name: 'English' }).click()
  await expect(supervisor.getByText('Competency gap report')).toBeVisible()
  const theirs = await onScreen(supervisor)
  const theirsPdf = await printPdf(supervisor, join(dir, 'review.pdf'))
  const theirBodies = expectPages(theirsPdf, theirs, {
    standard: REPORT_STANDARD_ID,
    footer: (n, of) => `Page ${n} of ${of}`,
  })
  expectReadableFirstPage(theirsPdf[0]!, theirs)
  expect(await collidingHeaders(supervisor), 'headers that run into the next on paper').toEqual([])
  for (const words of ['Competencygapreport', 'Meangap', 'The3largestgaps', 'Strengths(top3)'])
    expect(theirBodies[0]).toContain(words)
  expect(theirBodies[0]).toMatch(/\d+moresharethelastone’sfigure:agapof3/)
  expectEveryText(theirBodies, theirs, data)
  const theirLast = theirBodies.at(-1)!
  for (const words of ['Sign-off', 'Employee', 'Supervisor', 'Signature', 'Date', REVIEWER])
    expect(theirLast, `the sign-off has ${words}`).toContain(words)
  expect(theirLast).toContain(squash(data.texts.overallComment))
  expect(theirLast).toContain(squash(`This report is the review by ${REVIEWER} of 2026-11-27`))

  console.log(
    `printed: the employee's report ${minePdf.length} pages, the review's ${theirsPdf.length} pages`,
  )
})
