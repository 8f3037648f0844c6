/**
 * A backup of 20,000 assessments restored in Settings, then 我的自評 opened (issue 19).
 *
 *   - The backup: written here, never committed: 20,000 assessments on the two bundled
 *     standards, each with 3 to 9 responses (some with a note), seed 19; about 37 MB.
 *   - restore_20000_ms: from the file input's change event to the dialog asking what to do,
 *     plus from the confirm button's click to the page saying it is restored (the time a person
 *     spends reading the dialog is not counted). A fresh context: an empty database.
 *   - restore_longest_task_ms: the longest main-thread task from the change event to the
 *     restored message (a buffered 'longtask' observer), the person's time included.
 *   - assessments_list_20000_ms: from a click on 我的自評 (a change of route) to the first
 *     assessment card on screen and a frame drawn after it; its longest task beside it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { rateableItems } from '@/domain/assessment/items'
import type { AssessmentRecord, ResponseRecord } from '@/domain/assessment/records'
import { buildBackup } from '@/domain/files/backup'
import { loadSeedStandard, mulberry32 } from '../tools/generate-cohort'
import { backupTables, makeAssessmentRecord } from '../fixtures/records'
import type { BenchResults } from './results'

const N = 20_000
const SEED = 19
const STANDARDS = ['TTM4221-002v4', 'THM3514-lodging-ecommerce']
const TIMEOUT_MS = 300_000
const NOTES = ['有帶團經驗', '還在學', '需要主管協助', '已能獨立處理', '']

/** The backup's text: N assessments spread over the bundled standards. */
export function restoreBackupText(n = N, seed = SEED): string {
  const random = mulberry32(seed)
  const standards = STANDARDS.map((id) => ({
    id,
    keys: rateableItems(loadSeedStandard(id)).map((i) => i.key),
  }))
  const assessments: AssessmentRecord[] = []
  const responses: ResponseRecord[] = []
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  for (let i = 0; i < n; i++) {
    const standard = standards[i % standards.length]!
    const at = new Date(start + i * 60_000).toISOString()
    const id = `bench-${String(i).padStart(5, '0')}`
    const name = `成員 ${String(i + 1).padStart(5, '0')}`
    const subject = { name, employeeId: `E${i}`, department: `部門 ${i % 12}`, jobTitle: '專員' }
    assessments.push(
      makeAssessmentRecord(id, {
        standardId: standard.id,
        title: `${name}・自評`,
        subject,
        createdAt: at,
        updatedAt: at,
      }),
    )
    const rated = 3 + Math.floor(random() * 7)
    const seen = new Set<string>()
    for (let k = 0; k < rated; k++) {
      const itemKey = standard.keys[(i + k * 7) % standard.keys.length]!
      if (seen.has(itemKey)) continue
      seen.add(itemKey)
      responses.push({
        assessmentId: id,
        itemKey,
        rating: random() < 0.1 ? 'na' : 1 + Math.floor(random() * 5),
        note: NOTES[Math.floor(random() * NOTES.length)]!,
        evidence: '',
        updatedAt: at,
      })
    }
  }
  const backup = buildBackup(backupTables({ assessments, responses }), '2026-12-01T00:00:00.000Z')
  return `${JSON.stringify(backup, null, 2)}\n`
}

// Page code is passed as strings: the bench runs through tsx, whose helpers the page lacks.

/** Installed on Settings before the file is set: marks, long tasks and the confirm's click. */
const INSTALL = `(() => {
  const bench = { marks: {}, tasks: [] }
  window.__restoreBench = bench
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  document.addEventListener('change', (event) => {
    if (event.target.matches('[data-testid="restore-input"]')) bench.marks.change = performance.now()
  }, { capture: true })
  const confirmButton = () =>
    document.querySelector('[data-testid="restore-confirm"]') ??
    [...document.querySelectorAll('[role="alertdialog"] button')].find((b) => b.textContent.trim() === '還原')
  const done = () =>
    document.querySelector('[data-testid="restore-done"]') ??
    [...document.querySelectorAll('[role="alert"]')].find((a) => a.textContent.includes('已從「'))
  const failed = () =>
    [...document.querySelectorAll('[role="alert"]')].find((a) => a.textContent.includes('無法還原'))
  bench.done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no restore within ${TIMEOUT_MS} ms')), ${TIMEOUT_MS})
    const check = () => {
      const marks = bench.marks
      if (!marks.change) return
      const button = confirmButton()
      if (button && !marks.dialog) {
        marks.dialog = performance.now()
        // The person's time: not counted in the restore's.
        setTimeout(() => { marks.confirm = performance.now(); button.click() }, 50)
      }
      if (failed()) {
        observer.disconnect(); clearTimeout(timer)
        return reject(new Error(failed().textContent))
      }
      if (!marks.confirm || !done()) return
      marks.done = performance.now()
      observer.disconnect(); clearTimeout(timer)
      requestAnimationFrame(() => setTimeout(resolve, 0))
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
})()`

const RESTORE_FIGURES = `window.__restoreBench.done.then(() => {
  const b = window.__restoreBench
  const m = b.marks
  const during = b.tasks.filter((t) => t.start >= m.change && t.start <= m.done)
  return {
    ms: m.dialog - m.change + (m.done - m.confirm),
    check: m.dialog - m.change,
    write: m.done - m.confirm,
    longest: during.reduce((max, t) => Math.max(max, t.duration), 0),
  }
})`

/** From a click on 我的自評 to the first card drawn, and the longest task meanwhile. */
const OPEN_LIST = `new Promise((resolve, reject) => {
  const tasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration)
  }).observe({ type: 'longtask' })
  const link = [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === '我的自評')
  const timer = setTimeout(() => reject(new Error('no assessment card within ${TIMEOUT_MS} ms')), ${TIMEOUT_MS})
  const start = performance.now()
  link.click()
  const check = () => {
    if (!document.querySelector('.assessment-card')) return requestAnimationFrame(check)
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(timer)
      resolve({ ms: performance.now() - start, longest: Math.max(0, ...tasks), cards: document.querySelectorAll('.assessment-card').length })
    }, 0))
  }
  check()
})`

/** A 20,000-assessment backup restored in a fresh context, then the list opened. */
export async function restoreBenchmarks(
  browser: Browser,
  base: string,
  results: BenchResults,
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'gaplens-restore-'))
  try {
    const file = join(folder, 'gaplens-backup-20000.json')
    const text = restoreBackupText()
    writeFileSync(file, text)
    const mb = (Buffer.byteLength(text) / 1e6).toFixed(1)
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    page.setDefaultTimeout(TIMEOUT_MS)
    await page.goto(`${base}/#/settings`)
    await page.locator('[data-testid="restore-input"]').waitFor({ state: 'attached' })
    await page.evaluate(INSTALL)
    await page.locator('[data-testid="restore-input"]').setInputFiles(file)
    const restore = (await page.evaluate(RESTORE_FIGURES)) as {
      ms: number
      check: number
      write: number
      longest: number
    }
    const condition = `${N.toLocaleString('en')} assessments, ${mb} MB, empty device`
    results.row('restore a backup, check + write', condition, `${restore.ms.toFixed(0)} ms`)
    results.row('restore: the check (change → dialog)', condition, `${restore.check.toFixed(0)} ms`)
    results.row('restore: the write (confirm → done)', condition, `${restore.write.toFixed(0)} ms`)
    results.row('restore: longest task', condition, `${restore.longest.toFixed(0)} ms`)
    results.figure('restore_20000_ms', restore.ms)
    results.figure('restore_longest_task_ms', restore.longest)

    const list = (await page.evaluate(OPEN_LIST)) as { ms: number; longest: number; cards: number }
    const at = `${N.toLocaleString('en')} assessments, from a click on 我的自評`
    results.row('assessments list → first card', at, `${list.ms.toFixed(0)} ms`)
    results.row('assessments list: longest task', at, `${list.longest.toFixed(0)} ms`)
    results.row('assessments list: cards drawn', at, String(list.cards))
    results.figure('assessments_list_20000_ms', list.ms)
    results.figure('assessments_list_longest_task_ms', list.longest)
    await context.close()
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
