/**
 * `npm run bench`: builds the app, serves the build, and measures it in the machine's
 * Chromium. Prints one table. Figures, not pass/fail: nothing here is a timed test.
 *
 *   - autosave latency: input event → IndexedDB commit, from the app's own User Timing
 *     measure (gaplens:autosave), at normal speed and with 4× CPU throttling;
 *   - the size of the entry JavaScript and the chart chunk, gzipped;
 *   - the results page: from opening it to its charts drawn, for each seed standard.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { extraBenchmarks } from './extra'
import { lighthouseBenchmarks } from './lighthouse'
import { BenchResults } from './results'

const PORT = 4319
const BASE = `http://127.0.0.1:${PORT}`
const SAMPLES = 60

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo)
}

export function summary(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const ms = (value: number) => `${value.toFixed(1)} ms`

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length
}

async function startAssessment(page: Page, standard: string): Promise<void> {
  await page.goto(`${BASE}/#/assessments/new?standard=${standard}`)
  await page.getByLabel('姓名').fill('Bench')
  await page.getByRole('button', { name: '開始評分' }).click()
  await page.locator('.rate-page[data-resumed="true"]').waitFor()
}

async function autosave(page: Page, throttle: number): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  await startAssessment(page, 'TTM4221-002v4')
  await page.evaluate(() => performance.clearMeasures('gaplens:autosave'))
  const keys = await page
    .locator('[data-item-key]')
    .evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.itemKey!))])
  for (let i = 0; i < SAMPLES; i++) {
    const key = keys[i % keys.length]!
    const el = page.locator(`[data-item-key="${key}"]`).first()
    await el.locator(`[data-value="${(i % 5) + 1}"]`).click()
    await page.waitForFunction(
      (n) => performance.getEntriesByName('gaplens:autosave').length >= n,
      i + 1,
    )
  }
  const durations = await page.evaluate(() =>
    performance.getEntriesByName('gaplens:autosave').map((e) => e.duration),
  )
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  return durations
}

async function main(): Promise<void> {
  console.log('building…')
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' })
  if (build.status !== 0) throw new Error('vite build failed')

  const html = readFileSync('dist/index.html', 'utf8')
  const entry = /<script type="module" crossorigin src="\.?\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
  const css = /<link rel="stylesheet" crossorigin href="\.?\/(assets\/[^"]+\.css)"/.exec(html)?.[1]
  const results = new BenchResults()
  if (entry) {
    const size = gzipSize(`dist/${entry}`)
    results.row('entry JavaScript (gzip)', `${entry} (budget 70 kB)`, kb(size))
    results.figure('entry_js_gzip_kb', size / 1000)
  }
  if (css) results.row('entry CSS (gzip)', css, kb(gzipSize(`dist/${css}`)))
  const chart = readdirSync('dist/assets').find((f) => /^chart.*\.js$/i.test(f))
  if (chart)
    results.row('chart chunk (gzip)', `assets/${chart}`, kb(gzipSize(`dist/assets/${chart}`)))

  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  )
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(BASE)).ok) break
      } catch {
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    })
    try {
      for (const throttle of [1, 4]) {
        const context = await browser.newContext()
        const page = await context.newPage()
        const { median, p95 } = summary(await autosave(page, throttle))
        const condition =
          throttle === 1 ? `normal CPU, ${SAMPLES} saves` : `4× CPU throttling, ${SAMPLES} saves`
        results.row('autosave latency, median', condition, ms(median))
        results.row('autosave latency, p95', condition, ms(p95))
        await context.close()
      }
      await extraBenchmarks(browser, BASE, results)
      await lighthouseBenchmarks(BASE, results)
    } finally {
      await browser.close()
    }
  } finally {
    if (server.pid) process.kill(-server.pid)
  }

  results.finish()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
