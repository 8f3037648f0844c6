/**
 * The long form in a real browser, where only a real layout and keyboard can tell:
 *
 *   - the rating page has one rating control per item, on both bundled standards and on a
 *     pasted one, and digits run through controls only: the run that overwrote S01 (from
 *     P1.2.1 through T1.2) leaves S01 as it was;
 *   - the offline-ready message never covers a control, measured with the elements' boxes;
 *   - on a phone no element is wider than the screen unless it sits in a scroll box that says
 *     it scrolls (the rating page, the results, a standard's page, the cohort with a
 *     200-character department as a heatmap column).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from './fixtures'
import {
  SHOP,
  TTM,
  item,
  rateAndWait,
  ratingPageReady,
  shownRating,
  startAssessment,
} from './helpers'
import { generateCohort, loadSeedStandard } from '../tools/generate-cohort'
import { rateableItems } from '../../src/domain/assessment/items'
import {
  assessmentFileText,
  sealAssessmentFile,
  type AssessmentFile,
} from '../../src/domain/files/assessment-file'

const itemCount = (id: string) => rateableItems(loadSeedStandard(id)).length
const LAPTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

/** The rating controls on the page (one radio group per item rated there) and the items. */
async function controls(page: Page): Promise<{ groups: number; cards: number; keys: number }> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.rate-page [data-item-key]')]
    return {
      groups: document.querySelectorAll('.rate-page [role="radiogroup"]').length,
      cards: cards.length,
      keys: new Set(cards.map((c) => c.dataset.itemKey)).size,
    }
  })
}

async function expectOneControlPerItem(page: Page, items: number, where: string) {
  await ratingPageReady(page)
  expect(await controls(page), where).toEqual({ groups: items, cards: items, keys: items })
}

/** Pastes the e-commerce standard's published text and saves it; returns its id. */
async function pasteShop(page: Page): Promise<string> {
  const text = readFileSync(
    resolve(process.cwd(), '../shared/seeds/004_3208f0be47afb425.txt'),
    'utf8',
  )
  await page.goto('/#/standards/add')
  await page.getByLabel('職能基準全文').fill(text)
  await page.getByRole('button', { name: '讀取並預覽' }).click()
  const id = page.locator('[data-kind="no-code"]').getByLabel('採用的值')
  await id.fill('THM3514-pasted')
  await id.press('Tab')
  await page.getByTestId('draft-save').click()
  await expect(page.getByTestId('standard-saved')).toBeVisible()
  return 'THM3514-pasted'
}

test.describe('one place to rate each item', () => {
  test.use({ viewport: LAPTOP })

  test('a laptop: one rating control per item on both bundled standards and a pasted one; digits from P1.2.1 through T1.2 leave S01 as it was', async ({
    page,
  }) => {
    await startAssessment(page, { standard: SHOP })
    await expectOneControlPerItem(page, itemCount(SHOP), SHOP)
    const pasted = await pasteShop(page)
    await startAssessment(page, { standard: pasted })
    await expectOneControlPerItem(page, itemCount(SHOP), 'the pasted e-commerce standard')

    await startAssessment(page, { standard: TTM })
    await expectOneControlPerItem(page, itemCount(TTM), TTM)
    // T1.2 lists S01, rated under T1.1: a reference there, not a control.
    const t12 = page.locator('section.task', {
      has: page.locator('h3 .code', { hasText: /^T1\.2$/ }),
    })
    await expect(t12.locator('[data-reference="S01"]')).toBeVisible()
    await expect(t12.locator('[data-item-key="S01"]')).toHaveCount(0)
    await rateAndWait(page, 'S01', 2)

    // Digits from P1.2.1 on, as many as T1.2 showed cards before (its controls and the items
    // it refers to): each rates the focused card and moves to the next.
    const cards = await t12.locator('[data-item-key]').count()
    const references = await t12.locator('[data-reference]').count()
    await item(page, 'P1.2.1').focus()
    for (let i = 0; i < cards + references; i++) await page.keyboard.press('5')
    // Every digit went to a card the person saw: T1.2's own, then T1.3's first ones.
    await expect(page.locator('.rate-page [data-item-key][data-state="rated"]')).toHaveCount(
      cards + references + 1,
      { timeout: 20_000 },
    )
    await expect(page.getByTestId('save-status')).toContainText('所有變更都已儲存', {
      timeout: 20_000,
    })
    expect(await shownRating(page, 'S01')).toBe('2')
    await expect(t12.locator('[data-item-key]:not([data-state="rated"])')).toHaveCount(0)
    // The reference under T1.2 shows S01's rating and leads to it.
    await expect(t12.locator('[data-reference="S01"] .rating')).toHaveText('2 有所認識')
    await t12.locator('[data-reference="S01"] a').click()
    await expect(page.locator('[data-item-key="S01"]:focus')).toHaveCount(1)
  })
})

/** Whether the note's box meets the box of any control on the screen (its own buttons aside). */
async function coveredControls(page: Page, note: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect()
    if (!box || !box.width) return ['no note']
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, summary, [role="radio"], [tabindex]:not([tabindex="-1"])',
    )
    const hit: string[] = []
    for (const el of controls) {
      if (el.closest(selector)) continue
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height) continue
      if (r.bottom <= 0 || r.top >= innerHeight) continue
      const meets =
        r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top
      if (meets) hit.push(`${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 20)}`)
    }
    return hit
  }, note)
}

/**
 * The elements that reach past the screen's sides and are not in a scroll box that says it
 * scrolls (a ScrollBox or a row marked the same way, overflowing and saying so).
 */
async function unannouncedOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const found: string[] = []
    if (document.documentElement.scrollWidth > width + 1)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`)
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height) continue
      // (Wholly off to the left is the skip link's way of waiting for the keyboard.)
      if (r.right <= width + 1 && (r.left >= -1 || r.right <= 0)) continue
      const box = el.closest<HTMLElement>('[data-scroll-box]')
      if (box && box.dataset.overflows === 'true') {
        // A ScrollBox says so in words; a row of links fades out where there is more.
        const says =
          box.querySelector('[data-testid="scroll-hint"]') !== null ||
          getComputedStyle(box).maskImage !== 'none'
        if (says) continue
      }
      // Clipped out of sight by an ancestor (an ellipsis, a visually hidden label).
      let clipped = false
      for (let up = el.parentElement; up && up !== box; up = up.parentElement) {
        const style = getComputedStyle(up)
        if (style.overflowX === 'visible') continue
        const o = up.getBoundingClientRect()
        if (o.right <= width + 1 && o.left >= -1) clipped = true
        break
      }
      if (clipped) continue
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`
      found.push(
        `${name} ${Math.round(r.left)}–${Math.round(r.right)} px: ${el.textContent?.trim().slice(0, 30)}`,
      )
    }
    return found.slice(0, 10)
  })
}

/** Five files of the seeded generator, one of them from a department with a 200-character name. */
async function cohortFiles(folder: (name: string) => string): Promise<string[]> {
  const { files } = await generateCohort({ standard: loadSeedStandard(TTM), n: 5, seed: 7 })
  const long = '國際事業發展與跨境旅遊產品整合行銷及策略聯盟暨數位轉型推動'.repeat(7).slice(0, 200)
  return Promise.all(
    files.map(async (file, i) => {
      let text = file.text
      if (i === 0) {
        const { integrity: _sealed, ...content } = JSON.parse(text) as AssessmentFile
        content.assessment.subject.department = long
        text = assessmentFileText(await sealAssessmentFile(content))
      }
      const path = folder(file.name)
      writeFileSync(path, text)
      return path
    }),
  )
}

test.describe('the phone and the laptop', () => {
  // The offline-ready message comes from the service worker.
  test.use({ serviceWorkers: 'allow' })

  for (const [device, viewport] of [
    ['phone', PHONE],
    ['laptop', LAPTOP],
  ] as const)
    test(`a ${device}: the offline-ready message covers no control; nothing is wider than the screen without saying it scrolls`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(viewport)
      await startAssessment(page)
      const note = '[data-testid="offline-ready"]'
      await expect(page.locator(note)).toBeVisible({ timeout: 30_000 })
      if (device === 'phone') await expectOneControlPerItem(page, itemCount(TTM), 'a phone')
      // At the top, halfway and at the very end (where the last card's buttons are).
      for (const at of [0, 0.5, 1]) {
        // Cards off screen are laid out at a guessed height (content-visibility) until a frame
        // has drawn them: scroll, let two frames pass, and again while the page's height moves.
        await page.evaluate(async (share) => {
          const frames = () =>
            new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
          for (let tries = 0; tries < 10; tries++) {
            const height = document.documentElement.scrollHeight
            window.scrollTo(0, share * height)
            await frames()
            if (document.documentElement.scrollHeight === height) break
          }
        }, at)
        expect(await coveredControls(page, note), `scrolled to ${at * 100}%`).toEqual([])
      }
      await expect(item(page, 'A07')).toBeInViewport()
      if (device === 'laptop') return

      expect(await unannouncedOverflow(page), 'the rating page').toEqual([])
      // In English too, whose words are longer (the header's links).
      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
      expect(await unannouncedOverflow(page), 'the rating page in English').toEqual([])
      await page.getByRole('button', { name: '繁體中文' }).click()
      await page.goto(`${page.url()}/results`)
      await expect(page.getByTestId('results-report')).toBeVisible()
      expect(await unannouncedOverflow(page), 'the results').toEqual([])

      await page.goto(`/#/standards/${TTM}`)
      const versions = page.locator('table.versions')
      await versions.scrollIntoViewIfNeeded()
      // The version history is wider than a phone: it scrolls, and says so.
      await expect(page.locator('[data-scroll-box]', { has: versions })).toHaveAttribute(
        'data-overflows',
        'true',
      )
      await expect(
        page.locator('[data-scroll-box]', { has: versions }).getByTestId('scroll-hint'),
      ).toBeVisible()
      // Its name column keeps a name on one line.
      const nameCell = versions.locator('tbody tr').first().locator('td').nth(1)
      const lines = await nameCell.evaluate((cell) => {
        const range = document.createRange()
        range.selectNodeContents(cell)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      })
      expect(lines).toBe(1)
      expect(await unannouncedOverflow(page), 'a standard’s page').toEqual([])

      await page.goto('/#/cohort')
      await page
        .getByTestId('cohort-file-input')
        .setInputFiles(await cohortFiles((name) => testInfo.outputPath(name)))
      const heat = page.getByTestId('heatmap')
      await expect(heat.locator('table.heat')).toBeVisible({ timeout: 30_000 })
      const longColumn = heat.locator('thead th[data-group] [data-short-name]')
      await expect(longColumn).toHaveCount(1)
      expect((await longColumn.boundingBox())!.width).toBeLessThan(260)
      const grid = heat.locator('[data-scroll-box]', { has: page.locator('table.heat') })
      await expect(grid).toHaveAttribute('data-overflows', 'true')
      await expect(grid.getByTestId('scroll-hint')).toBeVisible()
      expect(await unannouncedOverflow(page), 'the cohort').toEqual([])
    })
})
