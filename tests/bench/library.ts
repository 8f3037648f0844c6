import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser } from '@playwright/test'
import type { BenchResults } from './results'
import { summary } from './run'
import { parsePastedStandard } from '../../src/domain/standard/import/paste'

const SEEDS = [
  { name: 'TTM4221-002v4', file: '000_cfa054c06da8b3b9.txt' },
  { name: 'THM3514 旅宿電商', file: '004_3208f0be47afb425.txt' },
]
const SAMPLES = 7

/**
 * The add page: from "讀取並預覽" pressed on a pasted seed text to its preview drawn (the
 * next frame after the preview's heading is in the page), per seed; the parser alone in Node
 * beside it. `parse_seed_ms` is the slower seed's median.
 */
export async function libraryBenchmarks(
  browser: Browser,
  base: string,
  results: BenchResults,
): Promise<void> {
  let slowest = 0
  for (const seed of SEEDS) {
    const text = readFileSync(resolve(process.cwd(), '../shared/seeds', seed.file), 'utf8')
    const alone: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now()
      parsePastedStandard(text)
      alone.push(performance.now() - start)
    }
    const page = await browser.newPage()
    const times: number[] = []
    for (let i = 0; i < SAMPLES; i++) {
      await page.goto(`${base}/#/standards/add`)
      await page.reload()
      await page.getByTestId('paste-input').fill(text)
      // A string, not a function: the bench runs through tsx, whose helpers the page lacks.
      const ms = await page.evaluate(`new Promise((resolve) => {
        const button = document.querySelector('[data-testid="paste-read"]')
        const start = performance.now()
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start))
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="draft-preview"]')) return
          observer.disconnect()
          done()
        })
        observer.observe(document.body, { childList: true, subtree: true })
        button.click()
      })`)
      times.push(ms as number)
    }
    await page.close()
    const shown = summary(times).median
    slowest = Math.max(slowest, shown)
    results.row(`parse and preview a pasted seed`, seed.name, `${shown.toFixed(1)} ms`)
    results.row(`  the parser alone (Node)`, seed.name, `${summary(alone).median.toFixed(1)} ms`)
  }
  results.figure('parse_seed_ms', slowest)
}
