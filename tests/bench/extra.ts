import type { Browser, Page } from '@playwright/test'
import type { BenchResults } from './results'
import { summary } from './run'

const STANDARDS = ['TTM4221-002v4', 'THM3514-lodging-ecommerce']
const SAMPLES = 12
const OPENS = 7

/** Starts an assessment and rates every item from the keyboard (each digit rates and moves on). */
async function ratedAssessment(page: Page, base: string, standard: string): Promise<string> {
  await page.goto(`${base}/#/assessments/new?standard=${standard}`)
  await page.getByLabel('姓名').fill('Bench')
  await page.getByRole('button', { name: '開始評分' }).click()
  await page.locator('.rate-page[data-resumed="true"]').waitFor()
  const total = await page
    .locator('[data-item-key]')
    .evaluateAll((els) => new Set(els.map((e) => (e as HTMLElement).dataset.itemKey)).size)
  await page.locator('[data-item-key]').first().focus()
  for (let i = 0; i < total; i++) await page.keyboard.press(String((i % 5) + 1))
  await page.waitForFunction(() => !document.querySelector('[data-save-state="saving"]'))
  return page.url()
}

/**
 * From a click on "查看結果" on the rating page to the last of the results page's charts
 * drawn (the app fires gaplens:chart-drawn on each canvas), in milliseconds.
 */
async function openResults(page: Page, charts: number): Promise<number> {
  // A string, not a function: the bench runs through tsx, whose helpers the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    let drawn = 0
    let start = 0
    document.addEventListener('gaplens:chart-drawn', function onDrawn() {
      drawn += 1
      if (drawn < ${charts}) return
      document.removeEventListener('gaplens:chart-drawn', onDrawn)
      resolve(performance.now() - start)
    })
    const link = [...document.querySelectorAll('a')].find((a) => a.href.endsWith('/results'))
    start = performance.now()
    link.click()
  })`) as Promise<number>
}

/**
 * The rating page opened from the standards list (a change of route, as a click on an
 * assessment makes), at the item the person left off at: the time to the page marked resumed
 * (moved there and the list whole), and the longest main-thread task meanwhile.
 */
async function openRating(page: Page, url: string): Promise<{ ms: number; longest: number }> {
  await page.goto(url.replace(/#.*$/, '#/'))
  await page.locator('main').waitFor()
  return page.evaluate(`new Promise((resolve) => {
    const tasks = []
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration)
    })
    observer.observe({ type: 'longtask' })
    const start = performance.now()
    location.href = ${JSON.stringify(url)}
    const check = () => {
      if (!document.querySelector('.rate-page[data-resumed="true"]'))
        return requestAnimationFrame(check)
      const ms = performance.now() - start
      // Tasks end before their entries arrive: one more frame lets the last one in.
      requestAnimationFrame(() =>
        setTimeout(() => {
          observer.disconnect()
          resolve({ ms, longest: Math.max(0, ...tasks) })
        }, 0),
      )
    }
    check()
  })`) as Promise<{ ms: number; longest: number }>
}

/**
 * Results page: time from opening it to its charts drawn, on a fully rated assessment; and the
 * rating page reopened on it, at normal speed and with 4× CPU throttling.
 */
export async function extraBenchmarks(
  browser: Browser,
  base: string,
  results: BenchResults,
): Promise<void> {
  for (const standard of STANDARDS) {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    const url = await ratedAssessment(page, base, standard)
    const times: number[] = []
    for (let i = 0; i < SAMPLES + 1; i++) {
      // A fresh load each time (a change of the part after the '#' alone would not reload).
      await page.goto('about:blank')
      await page.goto(url)
      await page.locator('.rate-page[data-resumed="true"]').waitFor()
      times.push(await openResults(page, 4))
    }
    // The first opening also fetches the chart chunk; the others find it cached.
    const [first, ...rest] = times
    const { median, p95 } = summary(rest)
    const condition = `${standard}, all items rated`
    results.row('results → charts drawn, first open', condition, `${first!.toFixed(1)} ms`)
    results.row(
      'results → charts drawn, median',
      `${condition}, ${SAMPLES} opens`,
      `${median.toFixed(1)} ms`,
    )
    results.row(
      'results → charts drawn, p95',
      `${condition}, ${SAMPLES} opens`,
      `${p95.toFixed(1)} ms`,
    )
    const cdp = await context.newCDPSession(page)
    for (const throttle of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
      const opens: { ms: number; longest: number }[] = []
      for (let i = 0; i < OPENS; i++) opens.push(await openRating(page, url))
      const speed = throttle === 1 ? 'normal CPU' : '4× CPU throttling'
      const at = `${standard}, all items rated, ${speed}, median of ${OPENS}`
      const whole = summary(opens.map((o) => o.ms)).median
      const longest = summary(opens.map((o) => o.longest)).median
      results.row('rating page reopened → list whole', at, `${whole.toFixed(0)} ms`)
      results.row('rating page reopened: longest task', at, `${longest.toFixed(0)} ms`)
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await context.close()
  }
}
