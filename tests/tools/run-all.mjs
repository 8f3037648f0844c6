#!/usr/bin/env node
/**
 * `npm test`: lint, type-check, unit and component tests, the production build, and browser
 * tests against that build. Runs every step it can, then prints one closing line
 * "N passed, N failed" that sums every test (a failed lint, type-check or build counts as one
 * failure), and exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const out = 'test-results'
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

let passed = 0
let failed = 0
const report = []

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  const ok = result.status === 0
  report.push(`${ok ? '✓' : '✗'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

const npx = 'npx'
if (!run('lint', npx, ['eslint', '.', '--max-warnings', '0'])) failed += 1
if (!run('type-check', npx, ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'])) failed += 1

const unitOk = run('unit and component tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}/vitest.json`,
])
const unit = readJson(`${out}/vitest.json`)
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests + unit.numPendingTests + unit.numTodoTests
  // A suite that fails to load has no tests to count: count it as one failure.
  failed += unit.testResults.filter(
    (r) => r.status === 'failed' && !r.assertionResults.length,
  ).length
} else if (!unitOk) failed += 1

if (run('build', npx, ['vite', 'build'])) {
  const e2eOk = run('browser tests', npx, [
    'playwright',
    'test',
    '-c',
    'tests/e2e/playwright.config.ts',
  ])
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
