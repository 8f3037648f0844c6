/**
 * The trainer's cohort (issue 8): 1,000 and 10,000 generated files through the cohort page's
 * file input, from the input's change event to the view drawn, beside the floor measured in
 * the same run on the same files.
 *
 *   - Files: tests/tools/generate-cohort.ts, seed 1, on the seed standard with the most
 *     rateable items (the issue asks for 150; neither bundled standard has that many, and the
 *     app accepts only files for a standard it holds). Written once to a folder under the
 *     system's temporary folder, removed at the end; the 1,000 are the first 1,000 of the
 *     10,000 (the generator draws people in order, so they are the files a run of 1,000 makes).
 *   - The app: /#/cohort in a fresh context (an empty database). Timed inside the page: from the
 *     file input's change event (a capture listener) to the first frame after the outcome says
 *     done, the page is ready, the heatmap's table is there, the spread chart is drawn and the
 *     summary counts every file.
 *     A MutationObserver notes when each stage is first seen, so the time splits into the import
 *     (change → outcome done) and the view (outcome done → drawn).
 *   - The floor: the app's own import worker, the very file the page starts, run with no UI on
 *     the standards page (which does not render the cohort view) of another fresh context: it
 *     reads each file, JSON.parse, integrity, schema and items (the app's one reader), and bulk
 *     stores whole records with Dexie. From a change event on an input the bench adds to the
 *     worker's done message. The CSP (worker-src 'self') rules out a worker of the bench's own,
 *     and this is the work the issue names, with nothing of the page's.
 *   - Longest main-thread task: a buffered 'longtask' PerformanceObserver installed before the
 *     import; the longest entry between the change event and the view drawn, of both sizes.
 *   - The heap after 10,000: CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage, in the
 *     app's page with the view drawn (the worker has ended by then), in MB (10^6 bytes).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { rateableItems } from '@/domain/assessment/items'
import { generateCohort, loadSeedStandard } from '../tools/generate-cohort'
import type { BenchResults } from './results'

/** Each size, and how many times it runs (app and floor in turn); the medians are kept. */
const SIZES = [
  { n: 1000, runs: 3 },
  { n: 10000, runs: 1 },
] as const
const SEED = 1
const STANDARDS = ['TTM4221-002v4', 'THM3514-lodging-ecommerce']
/** The longest a run may take before the bench gives up on it. */
const RUN_TIMEOUT_MS = 300_000

interface AppRun {
  /** change → first frame after the view's condition holds. */
  drawn: number
  /** change → outcome "done" first seen. */
  imported: number
  /** change → the page's state 'loading' (reading the chosen cohort) first seen. */
  loading: number
  /** change → the view's condition first seen (before the frame). */
  view: number
  /** change → progress bar first seen. */
  progressShown: number | null
  /** Node's wall time around setInputFiles and the wait. */
  wall: number
  longest: number
  longestImport: number
  longestView: number
  longTasks: number
  kept: number
}

/** The page's JavaScript heap after a GC, and the array buffers (the members' ratings) beside it, in MB. */
interface Heap {
  heap: number
  buffers: number
}

interface FloorRun {
  ms: number
  kept: number
  rejected: number
}

/** The import worker the page starts, as the build names it. */
function workerFile(dist: string): string {
  for (const file of readdirSync(`${dist}/assets`)) {
    if (!file.endsWith('.js')) continue
    const text = readFileSync(`${dist}/assets/${file}`, 'utf8')
    const found = /new Worker\(new URL\(""\+new URL\("(cohort-import\.worker-[^"]+\.js)"/.exec(text)
    if (found) return `assets/${found[1]!}`
  }
  throw new Error(`no cohort import worker started in ${dist}/assets`)
}

// Page code is passed as strings: the bench runs through tsx, whose helpers the page lacks.

/**
 * Installed on the cohort page before the files are set: the change listener, the long-task
 * observer and the watch for the view, all on `window.__cohortBench`.
 */
const installApp = (n: number) => `(() => {
  const bench = { start: 0, marks: {}, tasks: [], kept: 0 }
  window.__cohortBench = bench
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  const input = document.querySelector('[data-testid="cohort-file-input"]')
  document.addEventListener('change', (event) => {
    if (event.target === input && !bench.start) bench.start = performance.now()
  }, { capture: true })
  bench.drawn = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error('the cohort view was not drawn within ${RUN_TIMEOUT_MS} ms: ' + JSON.stringify(bench.marks)))
    }, ${RUN_TIMEOUT_MS})
    const check = () => {
      if (!bench.start) return
      const now = performance.now()
      const marks = bench.marks
      if (!marks.progress && document.querySelector('[data-testid="cohort-progress"]')) marks.progress = now
      const outcome = document.querySelector('[data-testid="cohort-import-outcome"]')
      if (outcome && outcome.dataset.status !== 'done') {
        observer.disconnect()
        clearTimeout(timer)
        return reject(new Error('the import ended ' + outcome.dataset.status + ': ' + outcome.textContent))
      }
      const done = Boolean(outcome)
      if (done && !marks.imported) { marks.imported = now; bench.kept = Number(outcome.dataset.kept) }
      const state = document.querySelector('.cohort-page')?.dataset.state
      if (done && state === 'loading' && !marks.loading) marks.loading = now
      const ready = state === 'ready'
      const table = document.querySelector('[data-testid="heatmap"] table.heat')
      const count = document.querySelector('[data-testid="cohort-summary"] [data-fact="assessments"] dd')
      // The spread chart is drawn in a task of its own after its section: the view is drawn
      // once every chart on it is.
      const charts = [...document.querySelectorAll('.cohort-page figure.chart-figure')]
      const charted = charts.length > 0 && charts.every((figure) => figure.dataset.drawn === 'true')
      if (!(done && ready && table && charted && count && count.textContent.replace(/\\D/g, '') === '${n}')) return
      observer.disconnect()
      clearTimeout(timer)
      marks.view = now
      requestAnimationFrame(() => setTimeout(() => {
        marks.drawn = performance.now()
        resolve(undefined)
      }, 0))
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
})()`

/** What the app run saw, once the view is drawn. */
const APP_FIGURES = `window.__cohortBench.drawn.then(() => {
  const b = window.__cohortBench
  const during = b.tasks.filter((t) => t.start >= b.start && t.start <= b.marks.drawn)
  const longest = (list) => list.reduce((max, t) => Math.max(max, t.duration), 0)
  return {
    drawn: b.marks.drawn - b.start,
    imported: b.marks.imported - b.start,
    loading: (b.marks.loading ?? b.marks.imported) - b.start,
    view: b.marks.view - b.start,
    progressShown: b.marks.progress ? b.marks.progress - b.start : null,
    longest: longest(during),
    longestImport: longest(during.filter((t) => t.start < b.marks.imported)),
    longestView: longest(during.filter((t) => t.start >= b.marks.imported)),
    longTasks: during.filter((t) => t.duration > 50).length,
    kept: b.kept,
  }
})`

/**
 * On a page without the cohort view: an input of the bench's own and, on its change event, the
 * app's import worker started with the job the cohort store would send it.
 */
const installFloor = (worker: string, standards: string) => `(() => {
  const input = document.createElement('input')
  input.type = 'file'
  input.multiple = true
  input.hidden = true
  input.dataset.benchFloor = ''
  document.body.append(input)
  window.__cohortFloor = new Promise((resolve, reject) => {
    input.addEventListener('change', () => {
      const start = performance.now()
      const worker = new Worker(new URL(${JSON.stringify(worker)}, location.href), { type: 'module', name: 'cohort-import' })
      const timer = setTimeout(() => reject(new Error('the floor did not end within ${RUN_TIMEOUT_MS} ms')), ${RUN_TIMEOUT_MS})
      worker.onmessage = (event) => {
        if (event.data.type !== 'done') return
        const ms = performance.now() - start
        clearTimeout(timer)
        worker.terminate()
        const { progress, failed } = event.data.result
        if (failed) reject(new Error('the floor could not write: ' + failed.message))
        else resolve({ ms, kept: progress.kept, rejected: progress.rejected })
      }
      worker.onerror = (event) => {
        clearTimeout(timer)
        reject(new Error('the floor worker failed: ' + event.message))
      }
      worker.postMessage({
        type: 'start',
        job: {
          dbName: 'gaplens-bench-floor',
          inputs: [...input.files].map((file) => ({ kind: 'file', file })),
          standards: ${standards},
          importedAt: new Date().toISOString(),
        },
      })
    }, { once: true })
  })
})()`

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  return { context, page: await context.newPage() }
}

async function appRun(browser: Browser, base: string, paths: string[]): Promise<AppRun & Heap> {
  const { context, page } = await freshPage(browser)
  try {
    await page.goto(`${base}/#/cohort`)
    await page.locator('[data-testid="cohorts-empty"]').waitFor()
    await page.evaluate(installApp(paths.length))
    const wallStart = performance.now()
    await page.locator('[data-testid="cohort-file-input"]').setInputFiles(paths)
    const figures = (await page.evaluate(APP_FIGURES)) as Omit<AppRun, 'wall'>
    const wall = performance.now() - wallStart
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize, backingStorageSize } = await cdp.send('Runtime.getHeapUsage')
    return { ...figures, wall, heap: usedSize / 1e6, buffers: backingStorageSize / 1e6 }
  } finally {
    await context.close()
  }
}

async function floorRun(
  browser: Browser,
  base: string,
  worker: string,
  standards: string,
  paths: string[],
): Promise<FloorRun> {
  const { context, page } = await freshPage(browser)
  try {
    await page.goto(`${base}/#/`)
    await page.locator('main').first().waitFor()
    await page.evaluate(installFloor(worker, standards))
    await page.locator('input[data-bench-floor]').setInputFiles(paths)
    return (await page.evaluate('window.__cohortFloor')) as FloorRun
  } finally {
    await context.close()
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Generates the files, runs the floor and the app for each size, and records the figures. */
export async function cohortBenchmarks(
  browser: Browser,
  base: string,
  dist: string,
  results: BenchResults,
): Promise<void> {
  const seeds = STANDARDS.map((id) => ({ id, standard: loadSeedStandard(id) }))
  const chosen = seeds.reduce((a, b) =>
    rateableItems(b.standard).length > rateableItems(a.standard).length ? b : a,
  )
  const items = rateableItems(chosen.standard).length
  const worker = workerFile(dist)
  const standards = JSON.stringify(seeds.map((s) => s.standard))
  const largest = Math.max(...SIZES.map((size) => size.n))

  const folder = mkdtempSync(join(tmpdir(), 'gaplens-bench-cohort-'))
  try {
    const generating = performance.now()
    const { files } = await generateCohort({ standard: chosen.standard, n: largest, seed: SEED })
    const paths = files.map((file) => {
      const path = join(folder, file.name)
      writeFileSync(path, file.text)
      return path
    })
    const bytes = paths.reduce((sum, path) => sum + statSync(path).size, 0)
    results.row(
      'cohort files',
      `${chosen.id}, ${items} rateable items each (the issue asks 150: no bundled standard has as many), seed ${SEED}, generated in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
      `${largest} files, ${(bytes / largest / 1024).toFixed(1)} KiB each`,
    )

    let longest = 0
    for (const { n, runs } of SIZES) {
      const some = paths.slice(0, n)
      const apps: (AppRun & Heap)[] = []
      const floors: FloorRun[] = []
      // In turn, so a busy moment of the machine falls on both alike.
      for (let run = 0; run < runs; run++) {
        const floor = await floorRun(browser, base, worker, standards, some)
        if (floor.kept !== n) throw new Error(`the floor kept ${floor.kept} of ${n} files`)
        floors.push(floor)
        const app = await appRun(browser, base, some)
        if (app.kept !== n) throw new Error(`the app kept ${app.kept} of ${n} files`)
        apps.push(app)
      }
      const mid = <T>(list: T[], of: (x: T) => number) => median(list.map(of))
      const drawn = mid(apps, (a) => a.drawn)
      const floorMs = mid(floors, (f) => f.ms)
      const worst = Math.max(...apps.map((a) => a.longest))
      longest = Math.max(longest, worst)
      const times = runs > 1 ? `median of ${runs}` : '1 run'
      const aim = n === 1000 ? '1 s' : '10 s'
      results.row(
        `cohort ${n}: files chosen → view drawn`,
        `${times}; in the page, change event → first frame with heatmap, chart and summary (aim ${aim}, ≤ 1.5× floor)`,
        `${ms(drawn)} (${(drawn / floorMs).toFixed(2)}× floor)`,
      )
      results.row(
        `cohort ${n}: of which import`,
        'change → outcome "done": worker reads, checks and stores; the page hears counts',
        ms(mid(apps, (a) => a.imported)),
      )
      results.row(
        `cohort ${n}: of which view`,
        'outcome "done" → drawn: cohorts listed / cohort read and pooled, analysed, rendered / next frame',
        `${ms(mid(apps, (a) => a.drawn - a.imported))} (${ms(mid(apps, (a) => a.loading - a.imported))} / ${ms(mid(apps, (a) => a.view - a.loading))} / ${ms(mid(apps, (a) => a.drawn - a.view))})`,
      )
      results.row(
        `cohort ${n}: floor`,
        `${times}; the app's import worker with no UI on the same files: read, parse, check, bulk store`,
        ms(floorMs),
      )
      results.row(
        `cohort ${n}: longest main-thread task`,
        `longest of ${runs === 1 ? 'the run' : `${runs} runs`}, in import / in view; tasks over 50 ms per run (aim none)`,
        `${ms(worst)} (${ms(Math.max(...apps.map((a) => a.longestImport)))} / ${ms(Math.max(...apps.map((a) => a.longestView)))}); ${apps.map((a) => a.longTasks).join(', ')}`,
      )
      results.row(
        `cohort ${n}: Node wall time`,
        `${times}; setInputFiles → view drawn, as Playwright sees it`,
        ms(mid(apps, (a) => a.wall)),
      )
      results.figure(`pool_${n}_ms`, drawn)
      results.figure(`pool_floor_${n}_ms`, floorMs)
      if (n === largest) {
        const heap = mid(apps, (a) => a.heap)
        results.row(
          `cohort ${n}: JS heap`,
          'the page after a GC, view drawn (CDP Runtime.getHeapUsage); + array buffers beside it',
          `${heap.toFixed(1)} MB + ${mid(apps, (a) => a.buffers).toFixed(1)} MB`,
        )
        results.figure(`pool_heap_${n}_mb`, heap)
      }
    }
    results.figure('pool_longest_task_ms', longest)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
