/**
 * One assessment and one review open in two tabs, each tab acting right after the other: the
 * interleavings that once lost data, shared by a browser test (a round or two of each) and by
 * `npm run bench` (10 rounds of each, counted as `two_tabs_lost_of_40`). Each round uses items of
 * its own and checks what is stored (both changes there) and what each tab shows (the other's
 * change, within a second).
 *
 * Plain Playwright calls only (no `expect`): the bench runs them outside the test runner. Code
 * run in the page is passed as strings: the bench runs through tsx, whose helpers the page lacks.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseStandardFile } from '../../src/domain/standard/parse'
import { standardContentHash, standardVersion } from '../../src/domain/standard/identity'
import { rateableItems } from '../../src/domain/assessment/items'
import { assessmentFileText, sealAssessmentFile } from '../../src/domain/files/assessment-file'
import { assessmentBlock, fileContent, selfRatingsOf } from '../../src/domain/files/build'
import type { AssessmentRecord } from '../../src/domain/assessment/records'

/** What one round of one interleaving left: lost if a change is missing from what is stored. */
export interface TabsOutcome {
  scenario: string
  round: number
  key: string
  lost: boolean
  /** What went missing, in words, when something did. */
  detail: string
  /** From the acting tab's change stored to the other tab showing it (ms); null: not within 1 s. */
  shownMs: number | null
}

/** How soon a tab should show the other's change: the aim, measured by `npm run bench`. */
export const SHOWN_WITHIN_MS = 1000
/**
 * How long a test waits for the other tab to show it: a change never shown fails the test, one
 * shown late on a loaded machine is counted by the bench against the aim, not failed here.
 */
const SHOWN_WAIT_MS = 10_000
const STORED_WITHIN_MS = 20_000

const itemOf = (page: Page, key: string) => page.locator(`[data-item-key="${key}"]`).first()

/** Reads one record from the app's IndexedDB, in the page. */
function readRecord(page: Page, store: string, key: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('gaplens')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const read = open.result.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).get(${JSON.stringify(key)})
      read.onsuccess = () => { open.result.close(); resolve(read.result ?? {}) }
      read.onerror = () => reject(read.error)
    }
  })`)
}

/** Waits until a stored record has a field's value; false if it never comes. */
async function storedWhen(
  page: Page,
  store: string,
  key: unknown,
  field: string,
  value: unknown,
): Promise<boolean> {
  const end = Date.now() + STORED_WITHIN_MS
  while (Date.now() < end) {
    if (valueAt(await readRecord(page, store, key), field) === value) return true
    await page.waitForTimeout(20)
  }
  return false
}

/** A field of a record by its path (`reviewer.name`). */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], record)
}

/** Milliseconds until `selector` shows in the page, or null if it never does. */
async function shownWithin(page: Page, selector: string, since: number): Promise<number | null> {
  try {
    await page.locator(selector).first().waitFor({ timeout: SHOWN_WAIT_MS })
    return Date.now() - since
  } catch {
    return null
  }
}

/** Milliseconds until a text field of an item (or the page) holds `text`, or null. */
async function textWithin(page: Page, scope: string, text: string, since: number) {
  try {
    // A function, not a string: Playwright evaluates a string again on every poll, which the
    // page's policy (no eval) refuses and reports as a violation.
    await page.waitForFunction(
      ({ fields, wanted }) =>
        [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(fields)].some(
          (f) => f.value === wanted,
        ),
      { fields: `${scope} textarea, ${scope} input`, wanted: text },
      { timeout: SHOWN_WAIT_MS, polling: 20 },
    )
    return Date.now() - since
  } catch {
    return null
  }
}

/** Rates an item by keyboard, on the item itself (where a pointer lands is not the scenario). */
async function rate(page: Page, key: string, value: number): Promise<void> {
  await itemOf(page, key).focus()
  await page.keyboard.press(String(value))
}

/** Types a text into a field and leaves it (the page stores it at once). */
async function typeAndLeave(field: ReturnType<Page['locator']>, text: string) {
  await field.fill(text)
  await field.blur()
}

/** Unfolds an item's notes by keyboard unless they show; returns the field named. */
async function notesField(page: Page, key: string, label: '備註' | '佐證') {
  const field = itemOf(page, key).getByLabel(label)
  if (!(await field.isVisible())) {
    await itemOf(page, key).getByText('備註與佐證').focus()
    await page.keyboard.press('Enter')
  }
  await field.waitFor({ state: 'visible' })
  return field
}

function outcome(
  scenario: string,
  round: number,
  key: string,
  missing: string[],
  shownMs: number | null,
): TabsOutcome {
  return { scenario, round, key, lost: missing.length > 0, detail: missing.join(', '), shownMs }
}

/** The items of a page that is whole, each once, in the order shown. */
async function keysOf(page: Page): Promise<string[]> {
  const keys = await page
    .locator('[data-item-key]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.itemKey ?? ''))
  return [...new Set(keys)]
}

/** Two tabs on one page of the app, each once it has moved to where the person left off. */
export async function twoTabs(
  context: BrowserContext,
  url: string,
  ready: string,
): Promise<[Page, Page]> {
  const tabs: Page[] = []
  for (let i = 0; i < 2; i++) {
    const tab = await context.newPage()
    await tab.goto(url)
    await tab.locator(`${ready}[data-resumed="true"]`).waitFor({ timeout: 15_000 })
    tabs.push(tab)
  }
  return [tabs[0]!, tabs[1]!]
}

/**
 * On one assessment, `rounds` times each: a note typed in tab B, then a rating of the same item
 * in tab A; a rating in tab A, then evidence typed in tab B. Nothing may be lost.
 */
export async function assessmentInterleavings(
  context: BrowserContext,
  url: string,
  rounds: number,
): Promise<TabsOutcome[]> {
  const id = url.split('/').pop()!
  const [a, b] = await twoTabs(context, url, '.rate-page')
  const keys = await keysOf(a)
  const outcomes: TabsOutcome[] = []
  for (let round = 0; round < rounds; round++) {
    const value = (round % 5) + 1
    // A note typed in B, then a rating in A.
    const noted = keys[2 * round]!
    const note = `第 ${round + 1} 次：處理團員糾紛`
    await typeAndLeave(await notesField(b, noted, '備註'), note)
    const noteStored = await storedWhen(b, 'responses', [id, noted], 'note', note)
    await rate(a, noted, value)
    const rated = await storedWhen(a, 'responses', [id, noted], 'rating', value)
    const since = Date.now()
    const shown = await shownWithin(
      b,
      `[data-item-key="${noted}"] [data-value="${value}"][aria-checked="true"]`,
      since,
    )
    const record = await readRecord(a, 'responses', [id, noted])
    const missing = [
      !noteStored || record.note !== note ? 'note' : '',
      !rated || record.rating !== value ? 'rating' : '',
    ].filter(Boolean)
    outcomes.push(outcome('note, then rating', round, noted, missing, shown))

    // A rating in A, then evidence typed in B (which may not have heard yet).
    const evidenced = keys[2 * round + 1]!
    const evidence = `佐證 ${round + 1}`
    await rate(a, evidenced, value)
    const ratedFirst = await storedWhen(a, 'responses', [id, evidenced], 'rating', value)
    await typeAndLeave(await notesField(b, evidenced, '佐證'), evidence)
    const evidenceStored = await storedWhen(b, 'responses', [id, evidenced], 'evidence', evidence)
    const seen = await textWithin(a, `[data-item-key="${evidenced}"]`, evidence, Date.now())
    const after = await readRecord(a, 'responses', [id, evidenced])
    const lost = [
      !ratedFirst || after.rating !== value ? 'rating' : '',
      !evidenceStored || after.evidence !== evidence ? 'evidence' : '',
    ].filter(Boolean)
    outcomes.push(outcome('rating, then evidence', round, evidenced, lost, seen))
  }
  await a.close()
  await b.close()
  return outcomes
}

/**
 * On one review, `rounds` times each: an item's comment typed in tab B, then a rating of the
 * item in tab A; the overall comment typed in tab A, then the reviewer's name in tab B.
 */
export async function reviewInterleavings(
  context: BrowserContext,
  url: string,
  rounds: number,
): Promise<TabsOutcome[]> {
  const id = url.split('/').pop()!
  const [a, b] = await twoTabs(context, url, '.review-page')
  const keys = await keysOf(a)
  const outcomes: TabsOutcome[] = []
  for (let round = 0; round < rounds; round++) {
    const value = (round % 5) + 1
    const key = keys[round]!
    const comment = `第 ${round + 1} 次：請補上佐證`
    await typeAndLeave(itemOf(b, key).getByRole('textbox'), comment)
    const commented = await storedWhen(b, 'reviewRatings', [id, key], 'comment', comment)
    await rate(a, key, value)
    const rated = await storedWhen(a, 'reviewRatings', [id, key], 'rating', value)
    const shown = await shownWithin(
      b,
      `[data-item-key="${key}"] [data-value="${value}"][aria-checked="true"]`,
      Date.now(),
    )
    const record = await readRecord(a, 'reviewRatings', [id, key])
    const missing = [
      !commented || record.comment !== comment ? 'comment' : '',
      !rated || record.rating !== value ? 'rating' : '',
    ].filter(Boolean)
    outcomes.push(outcome('comment, then rating', round, key, missing, shown))

    const overall = `整體第 ${round + 1} 版`
    const name = `陳主管 ${round + 1}`
    await typeAndLeave(a.getByTestId('overall-comment'), overall)
    const overallStored = await storedWhen(a, 'reviews', id, 'comment', overall)
    await typeAndLeave(b.getByTestId('reviewer-name'), name)
    const named = await storedWhen(b, 'reviews', id, 'reviewer.name', name)
    const seen = await textWithin(a, '.review-header', name, Date.now())
    const header = await readRecord(a, 'reviews', id)
    const lost = [
      !overallStored || valueAt(header, 'comment') !== overall ? 'overall comment' : '',
      !named || valueAt(header, 'reviewer.name') !== name ? "reviewer's name" : '',
    ].filter(Boolean)
    outcomes.push(outcome("overall comment, then reviewer's name", round, 'review', lost, seen))
  }
  await a.close()
  await b.close()
  return outcomes
}

/** 王小明's file on TTM4221-002v4, nothing self-rated: a review to open in two tabs. */
export async function employeeFileText(): Promise<string> {
  const TTM = 'TTM4221-002v4'
  const AT = '2026-11-24T02:00:00.000Z'
  const parsed = parseStandardFile(
    `${TTM}.json`,
    readFileSync(join('data/standards', `${TTM}.json`), 'utf8'),
  )
  if (!parsed.ok) throw new Error('the seed standard does not parse')
  const standard = parsed.value
  const record: AssessmentRecord = {
    id: 'tabs-assessment-1',
    standardId: standard.id,
    title: '王小明・旅遊業營運主管・2026-11-24',
    subject: { name: '王小明', employeeId: 'E01', department: '營運部', jobTitle: '副理' },
    scaleId: 'proficiency-5',
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId: null,
    createdAt: AT,
    updatedAt: AT,
    lastItemKey: null,
  }
  const keys = rateableItems(standard).map((i) => i.key)
  const identity = {
    id: standard.id,
    code: standard.code,
    version: standardVersion(standard),
    title: standard.title,
    contentHash: await standardContentHash(standard),
  }
  const block = assessmentBlock(record, selfRatingsOf(new Map(), keys))
  return assessmentFileText(await sealAssessmentFile(fileContent(identity, block, null, AT)))
}

/** Opens an employee's file for review in a page; returns the review page's URL. */
export async function openReview(page: Page, base = ''): Promise<string> {
  await page.goto(`${base}/#/reviews`)
  const text = await employeeFileText()
  await page.getByTestId('review-file-input').setInputFiles({
    name: '王小明.gaplens.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await page.getByRole('link', { name: '開始檢視' }).click()
  await page.locator('.review-page[data-resumed="true"]').waitFor({ timeout: 15_000 })
  return page.url()
}
