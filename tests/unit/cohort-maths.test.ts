import { describe, expect, it } from 'vitest'
import { analyse, groupStats, ROLE } from '@/domain/assessment/gaps'
import { getScale } from '@/domain/assessment/scales'
import type { ItemResponse } from '@/domain/assessment/records'
import type { AssessmentFileContent } from '@/domain/files/assessment-file'
import { Standard as StandardSchema } from '@/domain/standard/schema'
import { taskLevels } from '@/domain/standard/model'
import { buildCohort, decodeRating, isComplete, type Cohort } from '@/domain/cohort/cohort'
import { cohortSummary } from '@/domain/cohort/summary'
import { commonGapsCut, itemStats, topCommonGaps } from '@/domain/cohort/item-stats'
import { trainingNeeds } from '@/domain/cohort/needs-by-duty'
import { heatmap, type HeatCell, type Heatmap } from '@/domain/cohort/heatmap'
import { dutySpreads, itemSpread } from '@/domain/cohort/spread'
import { singlePointsOfFailure } from '@/domain/cohort/single-points'
import { selfVsSupervisor } from '@/domain/cohort/self-vs-supervisor'
import { addRating, emptyTally, mergeTally, tallyStats } from '@/domain/cohort/tally'
import { cohortStandard, fiveFiles, ITEMS } from '../fixtures/cohort/five'

const scale = getScale('proficiency-5')
const standard = cohortStandard()
const files = fiveFiles()
const cohort = buildCohort(standard, scale, files)

const byKey = <T extends { item: { key: string } }>(list: readonly T[], key: string): T => {
  const found = list.find((x) => x.item.key === key)
  if (!found) throw new Error(`no ${key}`)
  return found
}
const cell = (map: Heatmap, task: string, group: string): HeatCell => {
  const col = map.groups.findIndex((g) => g.key === group)
  const row = map.rows.find((r) => r.task === task)
  if (col < 0 || !row) throw new Error(`no cell ${task} × ${group}`)
  return row.cells[col]!
}
const responsesOf = (file: AssessmentFileContent): Map<string, ItemResponse> =>
  new Map(file.assessment.ratings.map((r) => [r.item, r]))

describe('the five-person fixture', () => {
  it('is a valid standard with a task at two levels and K01 in two duties', () => {
    expect(StandardSchema.safeParse(standard).success).toBe(true)
    const t11 = standard.duties[0]!.tasks[0]!
    expect(taskLevels(t11)).toEqual([3, 4])
    expect(cohort.items.map((i) => i.key)).toEqual(ITEMS)
    expect(cohort.items[cohort.index.get('K01')!]!.duties).toEqual(['T1', 'T2'])
  })

  it('resolves each person’s targets once, with 張三’s duty override', () => {
    const at = (key: string) => cohort.index.get(key)!
    const e = cohort.members[4]!
    // T2: 3 lowers P2.1.1 and S02; K01 and A01 keep 4, the highest of their tasks (T1.1: 4).
    expect([at('P2.1.1'), at('S02'), at('K01'), at('A01')].map((i) => e.targets[i])).toEqual([
      3, 3, 4, 4,
    ])
    expect(new Set(cohort.members[0]!.targets)).toEqual(new Set([4]))
    // Members without overrides share one resolved list.
    expect(cohort.members[0]!.targets).toBe(cohort.members[1]!.targets)
    expect(decodeRating(cohort.members[2]!.self[at('K02')]!)).toBe('na')
    expect(decodeRating(cohort.members[2]!.self[at('P1.1.2')]!)).toBeNull()
  })
})

describe('who is in the cohort', () => {
  it('counts people, complete and reviewed assessments, and the date range', () => {
    // 陳美玲 has two items unrated; 李大同 and 林志強 have an n/a each, which is an answer.
    expect(cohortSummary(cohort)).toEqual({
      people: 5,
      assessments: 5,
      complete: 4,
      reviewed: 1,
      from: '2026-03-02',
      to: '2026-09-15',
    })
    expect(cohort.members.map(isComplete)).toEqual([true, true, false, true, true])
  })

  it('counts a person with two rounds once among people', () => {
    const again = { ...files[0]!, assessment: { ...files[0]!.assessment, id: 'a-2', round: 2 } }
    const summary = cohortSummary(buildCohort(standard, scale, [...files, again]))
    expect(summary.people).toBe(5)
    expect(summary.assessments).toBe(6)
  })
})

describe('items across people', () => {
  const stats = itemStats(cohort)

  it('gives each item’s counts, share below target and mean gap', () => {
    // P1.1.1: 4 5 3 2 4 → gaps 0 0 1 2 0: 2 of 5 below, mean 3/5.
    expect(byKey(stats, 'P1.1.1')).toMatchObject({
      rated: 5,
      below: 2,
      meeting: 3,
      shareBelow: 0.4,
      meanGap: 0.6,
    })
    // P1.1.2: 3 5 - 2 4 → gaps 1 0 · 2 0: 2 of 4 rated below, mean 3/4, one unrated.
    expect(byKey(stats, 'P1.1.2')).toMatchObject({
      rated: 4,
      unrated: 1,
      na: 0,
      below: 2,
      shareBelow: 0.5,
      meanGap: 0.75,
    })
    // P2.1.1: 4 n 4 3 2(target 3) → gaps 0 · 0 1 1: 2 of 4, mean 2/4, one n/a.
    expect(byKey(stats, 'P2.1.1')).toMatchObject({ rated: 4, na: 1, below: 2, meanGap: 0.5 })
    // K01: 2 4 3 1 5 → gaps 2 0 1 3 0: 3 of 5, mean 6/5.
    expect(byKey(stats, 'K01')).toMatchObject({ rated: 5, below: 3, shareBelow: 0.6 })
    expect(byKey(stats, 'K01').meanGap).toBeCloseTo(1.2, 12)
    // S02: 1 3 4 2 2(target 3) → gaps 3 1 0 2 1: 4 of 5, mean 7/5.
    expect(byKey(stats, 'S02')).toMatchObject({ rated: 5, below: 4, meeting: 1, shareBelow: 0.8 })
    expect(byKey(stats, 'S02').meanGap).toBeCloseTo(1.4, 12)
    // A02 (whole role): 4 5 3 n 4 → 1 of 4 below.
    expect(byKey(stats, 'A02')).toMatchObject({ rated: 4, na: 1, below: 1, shareBelow: 0.25 })
  })

  it('ranks the common gaps by share below, then count, then code', () => {
    // Shares: S02 .8; P1.1.3 and K01 .6 (3 each); P1.1.2, P2.1.1, K02 .5; P1.1.1, S01 .4;
    // A01, A02 .25; P1.2.1 .2.
    expect(topCommonGaps(stats).map((s) => s.item.key)).toEqual([
      'S02',
      'K01',
      'P1.1.3',
      'K02',
      'P1.1.2',
      'P2.1.1',
      'P1.1.1',
      'S01',
      'A01',
      'A02',
      'P1.2.1',
    ])
    expect(topCommonGaps(stats, 2).map((s) => s.item.key)).toEqual(['S02', 'K01'])
    // Cut at 2: P1.1.3 shares K01's share and count, and is counted at the cut.
    const cut = commonGapsCut(stats, 2)
    expect(cut.tied.map((s) => s.item.key)).toEqual(['P1.1.3'])
    // Cut at 4, on K02 (.5, 2 people): P1.1.2 and P2.1.1 share both figures.
    const four = commonGapsCut(stats, 4)
    expect(four.shown.at(-1)!.item.key).toBe('K02')
    expect(four.tied.map((s) => s.item.key)).toEqual(['P1.1.2', 'P2.1.1'])
  })

  it('lists training needs by duty, K01 under both of its duties', () => {
    // T1: K01 3 below; K02 and S01 2 each, K02's share (2/4) above S01's (2/5).
    // T2: S02 4 below, K01 3.
    expect(
      trainingNeeds(cohort).map((d) => [d.duty, d.items.map((s) => `${s.item.key}:${s.below}`)]),
    ).toEqual([
      ['T1', ['K01:3', 'K02:2', 'S01:2']],
      ['T2', ['S02:4', 'K01:3']],
    ])
  })

  it('finds the items at most one person meets, and who', () => {
    // S02 is met by 陳美玲 alone (4 ≥ 4); every other item by two or more.
    const found = singlePointsOfFailure(cohort)
    expect(found.map((s) => [s.item.key, s.meeting, s.holder?.id])).toEqual([['S02', 1, 'c-2']])
  })

  it('lists an item nobody meets first', () => {
    const weak = fiveFiles().map((f) => ({
      ...f,
      assessment: {
        ...f.assessment,
        ratings: f.assessment.ratings.map((r) => (r.item === 'P1.2.1' ? { ...r, rating: 1 } : r)),
      },
    }))
    const found = singlePointsOfFailure(buildCohort(standard, scale, weak))
    expect(found.map((s) => [s.item.key, s.meeting])).toEqual([
      ['P1.2.1', 0],
      ['S02', 1],
    ])
  })
})

describe('heatmap', () => {
  it('pools each task’s rated items per department', () => {
    const map = heatmap(cohort, 'department')
    expect(map.groups.map((g) => g.key).sort()).toEqual(['客服部', '業務部', '行銷部'].sort())
    // T1.1 holds P1.1.1–3, K01, K02, S01, A01. 王小明 gaps 0 1 2 2 1 0 0 (4 below), 李大同 all
    // 0: 14 rated, gap sum 6 → mean 3/7, 4/14 below.
    const sales = cell(map, 'T1.1', '業務部')
    expect(sales).toMatchObject({ rated: 14, people: 2, below: 4 })
    expect(sales.meanGap).toBeCloseTo(3 / 7, 12)
    expect(sales.shareBelow).toBeCloseTo(2 / 7, 12)
    // 陳美玲 1 · 1 1 n 1 · (4 rated, sum 4), 林志強 2 2 3 3 2 2 1 (7 rated, sum 15).
    const service = cell(map, 'T1.1', '客服部')
    expect(service).toMatchObject({ rated: 11, na: 1, unrated: 2, below: 11, shareBelow: 1 })
    expect(service.meanGap).toBeCloseTo(19 / 11, 12)
    // T2.1 for 張三 (targets 3 3 4 4): P2.1.1 2→1, K01 5→0, S02 2→1, A01 4→0.
    expect(cell(map, 'T2.1', '行銷部')).toMatchObject({ rated: 4, meanGap: 0.5, shareBelow: 0.5 })
    // T1.2 (P1.2.1, K02, S01): 王小明 5 3 4, 李大同 4 4 5 → one gap of 1 in 6.
    expect(cell(map, 'T1.2', '業務部').meanGap).toBeCloseTo(1 / 6, 12)
    // The role's A02: 陳美玲 3 (gap 1), 林志強 n/a: one of two people contributes.
    expect(cell(map, ROLE, '客服部')).toMatchObject({
      assessments: 2,
      people: 1,
      rated: 1,
      na: 1,
      meanGap: 1,
    })
    expect(map.rows.map((r) => r.task)).toEqual(['T1.1', 'T1.2', 'T2.1', ROLE])
  })

  it('tells an empty cell from a zero', () => {
    const map = heatmap(cohort, 'person')
    // 林志強 marked A02 n/a: nobody contributes; 李大同 rated it 5: a gap of 0.
    expect(cell(map, ROLE, 'employee:E04')).toMatchObject({ people: 0, meanGap: null, na: 1 })
    expect(cell(map, ROLE, 'employee:E02')).toMatchObject({ people: 1, meanGap: 0 })
  })

  it('gives, per person, the task figures one assessment gives', () => {
    const map = heatmap(cohort, 'person')
    files.forEach((file, p) => {
      const { byTask } = analyse(
        standard,
        scale,
        file.assessment.targets,
        responsesOf(file),
        cohort.items,
      )
      for (const stats of byTask) {
        const c = cell(map, stats.key, cohort.members[p]!.personKey)
        expect([c.rated, c.na, c.unrated]).toEqual([stats.rated, stats.na, stats.unrated])
        if (stats.meanGap === null) expect(c.meanGap).toBeNull()
        else expect(c.meanGap).toBeCloseTo(stats.meanGap, 12)
      }
    })
  })

  it('labels people by pseudonym when given', () => {
    const names = new Map(cohort.members.map((m, i) => [m.personKey, `P${i}`]))
    const map = heatmap(cohort, 'person', { pseudonyms: names })
    expect(map.groups.map((g) => g.label)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4'])
  })
})

describe('spread', () => {
  it('counts each scale step, n/a and unrated for one item', () => {
    // S02: 1 3 4 2 2.
    expect(itemSpread(cohort, 'S02')).toEqual({
      key: 'S02',
      steps: [
        { value: 1, count: 1 },
        { value: 2, count: 2 },
        { value: 3, count: 1 },
        { value: 4, count: 1 },
        { value: 5, count: 0 },
      ],
      na: 0,
      unrated: 0,
      total: 5,
    })
    expect(itemSpread(cohort, 'K99')).toBeUndefined()
  })

  it('counts per duty, an item of two duties in both', () => {
    const [t1, t2, role] = dutySpreads(cohort)
    // T1 (8 items × 5 people = 40): 1s: 林志強 2; 2s: 王小明 2 + 林志強 4; 3s: 2 + 陳美玲 4 + 2;
    // 4s: 3 + 李大同 4 + 1 + 張三 7; 5s: 1 + 4 + 1; n/a 1, unrated 2.
    expect(t1).toMatchObject({ key: 'T1', na: 1, unrated: 2, total: 40 })
    expect(t1!.steps.map((s) => s.count)).toEqual([2, 6, 8, 15, 6])
    // T2 (P2.1.1, K01, S02, A01 × 5 = 20).
    expect(t2!.steps.map((s) => s.count)).toEqual([2, 4, 4, 6, 2])
    expect(t2).toMatchObject({ key: 'T2', na: 1, unrated: 1, total: 20 })
    expect(role).toMatchObject({ key: ROLE, na: 1, total: 5 })
  })
})

describe('self against supervisor', () => {
  it('gives the mean difference per item and per duty, with counts', () => {
    const result = selfVsSupervisor(cohort)
    expect(result.reviewed).toBe(1)
    // 王小明 self → supervisor: P1.1.1 4→4 (0), P1.1.3 2→4 (+2), K01 2→4 (+2), A01 4→3 (−1);
    // S02 1→n/a has no pair.
    const pick = (key: string) => {
      const d = byKey(result.items, key)
      return [d.pairs, d.meanDifference, d.flagged]
    }
    expect(pick('P1.1.1')).toEqual([1, 0, 0])
    expect(pick('P1.1.3')).toEqual([1, 2, 1])
    expect(pick('K01')).toEqual([1, 2, 1])
    expect(pick('A01')).toEqual([1, -1, 0])
    expect(pick('S02')).toEqual([0, null, 0])
    // T1: 0 + 2 + 2 − 1 over 4 pairs; T2: K01 and A01, 2 − 1 over 2.
    expect(result.byDuty).toEqual([
      { key: 'T1', pairs: 4, meanDifference: 0.75, flagged: 2 },
      { key: 'T2', pairs: 2, meanDifference: 0.5, flagged: 1 },
      { key: ROLE, pairs: 0, meanDifference: null, flagged: 0 },
    ])
  })
})

describe('tallies', () => {
  it('give what groupStats gives, and merge into the same', () => {
    const entries = [
      { rating: 2, target: 4 },
      { rating: 'na' as const, target: 4 },
      { rating: null, target: 4 },
      { rating: 5, target: 4 },
      { rating: 3, target: 3 },
    ]
    const whole = emptyTally()
    const first = emptyTally()
    const second = emptyTally()
    entries.forEach((e, i) => {
      addRating(whole, e.rating, e.target)
      addRating(i < 2 ? first : second, e.rating, e.target)
    })
    mergeTally(first, second)
    expect(tallyStats('x', whole)).toEqual(groupStats('x', entries))
    expect(first).toEqual(whole)
    expect(whole).toMatchObject({ rated: 3, na: 1, gapSum: 2, meeting: 2 })
  })
})

describe('a cohort of one standard and scale', () => {
  it('refuses a file of another scale', () => {
    const other = { ...files[0]!, assessment: { ...files[0]!.assessment, scale: 'icap-level-6' } }
    expect(() => buildCohort(standard, scale, [other as AssessmentFileContent])).toThrow(
      /icap-level-6/,
    )
  })

  it('is empty without files', () => {
    const empty: Cohort = buildCohort(standard, scale, [])
    expect(cohortSummary(empty)).toMatchObject({ people: 0, from: null, to: null })
    expect(topCommonGaps(itemStats(empty))).toEqual([])
  })
})
