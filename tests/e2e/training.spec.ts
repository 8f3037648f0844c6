/**
 * The trainer's plan, whole, in a real browser: 200 generated files in two rounds of the same
 * 100 people (tests/tools/generate-rounds.ts), where round 2 closes the planted gaps on K20 and
 * S17 for everyone who had them and moves nothing else. The trainer imports both rounds, ranks
 * round 1's needs, loads a course list, gets the plan (the planted course with the attendees
 * the domain finds), prints it, and the before/after view shows the planted effect on the
 * covered items and none on the others. Figures are the domain's, run here on the same files.
 */
import { writeFileSync } from 'node:fs'
import { expect, expectAccessible, test } from './fixtures'
import { loadSeedStandard } from '../tools/generate-cohort'
import { generateRounds } from '../tools/generate-rounds'
import { getScale } from '../../src/domain/assessment/scales'
import { buildCohort } from '../../src/domain/cohort/cohort'
import type { AssessmentFile, AssessmentFileContent } from '../../src/domain/files/assessment-file'
import { readCourseCsv } from '../../src/domain/training/course-csv'
import { trainingPlan } from '../../src/domain/training/plan'
import { compareOutcome } from '../../src/domain/training/outcome'
import { trainingNeedsTable } from '../../src/domain/training/needs'

const standard = loadSeedStandard('TTM4221-002v4')
const scale = getScale('proficiency-5')
const PLANTED = ['K20', 'S17']
const COURSES = [
  'course 課程名稱,hours 時數,kind 類型,provider 辦理單位,cost 費用,items 對應職能項目,schedule 預定時間',
  '旅遊資訊系統實務,12,course,外訓,24000,K20 S17,2027 Q1',
  '產品企劃工作坊,6,course,內訓,8000,K03 K04 S03,2027 Q2',
  '主管帶領的客訴演練,4,coaching,直屬主管,,K24 S07,每月',
].join('\r\n')

const contentOf = (text: string): AssessmentFileContent => {
  const { integrity: _integrity, ...content } = JSON.parse(text) as AssessmentFile
  return content
}

test('two rounds with a planted course: needs, the course list, the plan on paper, and the planted effect before and after', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000)
  const { round1, round2 } = await generateRounds({ standard, n: 100, seed: 21, planted: PLANTED })
  const paths = [...round1, ...round2].map((file) => {
    const path = testInfo.outputPath(file.name)
    writeFileSync(path, file.text)
    return path
  })
  const coursesPath = testInfo.outputPath('courses.csv')
  writeFileSync(coursesPath, `\uFEFF${COURSES}`)

  // What the domain makes of the same files, for the page to match.
  const before = buildCohort(
    standard,
    scale,
    round1.map((f) => contentOf(f.text)),
  )
  const after = buildCohort(
    standard,
    scale,
    round2.map((f) => contentOf(f.text)),
  )
  const courses = readCourseCsv(COURSES, standard)
  if (!courses.ok) throw new Error('the test’s course list does not read')
  const plan = trainingPlan(before, courses.courses)
  const planted = plan.chosen.find((c) => c.course.items.join(' ') === 'K20 S17')!
  expect(planted, 'the plan takes the planted course').toBeDefined()
  const covered = new Set(plan.chosen.flatMap((c) => c.course.items))
  const outcome = compareOutcome(before, after, covered)
  const [needs] = trainingNeedsTable(before, { rows: 'items', shown: 20 })

  await test.step('both rounds imported at once', async () => {
    await page.goto('/#/cohort')
    await expect(page.getByTestId('cohorts-empty')).toBeVisible()
    await page.getByTestId('cohort-file-input').setInputFiles(paths)
    const outcome = page.getByTestId('cohort-import-outcome')
    await expect(outcome).toHaveAttribute('data-status', 'done', { timeout: 60_000 })
    await expect(outcome).toHaveAttribute('data-kept', '200')
  })

  const planPage = page.locator('.cohort-plan-page')
  await test.step('round 1’s training needs, ranked as the domain ranks them', async () => {
    await page.getByTestId('tab-cohort-plan').click()
    await expect(planPage).toHaveAttribute('data-state', 'ready', { timeout: 30_000 })
    await page.getByTestId('filter-round').selectOption('1')
    await expect(page.getByTestId('cohort-shown')).toHaveAttribute('data-shown', '100')
    await expect(planPage).toHaveAttribute('data-state', 'ready')
    const rows = page.locator('[data-testid="training-needs-table"] tr[data-key]')
    const expected = [...needs!.cut.shown, ...needs!.cut.tied]
    await expect(rows).toHaveCount(needs!.cut.shown.length)
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset.key,
        tr.querySelector('[data-col="below"]')?.textContent?.trim(),
      ]),
    )
    expect(shown).toEqual(
      expected.slice(0, shown.length).map((r) => [r.key, `${r.below} / ${r.rated}`]),
    )
    // The planted items are among the top needs: most people fall short on them.
    expect(shown.map(([key]) => key)).toEqual(expect.arrayContaining(PLANTED))
    await expectAccessible(page, 'the training needs')
  })

  await test.step('the course list loaded, and the plan with the planted course and its attendees', async () => {
    await page.getByTestId('course-file-input').setInputFiles(coursesPath)
    await expect(page.getByTestId('courses-loaded')).toHaveAttribute('data-count', '3')
    const rows = page.locator('[data-testid="plan-table"] tr[data-course]')
    await expect(rows).toHaveCount(plan.chosen.length)
    await expect(planPage).toHaveAttribute('data-state', 'ready')
    const first = rows.first()
    await expect(first).toHaveAttribute('data-course', planted.course.id)
    await expect(first).toHaveAttribute('data-attendees', String(planted.attendees))
    await expect(page.getByTestId('plan-totals')).toHaveAttribute(
      'data-courses',
      String(plan.totals.courses),
    )
  })

  await test.step('on paper: the 年度訓練計畫 columns, no controls', async () => {
    await page.emulateMedia({ media: 'print' })
    const sheet = page.getByTestId('plan-print')
    await expect(sheet).toBeVisible()
    await expect(sheet.locator('thead th')).toHaveText([
      '課程名稱',
      '對應職能項目',
      '對象',
      '人數',
      '時數',
      '辦理方式',
      '預定時間',
    ])
    await expect(sheet.locator('tbody tr').first()).toContainText('旅遊資訊系統實務')
    await expect(page.getByTestId('plan-table')).toBeHidden()
    await page.emulateMedia({ media: 'screen' })
  })

  await test.step('before and after: the planted effect on the covered items, none on the others', async () => {
    await page.getByTestId('tab-cohort-outcome').click()
    const result = page.getByTestId('outcome')
    await expect(page.locator('.cohort-outcome-page')).toHaveAttribute('data-state', 'ready', {
      timeout: 30_000,
    })
    await expect(page.getByTestId('outcome-before-round')).toHaveValue('1')
    await expect(page.getByTestId('outcome-after-round')).toHaveValue('2')
    await expect(page.getByTestId('outcome-matching')).toHaveAttribute('data-pairs', '100')
    for (const code of PLANTED) {
      const row = result.locator(`[data-testid="outcome-covered"] tr[data-key="${code}"]`)
      const item = outcome.items.find((i) => i.key === code)!
      expect(item.closed).toBe(item.hadGap)
      await expect(row).toHaveAttribute('data-closed', String(item.hadGap))
      await expect(row).toHaveAttribute('data-worse', '0')
      expect(Number(await row.getAttribute('data-change'))).toBeCloseTo(item.change!, 10)
      expect(Number(await row.getAttribute('data-change'))).toBeLessThan(0)
    }
    // Every other item paired: no gap closed, none worse, no change.
    const others = await result
      .locator('[data-testid="outcome-others"] tr[data-key]')
      .evaluateAll((trs) => trs.map((tr) => ({ ...(tr as HTMLElement).dataset })))
    expect(others.length).toBeGreaterThan(50)
    for (const row of others) expect(row).toMatchObject({ closed: '0', worse: '0', change: '0' })
    const groups = result.locator('[data-testid="outcome-groups"]')
    expect(
      Number(await groups.locator('tr[data-key="covered"]').getAttribute('data-change')),
    ).toBeLessThan(0)
    await expect(groups.locator('tr[data-key="others"]')).toHaveAttribute('data-change', '0')
    await expect(page.locator('.cohort-outcome-page figure.chart-figure')).toHaveAttribute(
      'data-drawn',
      'true',
    )
  })
})
