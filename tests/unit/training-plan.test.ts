/**
 * The training plan on the five-person cohort, worked out by hand: each item's need is the sum
 * of everyone's gap (P1.1.1 3, P1.1.2 3, P1.1.3 6, P1.2.1 1, P2.1.1 2, K01 6, K02 3, S01 3,
 * S02 7, A01 1, A02 1: 36 in all); the greedy cover, its attendees, hours and cost; a course
 * taken out or put in; and the needs no course covers.
 */
import { describe, expect, it } from 'vitest'
import { buildCohort } from '@/domain/cohort/cohort'
import { getScale } from '@/domain/assessment/scales'
import type { Course } from '@/domain/training/courses'
import { needsOfItems, trainingPlan } from '@/domain/training/plan'
import { cohortStandard, fiveFiles, ITEMS } from '../fixtures/cohort/five'

const cohort = buildCohort(cohortStandard(), getScale('proficiency-5'), fiveFiles())

const course = (id: string, items: string[], hours: number, cost: number | null): Course => ({
  id,
  name: `課程 ${id}`,
  hours,
  kind: 'course',
  provider: '',
  cost,
  items,
  schedule: '',
})
const COURSES: Course[] = [
  course('c1', ['K01', 'S02'], 6, 12000),
  course('c2', ['P1.1.3', 'K01'], 12, null),
  course('c3', ['K02', 'S01'], 3, null),
  course('c4', ['P1.1.1', 'P1.1.2'], 4, 5000),
  course('c5', ['P1.1.3', 'K01', 'S02', 'K02'], 30, 90000),
]
const ids = (plan: ReturnType<typeof trainingPlan>) => plan.chosen.map((c) => c.course.id)

describe('the training plan', () => {
  it('weighs each item by the sum of everyone’s gap', () => {
    const { need, below } = needsOfItems(cohort)
    expect(Object.fromEntries(ITEMS.map((code, i) => [code, need[i]]))).toEqual({
      'P1.1.1': 3,
      'P1.1.2': 3,
      'P1.1.3': 6,
      'P1.2.1': 1,
      'P2.1.1': 2,
      K01: 6,
      K02: 3,
      S01: 3,
      S02: 7,
      A01: 1,
      A02: 1,
    })
    expect(below[cohort.index.get('S02')!]).toBe(4)
  })

  it('takes the course covering the most need first, then the next, until none adds any', () => {
    const plan = trainingPlan(cohort, COURSES)
    expect(ids(plan)).toEqual(['c5', 'c4', 'c3'])
    expect(plan.chosen.map((c) => c.gain)).toEqual([22, 6, 3])
    expect(plan.chosen[2]).toMatchObject({ covers: ['K02', 'S01'], fresh: ['S01'] })
    // c5: every one of the five has a gap on P1.1.3, K01, S02 or K02.
    expect(plan.chosen[0]).toMatchObject({ attendees: 5, personHours: 150 })
    expect(plan.chosen[0]!.audience).toEqual([
      { key: '客服部', count: 2 },
      { key: '業務部', count: 2 },
      { key: '行銷部', count: 1 },
    ])
    expect(plan.chosen.map((c) => c.attendees)).toEqual([5, 3, 3])
    expect(plan.totals).toEqual({
      courses: 3,
      hours: 37,
      personHours: 171,
      cost: 95000,
      costUnknown: 1,
      need: 36,
      covered: 31,
    })
    expect(plan.left.map((l) => [l.course.id, l.excluded, l.adds])).toEqual([
      ['c1', false, 0],
      ['c2', false, 0],
    ])
    expect(plan.uncovered.map((u) => [u.key, u.need, u.below, u.coverable])).toEqual([
      ['P2.1.1', 2, 2, false],
      ['A01', 1, 1, false],
      ['A02', 1, 1, false],
      ['P1.2.1', 1, 1, false],
    ])
  })

  it('follows a course taken out: ties in need go to the shorter course', () => {
    const plan = trainingPlan(cohort, COURSES, { excluded: ['c5'] })
    // c1 13; then c2, c3 and c4 add 6 each: c3 (3 h), c4 (4 h), then c2.
    expect(ids(plan)).toEqual(['c1', 'c3', 'c4', 'c2'])
    expect(plan.totals.covered).toBe(31)
    expect(plan.left).toEqual([{ course: COURSES[4], excluded: true, adds: 0 }])
  })

  it('follows a course put in: it comes first, and the rest are chosen around it', () => {
    const plan = trainingPlan(cohort, COURSES, { excluded: ['c5'], forced: ['c2'] })
    expect(ids(plan)).toEqual(['c2', 'c1', 'c3', 'c4'])
    expect(plan.chosen.map((c) => [c.forced, c.gain])).toEqual([
      [true, 12],
      [false, 7],
      [false, 6],
      [false, 6],
    ])
  })

  it('between courses alike in need and hours, takes one whose cost is known first', () => {
    const twins = [course('c1', ['S02'], 6, null), course('c2', ['S02'], 6, 100)]
    expect(ids(trainingPlan(cohort, twins))).toEqual(['c2'])
  })

  it('says which uncovered needs a course of the list could cover', () => {
    const plan = trainingPlan(cohort, COURSES, { excluded: ['c3'] })
    const s01 = plan.uncovered.find((u) => u.key === 'S01')
    expect(s01).toMatchObject({ need: 3, coverable: true })
    expect(plan.left.find((l) => l.course.id === 'c3')).toMatchObject({ excluded: true, adds: 3 })
  })

  it('ignores codes the cohort’s standard lacks', () => {
    const plan = trainingPlan(cohort, [course('c1', ['K99', 'S02'], 2, null)])
    expect(plan.chosen[0]).toMatchObject({ gain: 7, covers: ['S02'] })
  })
})
