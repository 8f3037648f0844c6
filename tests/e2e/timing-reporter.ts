/**
 * Where the browser tests' time goes. Each test's time is split by what its top-level steps
 * were doing:
 *
 *   - waiting: an `expect` that waits until the page shows something (a state, a message, a
 *     `data-` flag), or a Playwright wait (for an event, a download, a load state);
 *   - actions: everything else the test asks of the browser (navigate, click, type, evaluate,
 *     print to PDF, take a screenshot);
 *   - axe: the accessibility check of a screen (`expectAccessible`, a step of its own);
 *   - setup: fixtures and hooks (a browser context, the page, closing them);
 *   - test code: the rest, the test's own work in Node (reading a download, parsing a CSV).
 *
 * It prints one table at the end of the run and writes the figures, per test, to
 * `<outputDir>/../e2e-timing.json`, which the README's testing section quotes.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestResult,
  TestStep,
} from '@playwright/test/reporter'

const PARTS = ['waiting', 'actions', 'axe', 'setup', 'test code'] as const
type Part = (typeof PARTS)[number]
type Split = Record<Part, number>

interface Timing extends Split {
  title: string
  file: string
  total: number
}

const WAITS = /^(Wait for|Expect|waitFor)/i

const isAxe = (step: TestStep) => step.category === 'test.step' && step.title.startsWith('axe')

/** The time of the axe checks run inside a step (the page fixture checks the last screen). */
function axeInside(step: TestStep): number {
  return step.steps.reduce((sum, s) => sum + (isAxe(s) ? s.duration : axeInside(s)), 0)
}

function partOf(step: TestStep): Part {
  if (isAxe(step)) return 'axe'
  if (step.category === 'fixture' || step.category === 'hook') return 'setup'
  if (step.category === 'expect' || WAITS.test(step.title)) return 'waiting'
  return 'actions'
}

const empty = (): Split => ({ waiting: 0, actions: 0, axe: 0, setup: 0, 'test code': 0 })
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const share = (part: number, whole: number) =>
  whole ? `${Math.round((100 * part) / whole)} %` : '–'

export default class TimingReporter implements Reporter {
  private readonly splits = new Map<TestResult, Split>()
  private readonly timings: Timing[] = []
  private out = 'test-results/e2e-timing.json'
  private started = Date.now()

  onBegin(config: FullConfig, _suite: Suite): void {
    const dir = config.projects[0]?.outputDir
    if (dir) this.out = join(dirname(dir), 'e2e-timing.json')
    this.started = Date.now()
  }

  onStepEnd(_test: TestCase, result: TestResult, step: TestStep): void {
    // Top-level steps only: a step's children are inside its duration already.
    if (step.parent) return
    const split = this.splits.get(result) ?? empty()
    const axe = isAxe(step) ? 0 : axeInside(step)
    split[partOf(step)] += step.duration - axe
    split.axe += axe
    this.splits.set(result, split)
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const split = this.splits.get(result) ?? empty()
    this.splits.delete(result)
    const stepped = PARTS.reduce((sum, part) => sum + split[part], 0)
    split['test code'] += Math.max(0, result.duration - stepped)
    this.timings.push({
      title: test.titlePath().slice(3).join(' › '),
      file: test.location.file.replace(/^.*tests\/e2e\//, ''),
      total: result.duration,
      ...split,
    })
  }

  onEnd(_result: FullResult): void {
    if (!this.timings.length) return
    const wall = Date.now() - this.started
    const sum = empty()
    let total = 0
    for (const t of this.timings) {
      total += t.total
      for (const part of PARTS) sum[part] += t[part]
    }
    const slowest = [...this.timings].sort((a, b) => b.total - a.total).slice(0, 8)
    const lines = [
      '',
      `Browser tests: ${this.timings.length} tests, ${s(total)} of test time in ${s(wall)} (wall)`,
      ...PARTS.map(
        (part) => `  ${part.padEnd(10)} ${s(sum[part]).padStart(8)}  ${share(sum[part], total)}`,
      ),
      'Slowest:',
      ...slowest.map(
        (t) =>
          `  ${s(t.total).padStart(7)}  ${t.title.slice(0, 90)} (waiting ${share(t.waiting, t.total)}, axe ${share(t.axe, t.total)})`,
      ),
    ]
    console.log(lines.join('\n'))
    writeFileSync(
      this.out,
      JSON.stringify({ wallMs: wall, totalMs: total, parts: sum, tests: this.timings }, null, 2),
    )
  }

  printsToStdio(): boolean {
    return false
  }
}
