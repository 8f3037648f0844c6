import { describe, expect, it } from 'vitest'
import { AssessmentFileSchema } from '@/domain/files/assessment-file'
import { splitRatings } from '@/domain/files/quick-ratings'
import { readAssessmentText } from '@/domain/files/read'
import { standardContentHash } from '@/domain/standard/identity'
import { generateCohort, loadSeedStandard } from '../tools/generate-cohort'

/**
 * The ratings checked by hand (quick-ratings.ts) must never vouch for a rating the schema would
 * refuse, and must give what the schema gives for those it would take: then a file is read as
 * before, and refused for the same reasons (the hostile files of assessment-file-read.test.ts
 * and the cohort import's tests go through the same read).
 */
const standard = loadSeedStandard('TTM4221-002v4')
type Raw = Record<string, unknown> & {
  assessment: { ratings: Record<string, unknown>[] }
  review: { ratings: Record<string, unknown>[] } | null
}

async function cohortFiles(): Promise<Raw[]> {
  const { files } = await generateCohort({ standard, n: 40, seed: 7, reviewedShare: 0.5 })
  return files.map((f) => JSON.parse(f.text) as Raw)
}

describe('ratings checked by hand', () => {
  it('read a file as the schema alone does, key order included, with and without a review', async () => {
    const raws = await cohortFiles()
    expect(raws.some((r) => r.review)).toBe(true)
    expect(raws.some((r) => !r.review)).toBe(true)
    // One carried rating, as a next round's file has.
    raws[0]!.assessment.ratings[0]!.carried = true
    const hash = await standardContentHash(standard)
    for (const raw of raws) {
      expect(splitRatings(raw)).not.toBeNull()
      const schema = AssessmentFileSchema.parse(raw)
      // Sealed again: the carried rating changed the file.
      const { integrity: _i, ...content } = raw
      const { sealAssessmentFile } = await import('@/domain/files/assessment-file')
      const text = JSON.stringify(await sealAssessmentFile(content as never))
      const read = await readAssessmentText(
        'a.json',
        text,
        () => standard,
        async () => hash,
      )
      if (!('value' in read)) throw new Error(`refused: ${JSON.stringify(read)}`)
      const { integrity: _s, ...rest } = schema
      const { integrity: _r, ...got } = read.value.file
      expect(JSON.stringify(got)).toBe(JSON.stringify(rest))
    }
  })

  it('vouch for no rating the schema refuses: each such file goes to the schema whole', async () => {
    const [base] = (await cohortFiles()).filter((r) => r.review)
    const self = (change: (r: Record<string, unknown>) => void) => (raw: Raw) =>
      change(raw.assessment.ratings[1]!)
    const review = (change: (r: Record<string, unknown>) => void) => (raw: Raw) =>
      change(raw.review!.ratings[1]!)
    const bad: [string, (raw: Raw) => void][] = [
      ['a month 13', self((r) => (r.updatedAt = '2026-13-01T00:00:00.000Z'))],
      ['a day 32', self((r) => (r.updatedAt = '2026-01-32T00:00:00.000Z'))],
      ['an offset', self((r) => (r.updatedAt = '2026-01-01T00:00:00+08:00'))],
      ['no time', self((r) => (r.updatedAt = '2026-01-01'))],
      ['a number for a moment', self((r) => (r.updatedAt = 0))],
      ['a key more', self((r) => (r.comment = ''))],
      ['a key less', self((r) => delete r.evidence)],
      [
        'a prototype key',
        self((r) => Object.defineProperty(r, '__proto__', { value: {}, enumerable: true })),
      ],
      ['rating 7', self((r) => (r.rating = 7))],
      ['rating 0', self((r) => (r.rating = 0))],
      ['rating 1.5', self((r) => (r.rating = 1.5))],
      ['rating "3"', self((r) => (r.rating = '3'))],
      ['rating "NA"', self((r) => (r.rating = 'NA'))],
      ['an item in lower case', self((r) => (r.item = 'k01'))],
      ['an empty item', self((r) => (r.item = ''))],
      ['an item of 41 characters', self((r) => (r.item = `K${'1'.repeat(40)}`))],
      ['a note too long', self((r) => (r.note = 'x'.repeat(20_001)))],
      ['a number for a note', self((r) => (r.note = 1))],
      ['carried false', self((r) => (r.carried = false))],
      ['carried "yes"', self((r) => (r.carried = 'yes'))],
      ['a rating that is a list', (raw) => (raw.assessment.ratings[1] = [] as never)],
      [
        '2,001 ratings',
        (raw) => (raw.assessment.ratings = Array(2001).fill(raw.assessment.ratings[0])),
      ],
      ['ratings that are not a list', (raw) => (raw.assessment.ratings = {} as never)],
      ['a review rating with a note', review((r) => (r.note = ''))],
      ['a review rating without its comment', review((r) => delete r.comment)],
      ['a review rating of 9', review((r) => (r.rating = 9))],
      ['a review rating at a bad moment', review((r) => (r.updatedAt = '2026-02-30T25:00:00Z'))],
    ]
    for (const [what, change] of bad) {
      const raw = structuredClone(base!)
      change(raw)
      expect({ what, schema: AssessmentFileSchema.safeParse(raw).success }).toEqual({
        what,
        schema: false,
      })
      expect({ what, split: splitRatings(raw) }).toEqual({ what, split: null })
    }
  })
})
