import { expect, type Page } from '@playwright/test'

export const TTM = 'TTM4221-002v4'
export const SHOP = 'THM3514-lodging-ecommerce'

/** Starts an assessment through the form and waits for the rating page; returns its URL. */
export async function startAssessment(
  page: Page,
  options: { standard?: string; name?: string; scale?: 'five' | 'levels' } = {},
): Promise<string> {
  await page.goto(`/#/assessments/new?standard=${options.standard ?? TTM}`)
  await page.getByLabel('姓名').fill(options.name ?? '王小明')
  if (options.scale === 'levels') await page.getByRole('radio', { name: /六級職能級別/ }).check()
  await page.getByRole('button', { name: '開始評分' }).click()
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/)
  await ratingPageReady(page)
  return page.url()
}

/**
 * Waits until a rating page has loaded and moved to where the person left off: a click made
 * before that could land where the page is about to scroll away from.
 */
export async function ratingPageReady(page: Page): Promise<void> {
  await expect(page.locator('.rate-page[data-resumed="true"]')).toBeVisible({ timeout: 15_000 })
}

/** The first place an item is shown on the rating page. */
export function item(page: Page, key: string) {
  return page.locator(`[data-item-key="${key}"]`).first()
}

/**
 * Unfolds an item's note and evidence, unless they show already, and waits for them. By
 * keyboard: a pointer pressed on the summary while the cards above it are still being laid out
 * can be released beside it, and the notes then stay folded.
 */
export async function openNotes(page: Page, key: string): Promise<void> {
  const note = item(page, key).getByLabel('備註')
  if (!(await note.isVisible())) {
    await item(page, key).getByText('備註與佐證').focus()
    await page.keyboard.press('Enter')
  }
  await expect(note).toBeVisible()
}

/**
 * Waits until the page says an item is saved. Every save is written with strict durability
 * (flushed to disk), and a disk busy with the other test worker's downloads and PDFs can hold
 * that flush for seconds: the wait is as long as a loaded machine needs, and a failure names
 * the state the badge was left in.
 */
export async function expectSaved(page: Page, key: string): Promise<void> {
  await expect(item(page, key).locator('[data-save-state]')).toHaveAttribute(
    'data-save-state',
    'saved',
    { timeout: 20_000 },
  )
}

/**
 * Clicks a rating value of an item, checks the value took, and waits until the page says it is
 * saved. Far down a long list the cards around the item are laid out only as it is scrolled to,
 * and they can move it between Playwright's scroll and its click: a click that landed elsewhere
 * is made again (never on a value already chosen, which the page would leave as it is).
 */
export async function rateAndWait(page: Page, key: string, value: number | 'na') {
  const choice = item(page, key).locator(`[data-value="${value}"]`)
  await expect(async () => {
    if ((await choice.getAttribute('aria-checked')) !== 'true') await choice.click()
    await expect(choice).toHaveAttribute('aria-checked', 'true', { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
  await expectSaved(page, key)
}

/** The chosen value of an item as the page shows it: a number, 'na', or null. */
export async function shownRating(page: Page, key: string): Promise<string | null> {
  await expect(item(page, key)).toBeVisible()
  const checked = item(page, key).locator('[role="radio"][aria-checked="true"]')
  return (await checked.count()) ? checked.getAttribute('data-value') : null
}
