import { describe, expect, it } from 'vitest'
import {
  detectStraightLine,
  matchesItem,
  nextUnrated,
  progress,
  progressByDuty,
  ratingCounts,
  ratingState,
  straightLineOf,
  type ItemResponse,
  type RatingValue,
} from '@/domain/assessment/ratings'
import { rateableItems } from '@/domain/assessment/items'
import { SCALES, scaleTarget, targetStep } from '@/domain/assessment/scales'
import { makeStandard } from '../fixtures/standard'

const r = (rating: RatingValue | null, note = ''): ItemResponse => ({
  rating,
  note,
  evidence: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
})

const items = rateableItems(makeStandard())

describe('rateable items', () => {
  it('lists every indicator, K, S and A item once, in reading order', () => {
    expect(items.map((i) => i.key)).toEqual([
      'P1.1.1',
      'P1.1.2',
      'P1.1.3',
      'P1.2.1',
      'P2.1.1',
      'K01',
      'K02',
      'S01',
      'S02',
      'A01',
      'A02',
    ])
  })

  it('gives K/S items the tasks and duties that use them and their highest level', () => {
    const k02 = items.find((i) => i.key === 'K02')!
    expect(k02.tasks).toEqual(['T1.1', 'T1.2'])
    expect(k02.duties).toEqual(['T1'])
    // T1.1 is level 4 (its highest indicator), T1.2 level 2.
    expect(k02.level).toBe(4)
    const s02 = items.find((i) => i.key === 'S02')!
    expect([s02.level, s02.duties]).toEqual([3, ['T2']])
  })

  it('gives an attitude of the whole role no task and the standard level', () => {
    const a02 = items.find((i) => i.key === 'A02')!
    expect(a02.tasks).toEqual([])
    expect(a02.level).toBe(3)
    expect(a02.text).toBe('謹慎細心：考量所有細節。')
    const a01 = items.find((i) => i.key === 'A01')!
    expect([a01.tasks, a01.duties, a01.level]).toEqual([['T1.1', 'T2.1'], ['T1', 'T2'], 4])
  })
})

describe('rating states', () => {
  it('keeps a value, not applicable and not yet rated apart', () => {
    expect(ratingState(r(3))).toBe('rated')
    expect(ratingState(r('na'))).toBe('na')
    expect(ratingState(r(null, 'a note only'))).toBe('unrated')
    expect(ratingState(undefined)).toBe('unrated')
  })
})

describe('progress', () => {
  const responses = new Map([
    ['P1.1.1', r(4)],
    ['P1.1.2', r('na')],
    ['K02', r(2)],
    ['S02', r(null, 'note')],
  ])

  it('counts rated, not applicable and unrated items', () => {
    expect(progress(items, responses)).toEqual({
      total: 11,
      rated: 2,
      na: 1,
      answered: 3,
      unrated: 8,
    })
  })

  it('counts per duty, a shared item in every duty that uses it', () => {
    const byDuty = progressByDuty(items, responses, ['T1', 'T2'])
    // T1: P1.1.1-3, P1.2.1, K01, K02, S01, A01 = 8 items; answered P1.1.1, P1.1.2, K02.
    expect(byDuty.get('T1')).toMatchObject({ total: 8, answered: 3, na: 1 })
    // T2: P2.1.1, S02, A01 = 3 items; none answered (S02 has only a note).
    expect(byDuty.get('T2')).toMatchObject({ total: 3, answered: 0 })
  })

  it('finds the next unrated item after a given one, wrapping around', () => {
    const order = items.map((i) => i.key)
    expect(nextUnrated(order, responses)).toBe('P1.1.3')
    expect(nextUnrated(order, responses, 'A02')).toBe('P1.1.3')
    expect(nextUnrated(order, responses, 'P1.1.3')).toBe('P1.2.1')
    const all = new Map(order.map((k) => [k, r(3)]))
    expect(nextUnrated(order, all)).toBeUndefined()
  })
})

describe('straight-line check', () => {
  const many = (values: RatingValue[]) => values.map((v) => r(v))

  it('warns when (nearly) every rating is the same', () => {
    expect(detectStraightLine(many(Array(12).fill(4)))).toEqual({ value: 4, count: 12, share: 1 })
    const mostly = [...Array(18).fill(3), 4, 5] as RatingValue[]
    expect(detectStraightLine(many(mostly))).toMatchObject({ value: 3, count: 18, share: 0.9 })
  })

  it('stays quiet for varied ratings, too few ratings, and leaves n/a out', () => {
    expect(detectStraightLine(many([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 3, 3]))).toBeUndefined()
    expect(detectStraightLine(many(Array(9).fill(4)))).toBeUndefined()
    expect(detectStraightLine(many([...Array(9).fill(4), ...Array(10).fill('na')]))).toBeUndefined()
  })

  it('reads the same from counts kept as ratings change, a value left with none included', () => {
    const counts = ratingCounts(many([...Array(10).fill(2), 'na', 5]))
    expect([...counts]).toEqual([
      [2, 10],
      [5, 1],
    ])
    expect(straightLineOf(counts)).toMatchObject({ value: 2, count: 10 })
    // The 5 changed to a 2, as the rating page counts it: 5 is left with none.
    counts.set(5, 0).set(2, 11)
    expect(straightLineOf(counts)).toEqual({ value: 2, count: 11, share: 1 })
    counts.set(2, 9)
    expect(straightLineOf(counts)).toBeUndefined()
  })
})

describe('search and filter', () => {
  const k01 = items.find((i) => i.key === 'K01')!
  it('matches code, text and note words, and the state filter', () => {
    expect(matchesItem(k01, undefined, 'k01', 'all')).toBe(true)
    expect(matchesItem(k01, undefined, '知識', 'all')).toBe(true)
    expect(matchesItem(k01, r(2, '上課學過'), '上課', 'rated')).toBe(true)
    expect(matchesItem(k01, r(2), '', 'unrated')).toBe(false)
    expect(matchesItem(k01, r('na'), '', 'na')).toBe(true)
    expect(matchesItem(k01, undefined, 'S01', 'all')).toBe(false)
  })
})

describe('scales', () => {
  it('are data: the default five steps target 4; the level scale targets the item level', () => {
    const five = SCALES['proficiency-5']
    expect(five.steps.map((s) => s.value)).toEqual([1, 2, 3, 4, 5])
    expect(targetStep(five)?.label['zh-TW']).toBe('能獨立完成')
    expect(scaleTarget(five, 2)).toBe(4)
    const six = SCALES['icap-level-6']
    expect(six.steps).toHaveLength(6)
    expect(targetStep(six)).toBeUndefined()
    expect(scaleTarget(six, 2)).toBe(2)
  })
})
