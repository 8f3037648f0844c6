/**
 * The trainer's plan (issue 22): the training needs and the plan's set cover, and the
 * before/after comparison, for 10,000 people, each from a filter change to the answer drawn,
 * and the longest main-thread task meanwhile.
 *
 *   - Files: 10,000 people in two rounds (tests/tools/generate-rounds.ts, seed 1, planted
 *     K20 and S17): 20,000 files, imported once through the cohort page's file input.
 *   - The plan: on /#/cohort/plan with a course list of 40 courses (made here, seeded) loaded;
 *     the round filter switched between round 1 and round 2 (10,000 people each), so each
 *     change asks the worker for the needs table (10,000 people, every K, S item and task) and
 *     the plan's set cover over 40 courses. Timed in the page: from the select's change event
 *     (a capture listener) to the first frame after the page's state is 'ready' again.
 *   - The outcome: on /#/cohort/outcome, round 1 against round 2 (10,000 pairs), the anonymised
 *     mode switched on and off (a new request: the whole comparison again, names included).
 *   - The compute floor: the same needs and plan computed in Node, on this machine, with the
 *     domain functions alone (no worker, no page): what the page's figure could at best be.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Browser, Page } from '@playwright/test'
import { getScale } from '@/domain/assessment/scales'
import { cohortOf, memberMaker, type CohortMember } from '@/domain/cohort/cohort'
import type { AssessmentFile } from '@/domain/files/assessment-file'
import { readCourseCsv } from '@/domain/training/course-csv'
import { trainingNeedsTable } from '@/domain/training/needs'
import { trainingPlan } from '@/domain/training/plan'
import { compareOutcome } from '@/domain/training/outcome'
import { loadSeedStandard, mulberry32 } from '../tools/generate-cohort'
import { generateRounds } from '../tools/generate-rounds'
import type { BenchResults } from './results'
import { summary } from './run'

const PEOPLE = 10_000
const CHANGES = 6
const COURSES = 40
const TIMEOUT_MS = 300_000

/** A course list of `COURSES` courses, each on 2–5 of the standard's K, S and P codes. */
function courseCsv(codes: readonly string[]): string {
  const random = mulberry32(7)
  const rows = ['course,hours,kind,provider,cost,items,schedule']
  for (let i = 0; i < COURSES; i++) {
    const n = 2 + Math.floor(random() * 4)
    const items = Array.from({ length: n }, () => codes[Math.floor(random() * codes.length)]!)
    rows.push(
      `課程 ${i + 1},${1 + Math.floor(random() * 12)},course,內訓,${1000 * (1 + i)},${items.join(' ')},`,
    )
  }
  return rows.join('\n')
}

/**
 * Installed before the changes: a long-task observer, and `window.__planBench.next(selector)`,
 * which resolves with the time from the next change event to the first frame after the page
 * (`selector`) says 'ready' once more.
 */
const INSTALL = `(() => {
  const bench = { tasks: [] }
  window.__planBench = bench
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  bench.next = (selector) => new Promise((resolve, reject) => {
    let start = 0
    let busy = false
    const timer = setTimeout(() => reject(new Error('no answer within ${TIMEOUT_MS} ms')), ${TIMEOUT_MS})
    const onChange = () => { if (!start) start = performance.now() }
    document.addEventListener('change', onChange, { capture: true, once: true })
    const check = () => {
      const state = document.querySelector(selector)?.dataset.state
      if (!start) return
      if (state === 'working') busy = true
      if (!busy || state !== 'ready') return
      observer.disconnect()
      clearTimeout(timer)
      requestAnimationFrame(() => setTimeout(() => {
        const end = performance.now()
        const longest = bench.tasks.filter((t) => t.start >= start && t.start <= end).reduce((m, t) => Math.max(m, t.duration), 0)
        resolve({ ms: end - start, longest })
      }, 0))
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] })
  })
})()`

interface Timed {
  ms: number
  longest: number
}

async function timedChange(
  page: Page,
  selector: string,
  change: () => Promise<void>,
): Promise<Timed> {
  const answer = page.evaluate(`window.__planBench.next(${JSON.stringify(selector)})`)
  await change()
  return (await answer) as Timed
}

/** The members of generated files, a file at a time (10,000 parsed files would not fit). */
function membersOf(
  paths: readonly string[],
  make: (f: AssessmentFile) => CohortMember,
): CohortMember[] {
  return paths.map((path) => make(JSON.parse(readFileSync(path, 'utf8')) as AssessmentFile))
}

export async function planBenchmarks(
  browser: Browser,
  base: string,
  results: BenchResults,
): Promise<void> {
  const standard = loadSeedStandard('TTM4221-002v4')
  const folder = mkdtempSync(join(tmpdir(), 'gaplens-bench-plan-'))
  try {
    const generating = performance.now()
    const { round1, round2 } = await generateRounds({
      standard,
      n: PEOPLE,
      seed: 1,
      planted: ['K20', 'S17'],
    })
    const write = (files: typeof round1) =>
      files.map((file) => {
        const path = join(folder, file.name)
        writeFileSync(path, file.text)
        return path
      })
    const paths1 = write(round1)
    const paths2 = write(round2)
    const codes = [...standard.knowledge, ...standard.skills].map((x) => x.code)
    const csv = courseCsv(codes)
    const coursesPath = join(folder, 'courses.csv')
    writeFileSync(coursesPath, csv)
    results.row(
      'plan files',
      `${PEOPLE} people × 2 rounds, TTM4221-002v4, seed 1, generated in ${((performance.now() - generating) / 1000).toFixed(1)} s; ${COURSES} courses`,
      `${paths1.length + paths2.length} files`,
    )

    // The floor: the same figures in Node, from the domain alone.
    const scale = getScale('proficiency-5')
    const { make } = memberMaker(standard, scale)
    const before = cohortOf(
      standard,
      scale,
      membersOf(paths1, (f) => make(f)),
    )
    const after = cohortOf(
      standard,
      scale,
      membersOf(paths2, (f) => make(f)),
    )
    const courses = readCourseCsv(csv, standard)
    if (!courses.ok) throw new Error('the bench’s course list does not read')
    const floors: number[] = []
    const outcomeFloors: number[] = []
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      trainingNeedsTable(before, { rows: 'items', shown: 20, names: 8 })
      const plan = trainingPlan(before, courses.courses)
      floors.push(performance.now() - start)
      const covered = new Set(plan.chosen.flatMap((c) => c.course.items))
      const startOutcome = performance.now()
      compareOutcome(before, after, covered)
      outcomeFloors.push(performance.now() - startOutcome)
    }

    const context = await browser.newContext({ serviceWorkers: 'block' })
    try {
      const page = await context.newPage()
      await page.goto(`${base}/#/cohort`)
      await page.locator('[data-testid="cohorts-empty"]').waitFor()
      const importing = performance.now()
      await page.locator('[data-testid="cohort-file-input"]').setInputFiles([...paths1, ...paths2])
      await page
        .locator('[data-testid="cohort-import-outcome"][data-status="done"]')
        .waitFor({ timeout: TIMEOUT_MS })
      results.row(
        'plan: 20,000 files imported',
        'Node wall time, setInputFiles → outcome done',
        `${((performance.now() - importing) / 1000).toFixed(1)} s`,
      )

      const opening = performance.now()
      await page.locator('[data-testid="tab-cohort-plan"]').click()
      await page.locator('.cohort-plan-page[data-state="ready"]').waitFor({ timeout: TIMEOUT_MS })
      await page.locator('[data-testid="course-file-input"]').setInputFiles(coursesPath)
      await page.locator('[data-testid="plan-table"]').waitFor({ timeout: TIMEOUT_MS })
      await page.locator('.cohort-plan-page[data-state="ready"]').waitFor({ timeout: TIMEOUT_MS })
      results.row(
        'plan: page opened',
        'tab click → the worker has read 20,000 files, needs and plan drawn (Node wall time)',
        `${((performance.now() - opening) / 1000).toFixed(1)} s`,
      )

      await page.evaluate(INSTALL)
      const plans: Timed[] = []
      for (let i = 0; i < CHANGES; i++)
        plans.push(
          await timedChange(page, '.cohort-plan-page', () =>
            page
              .locator('[data-testid="filter-round"]')
              .selectOption(i % 2 ? '2' : '1')
              .then(() => undefined),
          ),
        )
      const planMs = summary(plans.map((p) => p.ms)).median
      const floor = summary(floors).median
      results.row(
        'plan 10,000: filter change → needs and plan drawn',
        `median of ${CHANGES} round changes (10,000 people each, ${COURSES} courses), in the page (aim ≤ 500 ms)`,
        `${planMs.toFixed(0)} ms (compute floor in Node ${floor.toFixed(0)} ms: ${(planMs / floor).toFixed(1)}×)`,
      )
      const planLongest = Math.max(...plans.map((p) => p.longest))
      results.row(
        'plan 10,000: longest main-thread task',
        `during the ${CHANGES} changes (aim ≤ 50 ms)`,
        `${planLongest.toFixed(0)} ms`,
      )
      results.figure('plan_10000_ms', planMs)
      results.figure('plan_floor_10000_ms', floor)
      results.figure('plan_longest_task_ms', planLongest)

      await page.locator('[data-testid="tab-cohort-outcome"]').click()
      await page.locator('[data-testid="outcome-matching"]').waitFor({ timeout: TIMEOUT_MS })
      await page
        .locator('.cohort-outcome-page[data-state="ready"]')
        .waitFor({ timeout: TIMEOUT_MS })
      const pairs = await page
        .locator('[data-testid="outcome-matching"]')
        .getAttribute('data-pairs')
      if (pairs !== String(PEOPLE)) throw new Error(`the outcome paired ${pairs} of ${PEOPLE}`)
      await page.evaluate(INSTALL)
      const outcomes: Timed[] = []
      for (let i = 0; i < CHANGES; i++)
        outcomes.push(
          await timedChange(page, '.cohort-outcome-page', () =>
            page.locator('[data-testid="anonymise-outcome"]').setChecked(i % 2 === 0),
          ),
        )
      const outcomeMs = summary(outcomes.map((p) => p.ms)).median
      const outcomeFloor = summary(outcomeFloors).median
      results.row(
        'outcome 10,000: change → before/after drawn',
        `median of ${CHANGES} changes of the anonymised mode (10,000 pairs), in the page (aim ≤ 500 ms)`,
        `${outcomeMs.toFixed(0)} ms (compute floor in Node ${outcomeFloor.toFixed(0)} ms)`,
      )
      const outcomeLongest = Math.max(...outcomes.map((p) => p.longest))
      results.row(
        'outcome 10,000: longest main-thread task',
        `during the ${CHANGES} changes (aim ≤ 50 ms)`,
        `${outcomeLongest.toFixed(0)} ms`,
      )
      results.figure('outcome_10000_ms', outcomeMs)
      results.figure('outcome_floor_10000_ms', outcomeFloor)
      results.figure('outcome_longest_task_ms', outcomeLongest)
    } finally {
      await context.close()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
