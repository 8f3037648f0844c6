import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from '@playwright/test'
import type { BenchResults } from './results'
import { summary } from './run'
import { ensureCatalogue } from '../../scripts/catalogue/output'

/** Keystrokes, as a person types and deletes: every one changes the list's results. */
const KEYSTROKES = ['會', '會計', '會計主', '會計', '會', '', 'F', 'FA', 'FAC', 'FA', 'F', '']
const ROUNDS = 5
const OPENS = 7
const CONVERSIONS = 3

/** Shows the list with the catalogue loaded, and slows the CPU 4×. */
async function listReady(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/#/`)
  await page.getByTestId('catalogue-search').waitFor()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
}

/**
 * One keystroke: the input event (as typing sends it) to the filtered list in the page, laid
 * out. Vue draws a change in a microtask after the event, so a task queued behind it runs once
 * the list is there; reading the layout then makes the browser lay it out, as a frame would.
 */
function keystroke(page: Page, value: string): Promise<number> {
  // A string, not a function: the bench runs through tsx, whose helpers the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const input = document.querySelector('[data-testid="catalogue-search"]')
    const start = performance.now()
    input.value = ${JSON.stringify(value)}
    input.dispatchEvent(new Event('input', { bubbles: true }))
    setTimeout(() => {
      void document.querySelector('[data-testid="catalogue-results"]').getBoundingClientRect()
      resolve(performance.now() - start)
    }, 0)
  })`) as Promise<number>
}

/**
 * A click on a result to its page drawn, the standard not yet cached (each sample opens another
 * one, in a fresh browser context): its first screen (title and facts, the transcription notice,
 * the first task) in the frame after they are in the page; and the whole page, which a
 * standard's page draws a part at a time after its first screen, as for every standard.
 */
async function openOne(
  browser: Browser,
  base: string,
  n: number,
): Promise<{ first: number; whole: number }> {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  await listReady(page, base)
  await keystroke(page, '人員')
  // The list fetches the code of a standard's page once it is idle (as a person reads it).
  await page.waitForTimeout(1000)
  const times = (await page.evaluate(`new Promise((resolve) => {
    const links = document.querySelectorAll('[data-testid="catalogue-results"] h3 a')
    const link = links[${n} % links.length]
    let start = 0
    let first = 0
    const firstScreen = () =>
      document.querySelector('.standard-page h1') &&
      document.querySelector('[data-testid="transcription-notice"]') &&
      document.querySelector('.standard-page [id^="task-"]')
    const observer = new MutationObserver(() => {
      if (!first && firstScreen()) {
        first = -1
        requestAnimationFrame(() => (first = performance.now() - start))
      }
      if (!document.querySelector('.standard-page[data-complete="true"]')) return
      observer.disconnect()
      const whole = performance.now() - start
      requestAnimationFrame(() => resolve({ first, whole }))
    })
    observer.observe(document.body, { childList: true, subtree: true, attributes: true })
    start = performance.now()
    link.click()
  })`)) as { first: number; whole: number }
  await context.close()
  return times
}

/**
 * The catalogue: the index's size (what the first screen loads), a keystroke to the filtered
 * list of every standard, a click on a result to its page drawn (not cached), each at 4× CPU,
 * and the whole conversion at build time (reading, converting, checking, writing).
 */
export async function catalogueBenchmarks(
  browser: Browser,
  base: string,
  dist: string,
  results: BenchResults,
): Promise<void> {
  const index = readFileSync(`${dist}/catalogue/index.json`)
  const entries = (JSON.parse(index.toString()) as { entries: unknown[] }).entries.length
  const gzip = gzipSync(index, { level: 9 }).length
  results.row(
    'catalogue index (gzip)',
    `${entries} entries (aim ≤ 60 kB)`,
    `${(gzip / 1000).toFixed(1)} kB`,
  )
  results.figure('catalogue_index_kb', gzip / 1000)

  const page = await browser.newPage()
  await listReady(page, base)
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++)
    for (const value of KEYSTROKES) times.push(await keystroke(page, value))
  await page.close()
  const typed = summary(times)
  const condition = `${entries} entries, 4× CPU, ${times.length} keystrokes`
  results.row('catalogue search, median', condition, `${typed.median.toFixed(1)} ms`)
  results.row('catalogue search, p95', `${condition} (aim ≤ 16)`, `${typed.p95.toFixed(1)} ms`)
  results.figure('catalogue_search_ms', typed.p95)

  const opens: { first: number; whole: number }[] = []
  for (let n = 0; n < OPENS; n++) opens.push(await openOne(browser, base, n))
  const first = summary(opens.map((o) => o.first)).median
  const whole = summary(opens.map((o) => o.whole)).median
  const opened = `not cached, 4× CPU, ${OPENS} standards`
  results.row(
    'catalogue standard opened, median',
    `click → first screen drawn, ${opened} (aim ≤ 300)`,
    `${first.toFixed(0)} ms`,
  )
  results.row('  the whole page drawn, median', `part by part, ${opened}`, `${whole.toFixed(0)} ms`)
  results.figure('catalogue_open_ms', first)
  results.figure('catalogue_open_whole_ms', whole)

  // Into a folder of its own: the build's .catalogue/ stays as it is.
  const out = mkdtempSync(join(tmpdir(), 'gaplens-catalogue-'))
  process.env.GAPLENS_CATALOGUE_OUT = out
  const runs: number[] = []
  try {
    for (let i = 0; i < CONVERSIONS; i++) runs.push(ensureCatalogue(process.cwd(), true).ms)
  } finally {
    delete process.env.GAPLENS_CATALOGUE_OUT
    rmSync(out, { recursive: true, force: true })
  }
  const converted = summary(runs).median
  results.row(
    'catalogue conversion (Node)',
    `908 files read, converted, checked, written; median of ${CONVERSIONS}`,
    `${converted.toFixed(0)} ms`,
  )
  results.figure('catalogue_convert_ms', converted)
}
