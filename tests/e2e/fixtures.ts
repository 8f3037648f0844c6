/**
 * The `test` every browser test uses. It holds the app to two rules on every page it opens:
 *
 *   - the Content-Security-Policy is never violated: a `securitypolicyviolation` event, or the
 *     browser's own "Refused to …" report, fails the test that caused it;
 *   - the screen a test ends on passes axe with no violation of any impact (tests also call
 *     `expectAccessible` on the screens they pass through).
 *
 * Extra browser contexts (a second device, a phone) come from `openContext`, which guards them
 * the same way and closes them after the test.
 */
import { createRequire } from 'node:module'
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test'

export { expect }
export type { BrowserContext, Page } from '@playwright/test'

interface Guard {
  violations: string[]
}

/** Records every CSP violation reported in any page of the context. */
async function guardContext(context: BrowserContext, guard: Guard): Promise<void> {
  await context.exposeBinding('__gaplensCspViolation', (_source, text: string) => {
    guard.violations.push(text)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __gaplensCspViolation?: (t: string) => void })
        .__gaplensCspViolation
      report?.(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      )
    })
  })
  const watch = (page: Page) =>
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        guard.violations.push(message.text())
    })
  context.pages().forEach(watch)
  context.on('page', watch)
}

/** axe-core's own build, evaluated in the page (as the DevTools protocol does: no CSP applies). */
const AXE_SOURCE = (createRequire(import.meta.url)('axe-core') as { source: string }).source

interface AxeViolation {
  id: string
  impact?: string | null
  help: string
  nodes: { target: string[] }[]
}

/**
 * Runs axe on what the page shows now, every rule of every impact, and fails with each
 * violation's rule, impact and targets. axe runs in the page in one call: the app has no frames,
 * and the multi-frame route (a partial run per frame, finished in a second page) takes five to
 * eight times as long on a page of 150 items.
 */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  // A step of its own, so the run's timing report can say what the checks cost.
  await base.step(`axe: ${where}`, () => runAxe(page, where), { box: true })
}

async function runAxe(page: Page, where: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe
    const results = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[]
    }
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((n) => ({ target: n.target })),
    }))
  })
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  )
  expect(found, `axe violations on ${where}`).toEqual([])
}

type Fixtures = {
  cspGuard: Guard
  openContext: (options?: BrowserContextOptions) => Promise<BrowserContext>
}

export const test = base.extend<Fixtures>({
  cspGuard: async ({}, use) => {
    await use({ violations: [] })
  },
  context: async ({ context, cspGuard }, use) => {
    await guardContext(context, cspGuard)
    await use(context)
  },
  page: async ({ page, cspGuard }, use, testInfo) => {
    await use(page)
    // The screen the test ends on must be as accessible as the ones it checked on the way.
    if (testInfo.status === testInfo.expectedStatus && !page.isClosed())
      await expectAccessible(page, `the last screen of "${testInfo.title}"`)
    expect(cspGuard.violations, 'Content-Security-Policy violations').toEqual([])
  },
  openContext: async ({ browser, cspGuard }, use) => {
    const opened: BrowserContext[] = []
    await use(async (options) => {
      const context = await (browser as Browser).newContext(options)
      await guardContext(context, cspGuard)
      opened.push(context)
      return context
    })
    for (const context of opened) await context.close()
    expect(cspGuard.violations, 'Content-Security-Policy violations').toEqual([])
  },
})
