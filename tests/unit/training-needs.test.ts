/**
 * The training-needs table on the five-person cohort, figures worked out by hand (see
 * tests/fixtures/cohort/five.ts): people below target, mean gap of those below, priority
 * (breadth × depth), tasks served, supervisor − self, the plans' actions, names, groups, and
 * the cut that keeps its ties.
 */
import { describe, expect, it } from 'vitest'
import { buildCohort } from '@/domain/cohort/cohort'
import { getScale } from '@/domain/assessment/scales'
import type { AssessmentFileContent } from '@/domain/files/assessment-file'
import type { PlanAction } from '@/domain/plan/schema'
import { rankNeeds, trainingNeedsTable, type NeedRow } from '@/domain/training/needs'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

const scale = getScale('proficiency-5')
const standard = cohortStandard()

function action(
  items: string[],
  kind: PlanAction['kind'],
  status: PlanAction['status'],
): PlanAction {
  const at = '2026-06-01T00:00:00.000Z'
  return {
    id: `a-${items.join('-')}-${kind}-${status}`,
    what: '練習',
    kind,
    items,
    support: '',
    due: null,
    success: '',
    status,
    proposedBy: 'employee',
    changedBy: 'employee',
    agreed: false,
    createdAt: at,
    updatedAt: at,
  }
}

/** The five files, 王小明 with a practice action on K01 done, 林志強 a course on K01 and K02. */
function planned(): AssessmentFileContent[] {
  const files = fiveFiles()
  files[0]!.assessment.plan = [action(['K01'], 'practice', 'done')]
  files[3]!.assessment.plan = [
    action(['K01', 'K02'], 'course', 'planned'),
    action(['K01'], 'coaching', 'dropped'),
  ]
  return files
}

const row = (rows: readonly NeedRow[], key: string) => {
  const found = rows.find((r) => r.key === key)
  if (!found) throw new Error(`no row ${key}`)
  return found
}

describe('the training-needs table', () => {
  const cohort = buildCohort(standard, scale, planned())
  const [all] = trainingNeedsTable(cohort)
  const rows = [...all!.cut.shown, ...all!.cut.tied]

  it('ranks K, S and tasks by priority (people below × their mean gap), then people, then code', () => {
    expect(rows.map((r) => [r.key, Number(r.priority.toFixed(4)), r.below])).toEqual([
      ['S02', 7, 4],
      ['K01', 6, 3],
      ['T2.1', 4.1667, 5],
      ['T1.1', 4, 3],
      ['K02', 3, 2],
      ['S01', 3, 2],
      ['T1.2', 2.5, 3],
    ])
    expect(all).toMatchObject({ key: null, members: 5, total: 7 })
  })

  it('gives each row its counts, share, mean gap of those below and tasks served', () => {
    expect(row(rows, 'K01')).toMatchObject({
      kind: 'K',
      text: '知識一',
      tasks: 2,
      rated: 5,
      below: 3,
      shareBelow: 0.6,
      meanGapBelow: 2,
    })
    // 張三's S02 target is 3 (T2: 3): his 2 is one short.
    expect(row(rows, 'S02')).toMatchObject({ tasks: 1, rated: 5, below: 4, meanGapBelow: 1.75 })
    expect(row(rows, 'K02')).toMatchObject({ rated: 4, below: 2 })
    // A task: each person's mean gap over its rated items; 陳美玲 rated 4 of T1.1's 7.
    const t11 = row(rows, 'T1.1')
    expect(t11).toMatchObject({ kind: 'task', tasks: 7, rated: 5, below: 3 })
    expect(t11.meanGapBelow).toBeCloseTo(4 / 3, 10)
    expect(t11.people.map((p) => [p.name, Number(p.gap.toFixed(4))])).toEqual([
      ['林志強', 2.1429],
      ['陳美玲', 1],
      ['王小明', 0.8571],
    ])
  })

  it('compares the supervisor with the self-rating where both rated', () => {
    // 王小明's supervisor rated K01 4 against his 2; S02 n/a: no pair.
    expect(row(rows, 'K01')).toMatchObject({ pairs: 1, meanDifference: 2 })
    expect(row(rows, 'S02')).toMatchObject({ pairs: 0, meanDifference: null })
    // T1.1: P1.1.1 4 − 4, P1.1.3 4 − 2, K01 4 − 2, A01 3 − 4: four pairs, mean 3 / 4.
    expect(row(rows, 'T1.1')).toMatchObject({ pairs: 4, meanDifference: 0.75 })
  })

  it('counts the actions still to do by kind, and those done; a dropped one counts for nothing', () => {
    expect(row(rows, 'K01').planned).toEqual({
      people: 1,
      practice: 0,
      coaching: 0,
      course: 1,
      done: 1,
    })
    expect(row(rows, 'K02').planned).toMatchObject({ people: 1, course: 1, done: 0 })
    expect(row(rows, 'T1.1').planned).toMatchObject({ people: 1, course: 1, done: 1 })
    expect(row(rows, 'S02').planned.people).toBe(0)
  })

  it('names the people below target, largest gap first, as many as asked, by the name given', () => {
    const [two] = trainingNeedsTable(cohort, { names: 2, nameOf: (m) => `#${m.employeeId}` })
    expect(row(two!.cut.shown, 'K01').people).toEqual([
      { name: '#E04', gap: 3 },
      { name: '#E01', gap: 2 },
    ])
    const [none] = trainingNeedsTable(cohort, { names: 0 })
    expect(row(none!.cut.shown, 'K01').people).toEqual([])
  })

  it('keeps the rows tied at the cut', () => {
    const [cut] = trainingNeedsTable(cohort, { shown: 5 })
    expect(cut!.cut.shown.map((r) => r.key)).toEqual(['S02', 'K01', 'T2.1', 'T1.1', 'K02'])
    // S01 shares K02's priority (3) and people (2): kept, and said.
    expect(cut!.cut.tied.map((r) => r.key)).toEqual(['S01'])
    expect(cut!.cut.hasTies).toBe(true)
    const [four] = trainingNeedsTable(cohort, { shown: 4 })
    expect(four!.cut.tied).toEqual([])
    expect(rankNeeds(rows, 1).shown.map((r) => r.key)).toEqual(['S02'])
  })

  it('lists items or tasks alone when asked', () => {
    const [items] = trainingNeedsTable(cohort, { rows: 'items' })
    expect(items!.cut.shown.map((r) => r.key)).toEqual(['S02', 'K01', 'K02', 'S01'])
    const [tasks] = trainingNeedsTable(cohort, { rows: 'tasks' })
    expect(tasks!.cut.shown.map((r) => r.key)).toEqual(['T2.1', 'T1.1', 'T1.2'])
  })

  it('groups by department: each group ranked on its own people', () => {
    const [whole, ...groups] = trainingNeedsTable(cohort, { by: 'department', rows: 'items' })
    expect(whole!.key).toBeNull()
    expect(groups.map((g) => [g.key, g.members]).sort()).toEqual(
      [
        ['客服部', 2],
        ['業務部', 2],
        ['行銷部', 1],
      ].sort(),
    )
    const service = groups.find((g) => g.key === '客服部')!
    // 陳美玲 K01 1, 林志強 K01 3; S02 林志強 2; S01 1 and 2; K02 林志強 2 (陳 n/a).
    expect(service.cut.shown.map((r) => [r.key, r.priority, r.below])).toEqual([
      ['K01', 4, 2],
      ['S01', 3, 2],
      ['K02', 2, 1],
      ['S02', 2, 1],
    ])
    const marketing = groups.find((g) => g.key === '行銷部')!
    expect(marketing.cut.shown.map((r) => r.key)).toEqual(['S02'])
  })
})
