import { createServer, type Server } from 'node:http'
import { readFile, readdir } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures'
import { rateAndWait, ratingPageReady, shownRating } from './helpers'

// Offline use needs the service worker, which the other tests start without.
test.use({ serviceWorkers: 'allow' })

/**
 * An HR team copies dist/ to an intranet server under a sub-path and sets up nothing else. This
 * serves the build the plainest way: files under /hr/gaplens/, a 404 for anything else, no
 * rewrite rules, no fallback page.
 */
const SUB_PATH = '/hr/gaplens/'
const DIST = join(process.cwd(), process.env.E2E_DIST ?? 'dist')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain',
}

let server: Server
let origin: string
const misses: string[] = []

test.beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    if (!path.startsWith(SUB_PATH)) {
      misses.push(path)
      response.writeHead(404).end('not found')
      return
    }
    const file = normalize(join(DIST, path.slice(SUB_PATH.length) || 'index.html'))
    try {
      if (!file.startsWith(DIST)) throw new Error('outside')
      const body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file)
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      })
      response.end(body)
    } catch {
      misses.push(path)
      response.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('under a sub-path on a plain static server: deep links open and reload, offline works', async ({
  page,
}) => {
  // Two loads of the rating page, a service worker install and an offline reload.
  test.setTimeout(120_000)
  const base = `${origin}${SUB_PATH}`
  // A deep link to a standard, opened cold (no service worker yet).
  await page.goto(`${base}#/standards/TTM4221-002v4`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('旅遊業營運主管')
  await page.reload()
  await expect(page.locator('#duty-T4')).toContainText('提昇優質顧客服務')

  // Start an assessment there, rate, and reload its deep link.
  await page.goto(`${base}#/assessments/new?standard=TTM4221-002v4`)
  await page.getByLabel('姓名').fill('林小華')
  await page.getByRole('button', { name: '開始評分' }).click()
  await expect(page).toHaveURL(/\/hr\/gaplens\/#\/assessments\/[0-9a-f-]{36}$/)
  await ratingPageReady(page)
  await rateAndWait(page, 'P1.1.1', 3)
  const assessment = page.url()
  await page.reload()
  await ratingPageReady(page)
  expect(await shownRating(page, 'P1.1.1')).toBe('3')

  // The manifest and the service worker live under the sub-path too.
  const manifestHref = await page
    .locator('link[rel="manifest"]')
    .evaluate((l) => (l as HTMLLinkElement).href)
  expect(manifestHref).toBe(`${base}manifest.webmanifest`)
  const manifest = (await (await page.request.get(manifestHref)).json()) as {
    start_url: string
    scope: string
  }
  expect(new URL(manifest.start_url, manifestHref).href).toBe(base)
  expect(new URL(manifest.scope, manifestHref).href).toBe(base)
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
  expect(scope).toBe(base)

  // Once installed, the app opens offline at the deep link as well.
  await page.reload()
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true)
  await page.context().setOffline(true)
  await page.goto('about:blank')
  await page.goto(assessment)
  await ratingPageReady(page)
  expect(await shownRating(page, 'P1.1.1')).toBe('3')
  await page.context().setOffline(false)

  // Nothing was asked for outside the sub-path, and nothing was missing.
  expect(misses).toEqual([])
})

test("the build marks the page's chunks to be compiled whole as they load", async () => {
  const assets = join(DIST, 'assets')
  const marked: string[] = []
  for (const name of await readdir(assets))
    if (
      name.endsWith('.js') &&
      (await readFile(join(assets, name), 'utf8')).startsWith('//# allFunctionsCalledOnLoad\n')
    )
      marked.push(name)
  // The entry, the charts and the views, each with the hint as its first line.
  for (const chunk of ['index', 'chart-setup', 'StandardView', 'RateView', 'CohortView'])
    expect(marked).toContainEqual(expect.stringMatching(new RegExp(`^${chunk}-[\\w-]+\\.js$`)))
})

test('the standards list is in the page before any script, and the app takes it over in place', async ({
  page,
  openContext,
}) => {
  const base = `${origin}${SUB_PATH}`
  // As served: the list's first screen is in index.html itself.
  const html = await (await page.request.get(base)).text()
  expect(html).toMatch(
    /<div id="app" data-first-screen>[\s\S]*旅宿電商運營人員[\s\S]*旅遊業營運主管/,
  )
  const still = await (await openContext({ javaScriptEnabled: false })).newPage()
  await still.goto(base)
  await expect(still.getByRole('heading', { level: 2 })).toHaveText([
    '旅宿電商運營人員',
    '旅遊業營運主管',
  ])

  // Which screen shows before the app starts (the module runs before DOMContentLoaded, the
  // mount after it), and every layout shift of the load outside the catalogue's place below the
  // list (on a laptop it is in sight, and its own search settles in as it loads, app or not).
  await page.context().addInitScript(() => {
    type Shift = { value: number; sources: { node?: Node | null }[] }
    const seen = window as unknown as { before?: string; shifts: number[] }
    seen.shifts = []
    const inCatalogue = (node?: Node | null) =>
      node instanceof Element && node.closest('#catalogue') !== null
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[])
        if (!entry.sources.every((source) => inCatalogue(source.node)))
          seen.shifts.push(entry.value)
    }).observe({ type: 'layout-shift', buffered: true })
    document.addEventListener('DOMContentLoaded', () => {
      const main = document.querySelector('#app[data-first-screen] > main')
      seen.before = main ? getComputedStyle(main).display : 'taken over'
    })
  })
  const before = () => page.evaluate(() => (window as unknown as { before?: string }).before)
  await page.goto(base)
  await expect(page.locator('#app')).not.toHaveAttribute('data-first-screen')
  await expect(page.locator('.standard-card')).toHaveCount(2)
  expect(await before()).toBe('block')
  // One list, the app's own, and nothing moved when it replaced the one drawn at build time.
  await expect(page.locator('.standard-list')).toHaveCount(1)
  await expect(page.locator('.app-shell')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([])

  // Opened at a deep link, or in English, the list is hidden before it is drawn (each a load of
  // its own: a change of the '#' alone would not load the page again).
  await page.goto('about:blank')
  await page.goto(`${base}#/standards/TTM4221-002v4`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('旅遊業營運主管')
  expect(await before()).toBe('none')
  await page.getByRole('button', { name: 'English' }).click()
  await page.goto('about:blank')
  await page.goto(base)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Competency standards')
  expect(await before()).toBe('none')
  await expect(page.locator('.standard-list')).toHaveCount(1)
})
