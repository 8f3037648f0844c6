import type { Browser } from '@playwright/test'
import { closeAfterRating, closeAfterTyping, type RoundOutcome } from '../e2e/rounds'
import type { BenchResults } from './results'

const ROUNDS = 20

/** A fresh profile, an assessment started through the form; returns the rating page's URL. */
async function started(browser: Browser, base: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.goto(`${base}/#/assessments/new?standard=TTM4221-002v4`)
  await page.getByLabel('姓名').fill('Bench')
  await page.getByRole('button', { name: '開始評分' }).click()
  await page.locator('.rate-page[data-resumed="true"]').waitFor()
  const url = page.url()
  await page.close()
  return { context, url }
}

const kept = (outcomes: RoundOutcome[]) => outcomes.filter((o) => o.shown === o.expected).length

/**
 * The two close-at-once scenarios of the browser tests, 20 rounds each (the tests run a few):
 * a rating closed as soon as the page says saved, and a note closed 200 ms after its last
 * keystroke. Reported as how many of the 20 were there when the next tab opened.
 */
export async function reliabilityBenchmarks(
  browser: Browser,
  base: string,
  results: BenchResults,
): Promise<void> {
  const scenarios = [
    ['ratings_kept_of_20', 'rating kept after closing at once', closeAfterRating],
    ['notes_kept_of_20', 'note kept, tab closed 200 ms after typing', closeAfterTyping],
  ] as const
  for (const [key, measure, run] of scenarios) {
    const { context, url } = await started(browser, base)
    const outcomes = await run(context, url, ROUNDS)
    await context.close()
    const lost = outcomes.filter((o) => o.shown !== o.expected).map((o) => `${o.round}:${o.key}`)
    results.row(
      measure,
      `${ROUNDS} closes, TTM4221-002v4`,
      `${kept(outcomes)} of ${ROUNDS}${lost.length ? ` (lost ${lost.join(', ')})` : ''}`,
    )
    results.figure(key, kept(outcomes))
  }
}
