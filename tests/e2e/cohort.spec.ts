/**
 * The trainer's cohort in a real browser, with files from the seeded generator
 * (tests/tools/generate-cohort.ts) written to each test's output folder (never committed):
 * 200 files and 5 broken ones through the file input (progress, what was pooled, what was
 * refused and why, in the app's own words); the heatmap and the common gaps equal the figures
 * of the same domain functions run here in Node; a cancel mid-import leaves exactly what the
 * page said, after a reload too; a reload keeps the cohort; a .zip with a sub-folder; the
 * anonymised mode hides every name on screen and in the tidy CSV.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'
import { expect, test, type Page } from './fixtures'
import { generateCohort, loadSeedStandard, type GeneratedFile } from '../tools/generate-cohort'
import { getScale } from '../../src/domain/assessment/scales'
import { ASSESSMENT_FILE_VERSION } from '../../src/domain/files/assessment-file'
import { itemStats, topCommonGaps } from '../../src/domain/cohort/item-stats'
import { heatmap, type HeatCell, type HeatmapGrouping } from '../../src/domain/cohort/heatmap'
import { buildCohort } from '../../src/domain/cohort/cohort'
import type { AssessmentFile, AssessmentFileContent } from '../../src/domain/files/assessment-file'
import type { ProblemCode } from '../../src/domain/io/problems'
import { standardVersion } from '../../src/domain/standard/identity'
import { zhTW } from '../../src/i18n/messages/zh-TW'
import { DB_NAME } from '../../src/db/db'
import { RECORDS_PER_TRANSACTION } from '../../src/workers/cohort-import.worker'

const standard = loadSeedStandard('TTM4221-002v4')
const scale = getScale('proficiency-5')

/** Writes generated files to the test's output folder; returns their paths, in order. */
function writeAll(files: readonly GeneratedFile[], folder: (name: string) => string): string[] {
  return files.map((file) => {
    const path = folder(file.name)
    writeFileSync(path, file.text)
    return path
  })
}

/** What a file holds once the app has checked it: the file without its seal. */
function contentOf(file: GeneratedFile): AssessmentFileContent {
  const { integrity, ...content } = JSON.parse(file.text) as AssessmentFile
  return content
}

/** A zh-TW message as a pattern: each `{param}` is the value given, or any text. */
function wording(template: string, params: Record<string, string | number> = {}): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const parts = template.split(/(\{\w+\})/).map((part) => {
    const param = /^\{(\w+)\}$/.exec(part)?.[1]
    if (!param) return escape(part)
    return param in params ? escape(String(params[param])) : '.+?'
  })
  return new RegExp(parts.join(''))
}

/** How the app words (in zh-TW, see src/i18n/problems.ts) each problem the generator makes. */
const said = zhTW.problems.file
const REASONS: Partial<Record<ProblemCode, RegExp>> = {
  // With or without the line and column: both start with these words.
  'not-json': wording(said.notJson),
  'integrity-mismatch': wording(said.integrityMismatch),
  'version-newer': wording(said.versionNewer, {
    kind: said.kinds.assessment,
    found: ASSESSMENT_FILE_VERSION + 1,
    supported: ASSESSMENT_FILE_VERSION,
  }),
  'unknown-item': wording(said.unknownItem, { item: 'K999' }),
}

/**
 * Records every state of the progress element from now on, in the page: an import of a few
 * hundred files can end before a test could look, but the page cannot skip rendering it (the
 * worker's reports arrive as separate tasks, and Vue renders between them).
 */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { done: number; total: number }[] = []
    ;(window as unknown as { __cohortProgress: typeof seen }).__cohortProgress = seen
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLElement>('[data-testid="cohort-progress"]')
      if (bar) seen.push({ done: Number(bar.dataset.done), total: Number(bar.dataset.total) })
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-done', 'data-total'],
    })
  })
}

async function recordedProgress(page: Page): Promise<{ done: number; total: number }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __cohortProgress: { done: number; total: number }[] })
        .__cohortProgress,
  )
}

/** The heatmap as the page shows it: per task, the whole cohort's value and each group's cell. */
async function shownHeatmap(page: Page) {
  return page
    .locator('[data-testid="heatmap"] table.heat tbody tr[data-task]')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        task: (row as HTMLElement).dataset.task,
        all: row.querySelector<HTMLElement>('td.all')?.dataset.value,
        cells: [...row.querySelectorAll<HTMLElement>('td[data-group]')].map((td) => [
          td.dataset.group,
          td.dataset.value,
          td.dataset.people,
        ]),
      })),
    )
}

/** The same, from the domain functions run here on the generated files. */
function expectedHeatmap(
  contents: AssessmentFileContent[],
  by: HeatmapGrouping,
  measure: 'meanGap' | 'shareBelow',
) {
  const heat = heatmap(buildCohort(standard, scale, contents), by)
  const value = (cell: HeatCell) => String(cell[measure] ?? '')
  return heat.rows.map((row) => ({
    task: row.task,
    all: value(row.all),
    cells: row.cells.map((cell, i) => [heat.groups[i]!.key, value(cell), String(cell.people)]),
  }))
}

/**
 * Holds the cohort's table from a connection of the test's own in the page: a read-write
 * transaction kept alive by a request after each answer, until `__releaseCohortTable()`.
 * The app's writes to the table wait behind it, as IndexedDB orders transactions.
 */
async function holdCohortTable(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const table = db.transaction('cohortFiles', 'readwrite').objectStore('cohortFiles')
          let released = false
          const keepAlive = () => {
            if (!released) table.count().onsuccess = keepAlive
          }
          keepAlive()
          ;(window as unknown as { __releaseCohortTable: () => void }).__releaseCohortTable =
            () => {
              released = true
              db.close()
            }
          resolve()
        }
      }),
    DB_NAME,
  )
}

const outcome = (page: Page) => page.getByTestId('cohort-import-outcome')
const assessmentsFact = (page: Page) =>
  page.getByTestId('cohort-summary').locator('[data-fact="assessments"] dd')

test('200 files and 5 broken ones: progress, 200 pooled, the 5 refused with their reasons; the heatmap and common gaps equal the domain figures; a reload keeps the cohort', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const { files, broken } = await generateCohort({ standard, n: 200, seed: 11, broken: 5 })
  const paths = writeAll([...files, ...broken], (name) => testInfo.outputPath(name))

  await page.goto('/#/cohort')
  await expect(page.getByTestId('cohorts-empty')).toBeVisible()
  await recordProgress(page)
  await page.getByTestId('cohort-file-input').setInputFiles(paths)

  await test.step('progress, then 200 pooled and 5 refused', async () => {
    await expect(outcome(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
    await expect(outcome(page)).toHaveAttribute('data-kept', '200')
    await expect(outcome(page)).toHaveAttribute('data-rejected', '5')
    const seen = await recordedProgress(page)
    expect(seen.length, 'the progress bar was shown').toBeGreaterThan(0)
    expect(seen.some((s) => s.total === 205)).toBe(true)
    await expect(page.getByTestId('cohort-progress')).toHaveCount(0)
    await expect(assessmentsFact(page)).toHaveText('200')
  })

  await test.step('the broken files listed with their names and reasons', async () => {
    const list = page.getByTestId('cohort-rejected')
    await expect(list.locator('tbody tr')).toHaveCount(5)
    for (const file of broken) {
      const row = list.locator(`tr[data-file="${file.name}"]`)
      await expect(row.locator('td').first()).toHaveText(file.name)
      const reason = REASONS[file.code]
      expect(reason, `a wording for ${file.code}`).toBeDefined()
      await expect(row.locator('td').nth(1), `${file.name}: ${file.reason}`).toHaveText(reason!)
    }
    // The edited one, in plain words: its integrity seal does not match.
    const edited = broken.find((b) => b.code === 'integrity-mismatch')!
    await expect(list.locator(`tr[data-file="${edited.name}"]`)).toContainText('完整性')
  })

  const contents = files.map(contentOf)
  await test.step('the heatmap equals the domain figures, by mean gap and by share below', async () => {
    const expected = expectedHeatmap(contents, 'department', 'meanGap')
    // Not a vacuous comparison: the known fixture has tasks and its two largest departments.
    expect(expected.length).toBeGreaterThan(5)
    const groups = expected[0]!.cells.map(([group]) => group)
    expect(groups).toEqual(expect.arrayContaining(['業務部', '客服部']))
    await expect(page.locator('.cohort-page[data-state="ready"]')).toBeVisible()
    expect(await shownHeatmap(page)).toEqual(expected)
    // One cell by name, as a person would point at it: task T1.1 in 業務部.
    const [, value, people] = expected
      .find((row) => row.task === 'T1.1')!
      .cells.find(([group]) => group === '業務部')!
    const cell = page.locator(
      '[data-testid="heatmap"] tr[data-task="T1.1"] td[data-group="業務部"]',
    )
    await expect(cell).toHaveAttribute('data-value', value!)
    await expect(cell).toHaveAttribute('data-people', people!)

    await page.getByTestId('heatmap-measure').selectOption('shareBelow')
    await expect(page.locator('[data-testid="heatmap"] table.heat')).toHaveAttribute(
      'data-measure',
      'shareBelow',
    )
    expect(await shownHeatmap(page)).toEqual(expectedHeatmap(contents, 'department', 'shareBelow'))
  })

  await test.step('the top common gaps equal the domain figures, in order', async () => {
    // Every item with a gap, ranked; the page shows the first of them.
    const ranked = topCommonGaps(itemStats(buildCohort(standard, scale, contents)))
    const rows = page.locator('[data-testid="common-gaps"] tr[data-item]')
    await expect(rows.first()).toBeVisible()
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset.item,
        tr.querySelector('[data-col="below"]')?.textContent?.trim(),
      ]),
    )
    expect(shown.length).toBeGreaterThanOrEqual(10)
    expect(shown).toEqual(
      ranked.slice(0, shown.length).map((s) => [s.item.key, `${s.below} / ${s.rated}`]),
    )
  })

  await test.step('a reload keeps the cohort', async () => {
    await page.reload()
    await expect(assessmentsFact(page)).toHaveText('200')
    await expect(page.getByTestId('cohort-choose').locator('option')).toHaveCount(1)
    // The report draws a section a frame at a time: read it once the page says it is whole.
    await expect(page.locator('.cohort-page[data-state="ready"]')).toBeVisible()
    expect(await shownHeatmap(page)).toEqual(expectedHeatmap(contents, 'department', 'meanGap'))
  })
})

test('a cancel mid-import keeps the files done before it, each whole, and says how many; a reload shows the same', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000)
  const total = 1500
  const { files } = await generateCohort({ standard, n: total, seed: 12 })
  const paths = writeAll(files, (name) => testInfo.outputPath(name))

  await page.goto('/#/cohort')
  await expect(page.getByTestId('cohorts-empty')).toBeVisible()
  // The batch cannot end before the cancel: another connection holds the cohort's table in a
  // read-write transaction (kept alive until released), so the import's first write waits
  // behind it while the worker checks the files of the next one, and no further.
  await holdCohortTable(page)
  await page.getByTestId('cohort-file-input').setInputFiles(paths)
  const progress = page.getByTestId('cohort-progress')
  await expect(progress).toBeVisible()
  await expect(progress).toHaveAttribute('data-total', String(total))
  // The first transaction's files are checked: its write is waiting, and the batch with it.
  await expect
    .poll(async () => Number(await progress.getAttribute('data-done')))
    .toBeGreaterThanOrEqual(RECORDS_PER_TRANSACTION)
  await page.getByTestId('cohort-cancel').click()
  await page.evaluate(() =>
    (window as unknown as { __releaseCohortTable: () => void }).__releaseCohortTable(),
  )

  await expect(outcome(page)).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 })
  await expect(outcome(page)).toHaveAttribute('data-rejected', '0')
  const kept = Number(await outcome(page).getAttribute('data-kept'))
  // The write held, and those checked while it waited: two transactions at most for each of
  // the two workers a batch this large is shared by.
  expect(kept).toBeGreaterThanOrEqual(RECORDS_PER_TRANSACTION)
  expect(kept).toBeLessThanOrEqual(4 * RECORDS_PER_TRANSACTION)
  await expect(outcome(page)).toContainText(`${kept} 個檔案都已完整保存`)
  await expect(assessmentsFact(page)).toHaveText(String(kept))

  await page.reload()
  const option = `${standard.title} ${standardVersion(standard)}・${scale.name['zh-TW']}・${kept} 份自評`
  await expect(page.getByTestId('cohort-choose').locator('option')).toHaveText([option])
  await expect(assessmentsFact(page)).toHaveText(String(kept))
})

test('a .zip of 20 files, some in a sub-folder, is pooled whole, by the worker the page started ahead', async ({
  page,
}, testInfo) => {
  const { files } = await generateCohort({ standard, n: 20, seed: 13 })
  const entries = Object.fromEntries(
    files.map((file, i) => [i % 2 ? `團隊/業務部/${file.name}` : file.name, strToU8(file.text)]),
  )
  const zip = testInfo.outputPath('cohort.zip')
  writeFileSync(zip, zipSync(entries))

  /** The import workers the page started, and whether each has ended. */
  const workers: { closed: boolean }[] = []
  page.on('worker', (worker) => {
    if (!/cohort-import\.worker/.test(worker.url())) return
    const seen = { closed: false }
    workers.push(seen)
    worker.on('close', () => (seen.closed = true))
  })
  await page.goto('/#/cohort')
  await expect(page.getByTestId('cohorts-empty')).toBeVisible()
  // The import's workers (two, for a batch large enough to share) are started once the page
  // is shown, before any file is chosen.
  await expect.poll(() => workers.length).toBe(2)
  await page.getByTestId('cohort-file-input').setInputFiles(zip)
  await expect(outcome(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  // One .zip is not shared: the batch ran on the first (a batch's worker ends with the batch),
  // the second waits for the next, and a third is started beside it.
  await expect.poll(() => workers.map((w) => w.closed)).toEqual([true, false, false])
  await expect(outcome(page)).toHaveAttribute('data-kept', '20')
  await expect(outcome(page)).toHaveAttribute('data-rejected', '0')
  await expect(page.getByTestId('cohort-rejected')).toHaveCount(0)
  await expect(assessmentsFact(page)).toHaveText('20')
  await expect(page.getByTestId('cohort-summary').locator('[data-fact="people"] dd')).toHaveText(
    '20',
  )
})

test('the anonymised mode: no name on screen when grouped by person, none in the tidy CSV', async ({
  page,
}, testInfo) => {
  const { files } = await generateCohort({ standard, n: 20, seed: 14, reviewedShare: 0.5 })
  const contents = files.map(contentOf)
  const names = [
    ...new Set(
      contents.flatMap((c) => [
        c.assessment.subject.name,
        ...(c.review ? [c.review.reviewer.name] : []),
      ]),
    ),
  ]
  expect(names.length).toBeGreaterThan(10)

  await page.goto('/#/cohort')
  await expect(page.getByTestId('cohorts-empty')).toBeVisible()
  await page
    .getByTestId('cohort-file-input')
    .setInputFiles(writeAll(files, (name) => testInfo.outputPath(name)))
  await expect(outcome(page)).toHaveAttribute('data-kept', '20', { timeout: 30_000 })

  const heat = page.getByTestId('heatmap')
  const columns = heat.locator('table.heat thead th[data-group]')
  await page.getByTestId('heatmap-by').selectOption('person')
  await expect(columns).toHaveCount(20)
  // Without the mode the columns are the people's names: the check below means something.
  const subjects = contents.map((c) => c.assessment.subject.name)
  const named = (await columns.allTextContents()).map((s) => s.trim())
  expect(subjects).toEqual(expect.arrayContaining(named))

  await page.getByTestId('anonymise').check()
  await expect(columns.first()).toHaveText(/^\s*成員 \d{3}\s*$/)
  const headers = (await columns.allTextContents()).map((s) => s.trim())
  expect(headers.every((h) => /^成員 \d{3}$/.test(h))).toBe(true)
  expect(new Set(headers).size).toBe(20)
  const html = await page.content()
  for (const name of names) expect(html, `the page shows ${name}`).not.toContain(name)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-tidy').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/-anonymised\.csv$/)
  const saved = testInfo.outputPath('tidy.csv')
  await download.saveAs(saved)
  const csv = readFileSync(saved, 'utf8')
  for (const name of names) expect(csv, `the tidy CSV holds ${name}`).not.toContain(name)
  expect(csv).toContain('成員')
  expect(new Set(csv.match(/成員 \d{3}/g)).size).toBe(20)
})
