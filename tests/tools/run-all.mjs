#!/usr/bin/env node
/**
 * `npm test`: lint, type-check, unit and component tests, the production build, and browser
 * tests against that build. Runs every step it can, then prints one closing line
 * "N passed, N failed" that sums every test (a failed lint, type-check or build counts as one
 * failure), and exits non-zero if anything failed.
 *
 * Lint, type-check and the build run side by side (each mostly on one core; their output is
 * printed whole as each ends), then the unit tests and the browser tests, which use every core.
 */
import { spawn, spawnSync } from 'node:child_process'
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

/** Runs a step beside others: its output is kept and printed whole when it ends. */
function runBeside(label, command, args) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, FORCE_COLOR: '0' } })
    const chunks = []
    child.stdout.on('data', (d) => chunks.push(d))
    child.stderr.on('data', (d) => chunks.push(d))
    child.on('close', (status) => {
      const ok = status === 0
      console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
      process.stdout.write(Buffer.concat(chunks))
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
const [lintOk, typesOk, buildOk] = await Promise.all([
  runBeside('lint', npx, ['eslint', '.', '--max-warnings', '0']),
  runBeside('type-check', npx, ['vue-tsc', '--noEmit', '-p', 'tsconfig.json']),
  runBeside('build', npx, ['vite', 'build']),
])
if (!lintOk) failed += 1
if (!typesOk) failed += 1

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

if (buildOk) {
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
