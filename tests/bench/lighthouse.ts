/**
 * Lighthouse (mobile defaults: a mid-range phone, slow 4G and 4× CPU, simulated) on the pages a
 * newcomer opens first: the standards list, a standard's page and the new-assessment form.
 * Each page is audited RUNS times and the median score of each category kept, as Lighthouse's
 * own guidance advises on a noisy machine; the bench records the lowest page's score per
 * category.
 */
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import type { BenchResults } from './results'

const RUNS = 3
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
type Category = (typeof CATEGORIES)[number]

const PAGES = [
  { name: 'standards list', path: '/#/' },
  { name: 'a standard', path: '/#/standards/TTM4221-002v4' },
  { name: 'new assessment', path: '/#/assessments/new?standard=TTM4221-002v4' },
]

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function lighthouseBenchmarks(base: string, results: BenchResults): Promise<void> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  const lowest: Record<Category, number> = {
    performance: 100,
    accessibility: 100,
    'best-practices': 100,
    seo: 100,
  }
  try {
    for (const page of PAGES) {
      const scores: Record<Category, number[]> = {
        performance: [],
        accessibility: [],
        'best-practices': [],
        seo: [],
      }
      const metrics: Record<string, number[]> = { FCP: [], LCP: [], TBT: [], CLS: [] }
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(`${base}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        })
        if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`)
        const { categories, audits } = result.lhr
        for (const category of CATEGORIES)
          scores[category].push(Math.round((categories[category]?.score ?? 0) * 100))
        metrics.FCP!.push(audits['first-contentful-paint']?.numericValue ?? NaN)
        metrics.LCP!.push(audits['largest-contentful-paint']?.numericValue ?? NaN)
        metrics.TBT!.push(audits['total-blocking-time']?.numericValue ?? NaN)
        metrics.CLS!.push(audits['cumulative-layout-shift']?.numericValue ?? NaN)
      }
      const kept = CATEGORIES.map((c) => median(scores[c]))
      CATEGORIES.forEach((c, i) => (lowest[c] = Math.min(lowest[c], kept[i]!)))
      results.row(
        'Lighthouse perf / a11y / best practices / SEO',
        `${page.name}, mobile, median of ${RUNS}`,
        kept.join(' / '),
      )
      results.row(
        'Lighthouse FCP / LCP / TBT / CLS',
        `${page.name}, median of ${RUNS}`,
        `${Math.round(median(metrics.FCP!))} / ${Math.round(median(metrics.LCP!))} / ${Math.round(
          median(metrics.TBT!),
        )} ms / ${median(metrics.CLS!).toFixed(3)}`,
      )
    }
  } finally {
    await chrome.kill()
  }
  results.figure('lighthouse_min_performance', lowest.performance)
  results.figure('lighthouse_min_accessibility', lowest.accessibility)
  results.figure('lighthouse_min_best_practices', lowest['best-practices'])
  results.figure('lighthouse_min_seo', lowest.seo)
}
