/**
 * How a cohort crosses from its worker to the page: the members packed in columns and unpacked
 * unchanged, the overview of the whole cohort equal to each view's own function and tied back
 * to the page's items and members, and the filter that keeps everyone.
 */
import { describe, expect, it } from 'vitest'
import { getScale } from '@/domain/assessment/scales'
import { buildCohort, cohortOf, type CohortMember } from '@/domain/cohort/cohort'
import { packMembers, unpackMembers } from '@/workers/cohort-pack'
import { cohortSummary } from '@/domain/cohort/summary'
import { itemStats } from '@/domain/cohort/item-stats'
import { heatmap } from '@/domain/cohort/heatmap'
import { dutySpreads } from '@/domain/cohort/spread'
import { singlePointsOfFailure } from '@/domain/cohort/single-points'
import { selfVsSupervisor } from '@/domain/cohort/self-vs-supervisor'
import { cohortOverview, relinkOverview } from '@/domain/cohort/overview'
import { filterOptions, isEmptyFilter } from '@/domain/cohort/filters'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

const scale = getScale('proficiency-5')!
const standard = cohortStandard()
const cohort = buildCohort(standard, scale, fiveFiles())
const width = cohort.items.length

/** A member as plain values, its typed arrays as lists, to compare across a copy. */
const plain = (m: CohortMember) => ({
  ...m,
  self: [...m.self],
  supervisor: m.supervisor && [...m.supervisor],
  targets: [...m.targets],
  planned: [...m.planned],
})

describe('members packed in columns', () => {
  it('unpack to the same members, in the same order', async () => {
    const { packed } = packMembers(cohort.members, width)
    const back = await unpackMembers(structuredClone(packed))
    expect(back.map(plain)).toEqual(cohort.members.map(plain))
    expect(back.map((m) => m.supervisor === null)).toEqual(
      cohort.members.map((m) => m.supervisor === null),
    )
    expect(back.every((m) => m.self.length === width)).toBe(true)
  })

  it('carry each review’s key fingerprint and reviewer, and each item’s plan bits', async () => {
    const members = cohort.members.map((m, k) => ({
      ...m,
      fingerprint: m.reviewed ? '3F2A 9C01 77B4 E0D5' : '',
      reviewer: m.reviewed ? '陳主管' : '',
      planned: Uint8Array.from(m.planned, (_, i) => (i + k) % 16),
    }))
    const back = await unpackMembers(structuredClone(packMembers(members, width).packed))
    expect(back.map(plain)).toEqual(members.map(plain))
    expect(back[0]).toMatchObject({ fingerprint: '3F2A 9C01 77B4 E0D5', reviewer: '陳主管' })
  })

  it('hold each list of targets once, shared again when unpacked', async () => {
    const { packed } = packMembers(cohort.members, width)
    const lists = new Set(cohort.members.map((m) => m.targets)).size
    expect(packed.targets.length).toBe(lists * width)
    const back = await unpackMembers(packed)
    expect(new Set(back.map((m) => m.targets)).size).toBe(lists)
  })

  it('list every column buffer to move, and move them whole', async () => {
    const { packed, transfer } = packMembers(cohort.members, width)
    expect(transfer).toHaveLength(7)
    const moved = structuredClone(packed, { transfer })
    expect(packed.self.length).toBe(0) // detached here
    expect((await unpackMembers(moved)).map(plain)).toEqual(cohort.members.map(plain))
  })

  it('are empty for an empty cohort', async () => {
    const { packed } = packMembers([], width)
    expect(await unpackMembers(packed)).toEqual([])
  })

  it('unpack thousands a thousand at a time, pausing between', async () => {
    const many = Array.from({ length: 4500 }, (_, i) => ({
      ...cohort.members[i % cohort.members.length]!,
      id: `m-${i}`,
    }))
    let pauses = 0
    const back = await unpackMembers(packMembers(many, width).packed, async () => {
      pauses++
    })
    expect(pauses).toBe(4)
    expect(back.map(plain)).toEqual(many.map(plain))
  })

  it('refuse a member of another width', () => {
    expect(() => packMembers(cohort.members, width + 1)).toThrow(RangeError)
  })
})

describe('the overview of a whole cohort', () => {
  it('is what each view computes', () => {
    const overview = cohortOverview(cohort)
    expect(overview.options).toEqual(filterOptions(cohort.members))
    expect(overview.summary).toEqual(cohortSummary(cohort))
    expect(overview.stats).toEqual(itemStats(cohort))
    expect(overview.heatmap).toEqual(heatmap(cohort, 'department'))
    expect(overview.single).toEqual(singlePointsOfFailure(cohort))
    expect(overview.versus).toEqual(selfVsSupervisor(cohort))
    expect(overview.spreads).toEqual(dutySpreads(cohort))
    expect(cohortOverview(cohort, 'jobTitle').heatmap).toEqual(heatmap(cohort, 'jobTitle'))
  })

  it('after a copy, is tied back to the page’s own items and members', async () => {
    const copied = structuredClone(cohortOverview(cohort))
    const page = cohortOf(
      standard,
      scale,
      await unpackMembers(packMembers(cohort.members, width).packed),
    )
    const overview = relinkOverview(copied, page)
    overview.stats.forEach((s, i) => expect(s.item).toBe(page.items[i]))
    overview.versus.items.forEach((d, i) => expect(d.item).toBe(page.items[i]))
    for (const point of overview.single) {
      expect(page.items).toContain(point.item)
      if (point.holder) expect(page.members).toContain(point.holder)
    }
    expect(overview.single.some((p) => p.holder)).toBe(true)
    expect(overview.stats.map((s) => ({ ...s }))).toEqual(itemStats(page))
  })
})

describe('a filter that keeps everyone', () => {
  it('is empty with nothing chosen, empty lists and no dates', () => {
    expect(isEmptyFilter({})).toBe(true)
    expect(
      isEmptyFilter({ departments: [], jobTitles: [], rounds: [], from: '', reviewedOnly: false }),
    ).toBe(true)
    expect(isEmptyFilter({ departments: ['業務部'] })).toBe(false)
    expect(isEmptyFilter({ rounds: [1] })).toBe(false)
    expect(isEmptyFilter({ to: '2026-01-01' })).toBe(false)
    expect(isEmptyFilter({ reviewedOnly: true })).toBe(false)
  })
})
