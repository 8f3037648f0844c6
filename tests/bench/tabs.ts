import type { Browser } from '@playwright/test'
import {
  assessmentInterleavings,
  openReview,
  reviewInterleavings,
  SHOWN_WITHIN_MS,
  type TabsOutcome,
} from '../e2e/tabs'
import type { BenchResults } from './results'

/** The first few of a list, for a row of the table, and how many more there are. */
function firstFew(names: string[]): string {
  const more = names.length > 4 ? `; ${names.length - 4} more` : ''
  return names.slice(0, 4).join('; ') + more
}

/** 10 rounds of 4 interleavings: the 40 of `two_tabs_lost_of_40`. */
const ROUNDS = 10

/**
 * The two-tab interleavings of the browser test, 10 rounds each (the test runs one): on one
 * assessment, a note then a rating, a rating then evidence; on one review, a comment then a
 * rating, the overall comment then the reviewer's name. Reported as how many of the 40 rounds
 * lost a change (`two_tabs_lost_of_40`), and how long the other tab took to show it.
 */
export async function tabsBenchmarks(
  browser: Browser,
  base: string,
  results: BenchResults,
): Promise<void> {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.goto(`${base}/#/assessments/new?standard=TTM4221-002v4`)
  await page.getByLabel('姓名').fill('Bench')
  await page.getByRole('button', { name: '開始評分' }).click()
  await page.locator('.rate-page[data-resumed="true"]').waitFor()
  const assessment = page.url()
  const review = await openReview(page, base)
  await page.close()
  const outcomes: TabsOutcome[] = [
    ...(await assessmentInterleavings(context, assessment, ROUNDS)),
    ...(await reviewInterleavings(context, review, ROUNDS)),
  ]
  await context.close()

  const total = outcomes.length
  const lost = outcomes.filter((o) => o.lost)
  const named = firstFew(lost.map((o) => `${o.scenario} ${o.round}: ${o.detail}`))
  results.row(
    'two tabs: rounds that lost a change',
    `4 interleavings × ${ROUNDS} rounds, TTM4221-002v4`,
    `${lost.length} of ${total}${named ? ` (${named})` : ''}`,
  )
  results.figure('two_tabs_lost_of_40', lost.length)
  const shown = outcomes.flatMap((o) => (o.shownMs === null ? [] : [o.shownMs]))
  const late = outcomes.filter((o) => o.shownMs === null || o.shownMs > SHOWN_WITHIN_MS)
  const lateNamed = firstFew(late.map((o) => `${o.scenario} ${o.round}`))
  results.row(
    'two tabs: the other tab shows the change',
    `from stored to shown, ${total} rounds`,
    `max ${Math.max(0, ...shown)} ms; ${late.length} not within ${SHOWN_WITHIN_MS} ms${lateNamed ? ` (${lateNamed})` : ''}`,
  )
  results.figure('two_tabs_shown_max_ms', Math.max(0, ...shown))
  results.figure('two_tabs_not_shown_of_40', late.length)
}
