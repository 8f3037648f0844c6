/**
 * Closing a tab right after a change, again and again: the rounds behind two browser tests (a
 * few rounds, each asserted) and behind `npm run bench` (20 rounds, counted as
 * `ratings_kept_of_20` and `notes_kept_of_20`). Each round opens a tab on the assessment,
 * reads what the tab before it left, makes one change and closes the tab.
 *
 * Plain Playwright calls only (no `expect`): the bench runs them outside the test runner.
 */
import type { BrowserContext, Page } from '@playwright/test'

/** What one reopened tab showed of the change the tab before it made. */
export interface RoundOutcome {
  round: number
  key: string
  expected: string
  shown: string | null
}

const RATED = ['P1.1.1', 'P1.1.2', 'P1.1.3', 'P1.2.1', 'P1.2.2', 'K01', 'K02', 'S01', 'S02', 'A01']
const NOTED = ['P1.1.1', 'P1.2.1', 'K01', 'S01', 'A01']

const itemOf = (page: Page, key: string) => page.locator(`[data-item-key="${key}"]`).first()

/** A new tab on the assessment, once it has moved to where the person left off. */
async function reopen(context: BrowserContext, url: string): Promise<Page> {
  const tab = await context.newPage()
  await tab.goto(url)
  await tab.locator('.rate-page[data-resumed="true"]').waitFor({ timeout: 15_000 })
  return tab
}

async function shownRating(tab: Page, key: string): Promise<string | null> {
  const checked = itemOf(tab, key).locator('[role="radio"][aria-checked="true"]')
  return (await checked.count()) ? checked.getAttribute('data-value') : null
}

/** Unfolds an item's note by keyboard (a pointer can land beside a card still being laid out). */
async function noteOf(tab: Page, key: string) {
  const note = itemOf(tab, key).getByLabel('備註')
  if (!(await note.isVisible())) {
    await itemOf(tab, key).getByText('備註與佐證').focus()
    await tab.keyboard.press('Enter')
  }
  await note.waitFor({ state: 'visible' })
  return note
}

/**
 * Rates an item by keyboard, waits until the page says saved, and closes the tab at once; the
 * next tab reads it back. `rounds` closes, each checked by the tab after it.
 */
export async function closeAfterRating(
  context: BrowserContext,
  url: string,
  rounds: number,
): Promise<RoundOutcome[]> {
  const outcomes: RoundOutcome[] = []
  let saved: { key: string; value: number } | undefined
  for (let round = 0; round <= rounds; round++) {
    const tab = await reopen(context, url)
    if (saved)
      outcomes.push({
        round,
        key: saved.key,
        expected: String(saved.value),
        shown: await shownRating(tab, saved.key),
      })
    if (round < rounds) {
      const key = RATED[round % RATED.length]!
      // Another value each time a key comes round again, so every round is a change to save.
      const value = ((round + Math.floor(round / RATED.length)) % 5) + 1
      // By keyboard, on the item itself: the scenario is the close, not where a pointer lands.
      await itemOf(tab, key).focus()
      await tab.keyboard.press(String(value))
      await itemOf(tab, key).locator(`[data-value="${value}"][aria-checked="true"]`).waitFor()
      // Strict durability: a disk busy with the other test worker can hold the flush a while.
      await itemOf(tab, key).locator('[data-save-state="saved"]').waitFor({ timeout: 20_000 })
      saved = { key, value }
    }
    await tab.close()
  }
  return outcomes
}

/**
 * Types a note and closes the tab 200 ms after the last keystroke, without waiting for the page
 * to say saved: the note must be stored within 150 ms of the last keystroke, or as the page goes.
 */
export async function closeAfterTyping(
  context: BrowserContext,
  url: string,
  rounds: number,
): Promise<RoundOutcome[]> {
  const outcomes: RoundOutcome[] = []
  let typed: { key: string; text: string } | undefined
  for (let round = 0; round <= rounds; round++) {
    const tab = await reopen(context, url)
    if (typed)
      outcomes.push({
        round,
        key: typed.key,
        expected: typed.text,
        shown: await (await noteOf(tab, typed.key)).inputValue(),
      })
    if (round < rounds) {
      const key = NOTED[round % NOTED.length]!
      const text = `第 ${round + 1} 次：處理團員糾紛`
      const note = await noteOf(tab, key)
      await note.focus()
      await tab.keyboard.press('ControlOrMeta+A')
      await note.pressSequentially(text, { delay: 20 })
      typed = { key, text }
      // The scenario itself, not a wait for the app: the person closes the tab this soon.
      await tab.waitForTimeout(200)
    }
    await tab.close()
  }
  return outcomes
}
