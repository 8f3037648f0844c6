import { describe, expect, it } from 'vitest'
import type { AssessmentFileContent } from '@/domain/files/assessment-file'
import { getScale } from '@/domain/assessment/scales'
import { choose, parsePoolKey, pool, poolKey } from '@/domain/cohort/pool'
import { buildCohort } from '@/domain/cohort/cohort'
import { filterCohort, filterOptions, matchesFilter } from '@/domain/cohort/filters'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

const files = fiveFiles()
const first = files[0]!

function changed(
  file: AssessmentFileContent,
  change: { updatedAt?: string; exportedAt?: string; reviewAt?: string; rating?: number },
): AssessmentFileContent {
  const copy = structuredClone(file)
  if (change.updatedAt) copy.assessment.updatedAt = change.updatedAt
  if (change.exportedAt) copy.exportedAt = change.exportedAt
  if (change.reviewAt && copy.review) copy.review.updatedAt = change.reviewAt
  if (change.rating !== undefined) copy.assessment.ratings[0]!.rating = change.rating
  return copy
}

describe('which cohort a file goes to', () => {
  it('is the standard’s id and version and the scale', () => {
    expect(parsePoolKey(poolKey(first))).toEqual({
      standardId: 'TST1234-001v1',
      version: 'V1',
      scale: 'proficiency-5',
    })
    const otherScale = structuredClone(first)
    otherScale.assessment.scale = 'icap-level-6'
    const otherVersion = structuredClone(first)
    otherVersion.standard.version = 'V2'
    const noVersion = structuredClone(first)
    noVersion.standard.version = null
    const keys = new Set([first, otherScale, otherVersion, noVersion].map(poolKey))
    expect(keys.size).toBe(4)
    expect(poolKey(files[1]!)).toBe(poolKey(first))
  })
})

describe('choosing between two copies of one assessment', () => {
  it('finds the same file the same, however its times are written', () => {
    expect(choose(first, structuredClone(first))).toBe('same')
    const sameMoment = changed(first, { exportedAt: '2026-03-02T12:00:00Z' })
    // Same instants, one written without milliseconds: the content differs, so it is not
    // 'same', but the choice is the same whichever arrives first.
    const one = choose(first, sameMoment)
    const other = choose(sameMoment, first)
    expect(new Set([one, other])).toEqual(new Set(['keep', 'replace']))
  })

  it('replaces with a later rating, keeps against an earlier one', () => {
    const later = changed(first, { updatedAt: '2026-04-01T00:00:00.000Z', rating: 5 })
    expect(choose(first, later)).toBe('replace')
    expect(choose(later, first)).toBe('keep')
  })

  it('replaces with a later export of the same ratings', () => {
    const later = changed(first, { exportedAt: '2026-04-01T00:00:00.000Z' })
    expect(choose(first, later)).toBe('replace')
    expect(choose(later, first)).toBe('keep')
  })

  it('keeps a review against a later export without it', () => {
    const plain = { ...changed(first, { exportedAt: '2026-05-01T00:00:00.000Z' }), review: null }
    expect(choose(first, plain)).toBe('keep')
    expect(choose(plain, first)).toBe('replace')
  })

  it('orders two contents of equal times the same either way', () => {
    const edited = changed(first, { rating: 1 })
    expect([choose(first, edited), choose(edited, first)].sort()).toEqual(['keep', 'replace'])
  })
})

describe('pooling a list', () => {
  it('adds, deduplicates, replaces and keeps the newer, each said', () => {
    const later = changed(first, { updatedAt: '2026-04-01T00:00:00.000Z', rating: 5 })
    const otherScale = structuredClone(files[1]!)
    otherScale.assessment.scale = 'icap-level-6'
    const { cohorts, outcomes } = pool([...files, first, later, first, otherScale])
    expect(outcomes.map((o) => o.action)).toEqual([
      'added',
      'added',
      'added',
      'added',
      'added',
      'same',
      'replaced',
      'older',
      'added',
    ])
    expect(outcomes[6]).toMatchObject({ action: 'replaced', index: 0 })
    expect(outcomes[7]).toMatchObject({ action: 'older', index: 6 })
    expect(cohorts.size).toBe(2)
    const main = cohorts.get(poolKey(first))!
    expect(main.map((f) => f.assessment.id)).toEqual(['a-1', 'b-1', 'c-2', 'd-1', 'e-1'])
    expect(main[0]).toBe(later)
    expect(cohorts.get(poolKey(otherScale))).toEqual([otherScale])
  })

  it('gives the same cohort whatever the order of the files', () => {
    const later = changed(first, { updatedAt: '2026-04-01T00:00:00.000Z', rating: 5 })
    const list = [...files, later, structuredClone(first)]
    const forward = pool(list).cohorts.get(poolKey(first))!
    const backward = pool([...list].reverse()).cohorts.get(poolKey(first))!
    const byId = (l: AssessmentFileContent[]) =>
      [...l].sort((a, b) => a.assessment.id.localeCompare(b.assessment.id))
    expect(byId(backward)).toEqual(byId(forward))
    expect(forward.find((f) => f.assessment.id === 'a-1')).toBe(later)
  })
})

describe('filters', () => {
  const cohort = buildCohort(cohortStandard(), getScale('proficiency-5'), files)
  const ids = (filter: Parameters<typeof filterCohort>[1]) =>
    filterCohort(cohort, filter).members.map((m) => m.id)

  it('keep everyone when empty', () => {
    expect(ids({})).toEqual(['a-1', 'b-1', 'c-2', 'd-1', 'e-1'])
    expect(ids({ departments: [], jobTitles: [] })).toHaveLength(5)
  })

  it('filter by department, job title, round and review', () => {
    expect(ids({ departments: ['業務部'] })).toEqual(['a-1', 'b-1'])
    expect(ids({ departments: ['業務部', '行銷部'] })).toEqual(['a-1', 'b-1', 'e-1'])
    expect(ids({ jobTitles: ['專員'] })).toEqual(['a-1', 'c-2', 'd-1'])
    expect(ids({ rounds: [2] })).toEqual(['c-2'])
    expect(ids({ reviewedOnly: true })).toEqual(['a-1'])
    expect(ids({ departments: ['客服部'], jobTitles: ['專員'], rounds: [1] })).toEqual(['d-1'])
  })

  it('filter by a date range, both ends included', () => {
    expect(ids({ from: '2026-03-05', to: '2026-06-01' })).toEqual(['b-1', 'c-2', 'd-1'])
    expect(ids({ from: '2026-09-15' })).toEqual(['e-1'])
    expect(ids({ to: '2026-03-02' })).toEqual(['a-1'])
    expect(ids({ from: '2027-01-01' })).toEqual([])
  })

  it('is one predicate the views share', () => {
    const m = cohort.members[0]!
    expect(matchesFilter(m, { departments: ['業務部'], reviewedOnly: true })).toBe(true)
    expect(matchesFilter(m, { departments: ['業務部'], rounds: [2] })).toBe(false)
  })

  it('lists the values each filter can take, with counts', () => {
    const options = filterOptions(cohort.members)
    expect(new Map(options.departments.map((d) => [d.value, d.count]))).toEqual(
      new Map([
        ['業務部', 2],
        ['客服部', 2],
        ['行銷部', 1],
      ]),
    )
    expect(options.jobTitles.find((j) => j.value === '專員')?.count).toBe(3)
    expect(options.rounds).toEqual([
      { value: 1, count: 4 },
      { value: 2, count: 1 },
    ])
    expect(options.days).toEqual({ from: '2026-03-02', to: '2026-09-15' })
    expect(options.reviewed).toBe(1)
    expect(filterOptions([]).days).toBeNull()
  })
})
