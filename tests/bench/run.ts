/**
 * `npm run bench`: builds the app, serves the build, and measures it in the machine's
 * Chromium. Prints one table. Figures, not pass/fail: nothing here is a timed test.
 *
 *   - autosave latency: input event → IndexedDB commit, from the app's own User Timing
 *     measure (gaplens:autosave), at normal speed and with 4× CPU throttling, beside its
 *     floor: a raw IndexedDB put in the same page, measured in the same run;
 *   - the size of the entry JavaScript and the chart chunk, gzipped;
 *   - the results page: from opening it to its charts drawn, for each seed standard; the
 *     rating page reopened at the last item rated: to the list whole, and its longest task;
 *   - assessment files: export, import, and import of a protected file (tests/bench/files.ts);
 *   - the trainer's cohort: 1,000 and 10,000 files pooled, beside their floor (tests/bench/cohort.ts);
 *   - the trainer's plan: needs and plan, and the before/after, for 10,000 people after a filter
 *     change (tests/bench/plan.ts);
 *   - adding a standard: a pasted seed text parsed and previewed (tests/bench/library.ts);
 *   - closing a tab at once after a rating or a note, 20 times each, and how many were kept
 *     (tests/bench/reliability.ts);
 *   - one assessment and one review in two tabs, each acting right after the other, 10 rounds of
 *     four interleavings, and how many lost a change (tests/bench/tabs.ts);
 *   - a backup of 20,000 assessments restored, and 我的自評 opened on them (tests/bench/restore.ts);
 *   - the iCAP catalogue: its index's size, a keystroke to the filtered list, a click on a result
 *     to its page drawn, and the whole conversion at build time (tests/bench/catalogue.ts).
 *
 * BENCH_DIST (default dist) and BENCH_PORT (default 4319) choose the build folder and port, so
 * a bench can run beside a test run; BENCH_ONLY=autosave, pages, cohort, plan, library,
 * reliability, tabs, restore, catalogue or lighthouse
 * measures that alone; BENCH_RESULTS names the figures' file (default bench-results.json).
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { catalogueBenchmarks } from './catalogue'
import { cohortBenchmarks } from './cohort'
import { extraBenchmarks } from './extra'
import { fileBenchmarks } from './files'
import { libraryBenchmarks } from './library'
import { lighthouseBenchmarks } from './lighthouse'
import { planBenchmarks } from './plan'
import { reliabilityBenchmarks } from './reliability'
import { restoreBenchmarks } from './restore'
import { tabsBenchmarks } from './tabs'
import { BenchResults } from './results'

const PORT = Number(process.env.BENCH_PORT ?? 4319)
const BASE = `http://127.0.0.1:${PORT}`
const DIST = process.env.BENCH_DIST ?? 'dist'
const ONLY = process.env.BENCH_ONLY
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

// Page code is passed as strings: the bench runs through tsx, whose helpers the page lacks.

/** Resolves after the page has drawn a frame and run what was queued behind it. */
const SETTLED = 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))'

/**
 * Resolves once the app has recorded `n` saves. It waits on a PerformanceObserver: polling (as
 * waitForFunction does, on every animation frame) would make the page draw frames while the
 * save it measures is under way.
 */
const saves = (n: number) => `new Promise((resolve) => {
  const done = () => performance.getEntriesByName('gaplens:autosave').length >= ${n}
  if (done()) return resolve(undefined)
  new PerformanceObserver((_list, observer) => {
    if (!done()) return
    observer.disconnect()
    resolve(undefined)
  }).observe({ type: 'measure' })
})`

/** Opens the floor's own database: one store keyed like the app's responses. */
const OPEN_FLOOR = `new Promise((resolve, reject) => {
  const request = indexedDB.open('gaplens-bench-floor', 1)
  request.onupgradeneeded = () =>
    request.result.createObjectStore('responses', { keyPath: ['assessmentId', 'itemKey'] })
  request.onsuccess = () => { window.__benchFloor = request.result; resolve(undefined) }
  request.onerror = () => reject(request.error)
})`

/**
 * One raw put of a record the shape of a response, with strict durability, from the call to
 * the transaction's complete event: the least a durable save can take in this page, now.
 */
const floorPut = (n: number) => `new Promise((resolve, reject) => {
  const record = {
    assessmentId: 'bench', itemKey: 'P1.1.${n % 40}', rating: ${(n % 5) + 1},
    note: '', evidence: '', updatedAt: new Date().toISOString(),
  }
  const start = performance.now()
  const tx = window.__benchFloor.transaction('responses', 'readwrite', { durability: 'strict' })
  tx.oncomplete = () => resolve(performance.now() - start)
  tx.onabort = () => reject(tx.error)
  tx.objectStore('responses').put(record)
})`

/**
 * Rates as a person clicks: the pointer comes to rest on the choice, then a press that lasts a
 * frame. (A locator's click sends move, press and release at once, and the page handles them
 * in one go together with Playwright's own in-page checks, which the measure, starting at the
 * click, would count too.)
 */
async function click(page: Page, key: string, value: number): Promise<void> {
  const choice = page.locator(`[data-item-key="${key}"]`).first().locator(`[data-value="${value}"]`)
  // In the middle of the screen, clear of the sticky bars at the top.
  await choice.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await page.evaluate(SETTLED)
  const box = await choice.boundingBox()
  if (!box) throw new Error(`${key} ${value} is not shown`)
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.evaluate(SETTLED)
  await page.mouse.down()
  await page.evaluate(SETTLED)
  await page.mouse.up()
}

interface AutosaveSamples {
  /** The app's measure, input event → commit. */
  app: number[]
  /** Raw puts in the same page, one after each rating. */
  floor: number[]
}

async function autosave(page: Page, throttle: number): Promise<AutosaveSamples> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  await startAssessment(page, 'TTM4221-002v4')
  await page.evaluate(OPEN_FLOOR)
  await page.evaluate(() => performance.clearMeasures('gaplens:autosave'))
  const keys = await page
    .locator('[data-item-key]')
    .evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.itemKey!))])
  const floor: number[] = []
  // Each rating is followed by a raw put, so both see the same machine at the same moment.
  for (let i = 0; i < SAMPLES; i++) {
    await click(page, keys[i % keys.length]!, (i % 5) + 1)
    await page.evaluate(saves(i + 1))
    await page.evaluate(SETTLED)
    floor.push((await page.evaluate(floorPut(i))) as number)
  }
  const app = await page.evaluate(() =>
    performance.getEntriesByName('gaplens:autosave').map((e) => e.duration),
  )
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  return { app, floor }
}

async function main(): Promise<void> {
  console.log('building…')
  const build = spawnSync('npx', ['vite', 'build', '--outDir', DIST], { stdio: 'ignore' })
  if (build.status !== 0) throw new Error('vite build failed')

  const html = readFileSync(`${DIST}/index.html`, 'utf8')
  const entry = /<script type="module" crossorigin src="\.?\/(assets\/[^"]+\.js)"/.exec(html)?.[1]
  const css = /<link rel="stylesheet" crossorigin href="\.?\/(assets\/[^"]+\.css)"/.exec(html)?.[1]
  const results = new BenchResults()
  if (entry) {
    const size = gzipSize(`${DIST}/${entry}`)
    results.row('entry JavaScript (gzip)', `${entry} (budget 70 kB)`, kb(size))
    results.figure('entry_js_gzip_kb', size / 1000)
  }
  if (css) results.row('entry CSS (gzip)', css, kb(gzipSize(`${DIST}/${css}`)))
  const chart = readdirSync(`${DIST}/assets`).find((f) => /^chart.*\.js$/i.test(f))
  if (chart)
    results.row('chart chunk (gzip)', `assets/${chart}`, kb(gzipSize(`${DIST}/assets/${chart}`)))

  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
      '--outDir',
      DIST,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'], detached: true },
  )
  try {
    // Ready when it says where it serves: a server already on the port (another run's) would
    // answer a request, and the bench would measure its build.
    await new Promise<void>((resolve, reject) => {
      let said = ''
      server.stdout.on('data', (chunk: Buffer) => {
        said += chunk.toString()
        if (said.includes(`:${PORT}`)) resolve()
      })
      server.on('exit', () => reject(new Error(`vite preview could not serve ${DIST} on ${PORT}`)))
    })
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
      for (const throttle of !ONLY || ONLY === 'autosave' ? [1, 4] : []) {
        const context = await browser.newContext()
        const page = await context.newPage()
        const samples = await autosave(page, throttle)
        const app = summary(samples.app)
        const floor = summary(samples.floor)
        const speed = throttle === 1 ? 'normal CPU' : '4× CPU throttling'
        const condition = `${speed}, ${SAMPLES} saves`
        results.row('autosave latency, median', condition, ms(app.median))
        results.row('autosave latency, p95', condition, ms(app.p95))
        const floorCondition = `${speed}, raw put in the same page, ${SAMPLES} puts`
        results.row('autosave floor, median', floorCondition, ms(floor.median))
        results.row('autosave floor, p95', floorCondition, ms(floor.p95))
        results.row('autosave p95 ÷ floor p95', speed, `${(app.p95 / floor.p95).toFixed(2)}×`)
        const x = `${throttle}x`
        if (throttle === 4) results.figure(`autosave_median_${x}_ms`, app.median)
        results.figure(`autosave_p95_${x}_ms`, app.p95)
        results.figure(`autosave_floor_p95_${x}_ms`, floor.p95)
        if (throttle === 4) results.figure(`autosave_ratio_${x}`, app.p95 / floor.p95)
        await context.close()
      }
      if (!ONLY) await fileBenchmarks(results)
      if (!ONLY || ONLY === 'pages') await extraBenchmarks(browser, BASE, results)
      if (!ONLY || ONLY === 'library') await libraryBenchmarks(browser, BASE, results)
      if (!ONLY || ONLY === 'reliability') await reliabilityBenchmarks(browser, BASE, results)
      if (!ONLY || ONLY === 'tabs') await tabsBenchmarks(browser, BASE, results)
      if (!ONLY || ONLY === 'restore') await restoreBenchmarks(browser, BASE, results)
      if (!ONLY || ONLY === 'lighthouse') await lighthouseBenchmarks(BASE, results)
      if (!ONLY || ONLY === 'cohort') await cohortBenchmarks(browser, BASE, DIST, results)
      if (!ONLY || ONLY === 'catalogue') await catalogueBenchmarks(browser, BASE, DIST, results)
      if (!ONLY || ONLY === 'plan') await planBenchmarks(browser, BASE, results)
    } finally {
      await browser.close()
    }
  } finally {
    try {
      if (server.pid) process.kill(-server.pid)
    } catch {
      // It has already stopped (it could not start).
    }
  }

  results.finish(process.env.BENCH_RESULTS)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
