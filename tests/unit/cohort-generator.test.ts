import { describe, expect, it } from 'vitest'
import { readAssessmentText } from '@/domain/files/read'
import type { AssessmentFileContent } from '@/domain/files/assessment-file'
import { getScale } from '@/domain/assessment/scales'
import { standardContentHash } from '@/domain/standard/identity'
import type { Standard } from '@/domain/standard/schema'
import { pool, poolKey } from '@/domain/cohort/pool'
import { buildCohort } from '@/domain/cohort/cohort'
import { cohortSummary } from '@/domain/cohort/summary'
import { itemStats, topCommonGaps } from '@/domain/cohort/item-stats'
import { generateCohort, loadSeedStandard, mulberry32 } from '../tools/generate-cohort'
import { generateRounds } from '../tools/generate-rounds'
import { compareOutcome } from '@/domain/training/outcome'

const standard = loadSeedStandard('TTM4221-002v4')
const standardOf = (id: string): Standard | undefined => (id === standard.id ? standard : undefined)

async function read(name: string, text: string) {
  return readAssessmentText(name, text, standardOf, standardContentHash)
}

describe('the seeded generator', () => {
  it('draws the same numbers from the same seed', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    const c = mulberry32(8)
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(first)
    expect([c(), c(), c()]).not.toEqual(first)
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('writes the same files from the same seed, and others from another', async () => {
    const one = await generateCohort({ standard, n: 12, seed: 1, broken: 4 })
    const again = await generateCohort({ standard, n: 12, seed: 1, broken: 4 })
    const other = await generateCohort({ standard, n: 12, seed: 2 })
    expect(again).toEqual(one)
    expect(other.files.map((f) => f.text)).not.toEqual(one.files.map((f) => f.text))
    // Broken files come after the valid ones and leave them as they were.
    const without = await generateCohort({ standard, n: 12, seed: 1 })
    expect(without.files).toEqual(one.files)
    expect(new Set([...one.files, ...one.broken].map((f) => f.name)).size).toBe(16)
  })

  it('writes files the app accepts, with a plausible spread', async () => {
    const { files } = await generateCohort({ standard, n: 60, seed: 3 })
    const contents: AssessmentFileContent[] = []
    for (const file of files) {
      const result = await read(file.name, file.text)
      expect([file.name, result.ok]).toEqual([file.name, true])
      if (result.ok === true) {
        expect(result.value.standardDiffers).toBe(false)
        const { integrity: _seal, ...content } = result.value.file
        contents.push(content)
      }
    }
    const { cohorts } = pool(contents)
    expect([...cohorts.keys()]).toEqual([poolKey(contents[0]!)])
    const cohort = buildCohort(standard, getScale('proficiency-5'), contents)
    const summary = cohortSummary(cohort)
    expect(summary.assessments).toBe(60)
    // Some stopped early, some were reviewed: neither none nor all.
    expect(summary.complete).toBeGreaterThan(0)
    expect(summary.complete).toBeLessThan(60)
    expect(summary.reviewed).toBeGreaterThan(0)
    expect(summary.reviewed).toBeLessThan(60)
    expect(new Set(cohort.members.map((m) => m.department)).size).toBeGreaterThan(2)
    const stats = itemStats(cohort)
    expect(stats.some((s) => s.na > 0)).toBe(true)
    expect(stats.some((s) => s.unrated > 0)).toBe(true)
    // Harder items give common gaps; nobody's ratings are all on one step.
    expect(topCommonGaps(stats).length).toBeGreaterThan(5)
    const values = new Set(cohort.members.flatMap((m) => [...m.self].filter((v) => v > 0)))
    expect(values.size).toBe(5)
  })

  it('writes broken files the app refuses, each for its reason', async () => {
    const { broken } = await generateCohort({ standard, n: 0, seed: 4, broken: 5 })
    expect(broken.map((b) => b.code)).toEqual([
      'not-json',
      'integrity-mismatch',
      'version-newer',
      'unknown-item',
      'not-json',
    ])
    for (const file of broken) {
      const result = await read(file.name, file.text)
      expect([file.name, result.ok]).toEqual([file.name, false])
      if (result.ok === false)
        expect([file.name, result.problem.code]).toEqual([file.name, file.code])
      expect(file.reason).not.toBe('')
    }
  })

  it('writes a cohort on the level scale that the app accepts', async () => {
    const { files } = await generateCohort({ standard, n: 5, seed: 5, scale: 'icap-level-6' })
    for (const file of files) {
      const result = await read(file.name, file.text)
      expect([file.name, result.ok]).toEqual([file.name, true])
      if (result.ok === true) expect(result.value.file.assessment.scale).toBe('icap-level-6')
    }
  })
})

describe('two rounds with a planted effect', () => {
  it('closes the planted items’ gaps in round 2 for those who had one, and moves nothing else', async () => {
    const { round1, round2 } = await generateRounds({
      standard,
      n: 30,
      seed: 21,
      planted: ['K20', 'S17'],
    })
    expect(round2).toHaveLength(30)
    const checked = async (files: { name: string; text: string }[]) =>
      Promise.all(
        files.map(async (f) => {
          const found = await read(f.name, f.text)
          if (!found.ok || !('value' in found)) throw new Error(`${f.name} does not read`)
          const { integrity: _i, ...content } = found.value.file
          return content as AssessmentFileContent
        }),
      )
    const scale = getScale('proficiency-5')
    const before = buildCohort(standard, scale, await checked(round1))
    const after = buildCohort(standard, scale, await checked(round2))
    expect(after.members.every((m) => m.round === 2)).toBe(true)
    const outcome = compareOutcome(before, after, new Set(['K20', 'S17']))
    expect(outcome.matching.pairs).toHaveLength(30)
    for (const code of ['K20', 'S17']) {
      const item = outcome.items.find((i) => i.key === code)!
      // Planted: harder for everyone, so most fell short; each of them meets it now.
      expect(item.hadGap).toBeGreaterThan(15)
      expect(item).toMatchObject({ closed: item.hadGap, worse: 0 })
      expect(item.change!).toBeLessThan(0)
    }
    for (const item of outcome.items.filter((i) => !['K20', 'S17'].includes(i.key) && i.n))
      expect(item).toMatchObject({ closed: 0, worse: 0, change: 0 })
    expect(outcome.others.change).toBe(0)
  })
})
