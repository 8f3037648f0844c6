/**
 * One assessment and one review open in two tabs of one browser (one context: one IndexedDB),
 * each tab acting right after the other. A round of each interleaving that once lost data
 * (`npm run bench` runs 10 of each, as two_tabs_lost_of_40): nothing is lost, and each tab shows
 * the other's change (how soon, against the aim of a second, is the bench's
 * two_tabs_shown_max_ms and two_tabs_not_shown_of_40: a timed assertion here would fail on a
 * loaded machine). A note being typed is kept beside the other tab's; an
 * assessment deleted in one tab leaves the other with a message.
 */
import { expect, expectAccessible, test } from './fixtures'
import { item, openNotes, startAssessment } from './helpers'
import {
  assessmentInterleavings,
  openReview,
  reviewInterleavings,
  twoTabs,
  type TabsOutcome,
} from './tabs'

function expectNothingLost(outcomes: TabsOutcome[], count: number): void {
  expect(outcomes).toHaveLength(count)
  for (const o of outcomes) {
    const where = `${o.scenario}, round ${o.round}, ${o.key}`
    expect(o.lost, `${where}: lost ${o.detail}`).toBe(false)
    expect(o.shownMs, `${where}: the other tab never showed it`).not.toBeNull()
  }
}

test('one assessment in two tabs: nothing lost, each shows the other, a note being typed is kept, a deletion is said', async ({
  context,
  page,
}) => {
  const url = await startAssessment(page)
  await page.close()
  expectNothingLost(await assessmentInterleavings(context, url, 1), 2)

  const [a, b] = await twoTabs(context, url, '.rate-page')
  const key = 'P1.3.1'
  // Tab A: the person is typing a note, the cursor still in it.
  await openNotes(a, key)
  const mine = item(a, key).getByLabel('備註')
  await mine.focus()
  await mine.pressSequentially('我正在寫的備註', { delay: 20 })
  // Tab B changes the same note meanwhile, once it shows A's text as stored (the notes unfold
  // with it: a press on the fold as they do would fold them again).
  await expect(item(b, key).getByLabel('備註')).toHaveValue('我正在寫的備註')
  await openNotes(b, key)
  await item(b, key).getByLabel('備註').fill('另一個分頁的備註')
  await item(b, key).getByLabel('備註').blur()
  const conflict = item(a, key).getByTestId('conflict')
  await expect(conflict).toContainText('另一個分頁的備註', { timeout: 1000 })
  await expect(mine).toHaveValue('我正在寫的備註')
  await expect(mine).toBeFocused()
  await expectAccessible(a, 'a note changed in another tab while typed here')
  await conflict.getByTestId('keep-mine').click()
  await expect(conflict).toHaveCount(0)
  await expect(item(b, key).getByLabel('備註')).toHaveValue('我正在寫的備註', { timeout: 1000 })

  // Deleted from the list in tab B: tab A says so instead of a broken page.
  await b.goto('/#/assessments')
  await b.locator('.assessment-card').first().getByRole('button', { name: '刪除' }).click()
  await b.getByRole('alertdialog').getByRole('button', { name: '刪除' }).click()
  await expect(b.locator('.assessment-card')).toHaveCount(0)
  await expect(a.getByRole('alert')).toContainText('已在另一個分頁或視窗刪除', { timeout: 1000 })
  await expect(a.getByRole('link', { name: '我的自評' }).last()).toBeVisible()
  await expectAccessible(a, 'an assessment deleted in another tab')
  await b.close()
})

test('one review in two tabs: a comment and the overall comment lost to neither, each tab shows the other', async ({
  context,
  page,
}) => {
  const url = await openReview(page)
  expectNothingLost(await reviewInterleavings(context, url, 1), 2)
})
