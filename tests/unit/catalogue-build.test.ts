/**
 * The conversion as a build runs it (scripts/catalogue/output.ts): the index and one file per
 * standard written, reused while fresh, and an empty catalogue, said plainly, where the source
 * folder is missing (a build without ../shared/catalogue still works).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeReport, ensureCatalogue, outputFiles } from '../../scripts/catalogue/output'

const SOURCE = resolve(process.cwd(), '../shared/catalogue/competencywizard-parsed')
let work: string

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'gaplens-catalogue-test-'))
  process.env.GAPLENS_CATALOGUE_OUT = join(work, 'out')
})
afterEach(() => {
  delete process.env.GAPLENS_CATALOGUE_OUT
  delete process.env.GAPLENS_CATALOGUE_SOURCE
  rmSync(work, { recursive: true, force: true })
})

describe('the catalogue at build time', () => {
  it('writes the index and each standard, then reuses them while nothing changed', () => {
    const source = join(work, 'source')
    mkdirSync(source)
    for (const file of ['會計主管-職能基準.json', '旅遊業營運主管-職能基準.json'])
      copyFileSync(join(SOURCE, file), join(source, file))
    process.env.GAPLENS_CATALOGUE_SOURCE = source

    const first = ensureCatalogue(process.cwd())
    expect(first).toMatchObject({ found: true, files: 2, converted: 2, reused: false })
    expect(first.matched.map((m) => m.bundledId)).toEqual(['TTM4221-002v4'])
    expect(outputFiles(process.cwd()).map((f) => f.path)).toEqual([
      'catalogue/index.json',
      expect.stringMatching(/^catalogue\/standards\/FAC1211-001v2\.parsed\.[0-9a-f]{8}\.json$/),
    ])
    expect(describeReport(first)[0]).toMatch(/2 of 2 files converted .*TTM4221-002v4.*0 left out/)

    expect(ensureCatalogue(process.cwd())).toMatchObject({ converted: 2, reused: true })
    expect(ensureCatalogue(process.cwd(), true)).toMatchObject({ converted: 2, reused: false })
  })

  it('writes an empty catalogue, and says so, when the source folder is missing', () => {
    process.env.GAPLENS_CATALOGUE_SOURCE = join(work, 'nowhere')
    const report = ensureCatalogue(process.cwd())
    expect(report).toMatchObject({ found: false, files: 0, converted: 0 })
    expect(describeReport(report)).toEqual([
      expect.stringMatching(/not found, so the catalogue is empty/),
    ])
    const index = join(work, 'out/files/catalogue/index.json')
    expect(existsSync(index)).toBe(true)
    expect(JSON.parse(readFileSync(index, 'utf8'))).toMatchObject({ entries: [], leftOut: [] })
  })
})
