#!/usr/bin/env node
/**
 * `npm test`: lint, type-check, unit and component tests, the production build, and browser
 * tests against that build. Runs every step it can, then prints one closing line
 * "N passed, N failed" that sums every test (a failed lint, type-check or build counts as one
 * failure), and exits non-zero if anything failed.
 *
 * Everything runs side by side, each step's output printed whole as it ends: lint, type-check
 * and the build start together; the browser tests start as soon as the build is there, and the
 * unit tests once lint and type-check are done. The browser tests spend most of their time
 * waiting on the page and on disk flushes, so the two cores are better used this way than one
 * step after another.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const out = 'test-results'
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

let passed = 0
let failed = 0
const report = []

/**
 * Runs a step beside others: its output is kept and printed whole when it ends, or, for the
 * one long step (`stream`), printed as it comes so a long run is never silent.
 */
function runBeside(label, command, args, { stream = false } = {}) {
  const started = Date.now()
  if (stream) console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: stream ? 'inherit' : 'pipe',
    })
    const chunks = []
    child.stdout?.on('data', (d) => chunks.push(d))
    child.stderr?.on('data', (d) => chunks.push(d))
    child.on('close', (status) => {
      const ok = status === 0
      if (!stream) {
        console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
        process.stdout.write(Buffer.concat(chunks))
      }
      report.push(`${ok ? '✓' : '✗'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
      resolve(ok)
    })
  })
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

const npx = 'npx'
const e2eArgs = ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']
const checks = Promise.all([
  runBeside('lint', npx, ['eslint', '.', '--max-warnings', '0']),
  runBeside('type-check', npx, ['vue-tsc', '--noEmit', '-p', 'tsconfig.json']),
])
const browser = runBeside('build', npx, ['vite', 'build']).then(async (buildOk) =>
  buildOk
    ? { buildOk, e2eOk: await runBeside('browser tests', npx, e2eArgs, { stream: true }) }
    : { buildOk, e2eOk: false },
)
const unitRun = checks.then(() =>
  runBeside('unit and component tests', npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}/vitest.json`,
  ]),
)
const [[lintOk, typesOk], unitOk, { buildOk, e2eOk }] = await Promise.all([
  checks,
  unitRun,
  browser,
])
if (!lintOk) failed += 1
if (!typesOk) failed += 1

const unit = readJson(`${out}/vitest.json`)
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests + unit.numPendingTests + unit.numTodoTests
  // A suite that fails to load has no tests to count: count it as one failure.
  failed += unit.testResults.filter(
    (r) => r.status === 'failed' && !r.assertionResults.length,
  ).length
} else if (!unitOk) failed += 1

if (buildOk) {
  const e2e = readJson(`${out}/playwright.json`)
  if (e2e?.stats) {
    passed += e2e.stats.expected
    failed += e2e.stats.unexpected + e2e.stats.flaky + e2e.stats.skipped
  } else if (!e2eOk) failed += 1
} else {
  failed += 1
}

console.log(`\n${report.join('\n')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
