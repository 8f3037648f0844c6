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

const PORT = 4319
const BASE = `http://127.0.0.1:${PORT}`
const SAMPLES = 60

export interface Row {
  measure: string
  condition: string
  value: string
}

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
  const entry = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
  const css = /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)"/.exec(html)?.[1]
  const rows: Row[] = []
  if (entry)
    rows.push({
      measure: 'entry JavaScript (gzip)',
      condition: entry,
      value: kb(gzipSize(`dist/${entry}`)),
    })
  if (css)
    rows.push({ measure: 'entry CSS (gzip)', condition: css, value: kb(gzipSize(`dist/${css}`)) })
  const chart = readdirSync('dist/assets').find((f) => /^chart.*\.js$/i.test(f))
  if (chart)
    rows.push({
      measure: 'chart chunk (gzip)',
      condition: `assets/${chart}`,
      value: kb(gzipSize(`dist/assets/${chart}`)),
    })

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
        rows.push({ measure: 'autosave latency, median', condition, value: ms(median) })
        rows.push({ measure: 'autosave latency, p95', condition, value: ms(p95) })
        await context.close()
      }
      rows.push(...(await extraBenchmarks(browser, BASE)))
    } finally {
      await browser.close()
    }
  } finally {
    if (server.pid) process.kill(-server.pid)
  }

  const widths = [0, 1, 2].map((c) =>
    Math.max(
      ...[
        ['measure', 'condition', 'value'],
        ...rows.map((r) => [r.measure, r.condition, r.value]),
      ].map((r) => r[c]!.length),
    ),
  )
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  console.log(line(['measure', 'condition', 'value']))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const r of rows) console.log(line([r.measure, r.condition, r.value]))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
