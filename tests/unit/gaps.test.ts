import { describe, expect, it } from 'vitest'
import {
  analyse,
  compareRounds,
  strengths,
  topGaps,
  type Analysis,
  type GroupStats,
} from '@/domain/assessment/gaps'
import type { RatingValue, Responses } from '@/domain/assessment/ratings'
import type { TargetOverrides } from '@/domain/assessment/records'
import { SCALES } from '@/domain/assessment/scales'
import { makeStandard } from '../fixtures/standard'

/*
 * The fixture, as the rules read it (task levels: T1.1 = 4, T1.2 = 2, T2.1 = 3; standard 3):
 *   P1.1.1 L3 T1.1 | P1.1.2 L3 T1.1 | P1.1.3 L4 T1.1 | P1.2.1 L2 T1.2 | P2.1.1 L3 T2.1
 *   K01 T1.1 | K02, S01 T1.1 + T1.2 | S02 T2.1 | A01 T1.1 + T2.1 | A02 whole role
 * On the five-step scale every target is 4 unless overridden.
 */
const standard = makeStandard()
const five = SCALES['proficiency-5']
const levels = SCALES['icap-level-6']
const none: TargetOverrides = { duties: {}, tasks: {} }

const responses = (ratings: Record<string, RatingValue | null>): Responses =>
  new Map(
    Object.entries(ratings).map(([key, rating]) => [
      key,
      { rating, note: '', evidence: '', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]),
  )

type Expected = Omit<GroupStats, 'key'>

const close = (actual: number | null | undefined, expected: number | null) => {
  if (expected === null) expect(actual).toBeNull()
  else expect(actual).toBeCloseTo(expected, 10)
}

/** The expected stats, with fractions matched to 10 decimals. */
const approx = ({ coverage, meanGap, meetShare, ...counts }: Expected) => {
  const near = (n: number | null) => (n === null ? null : expect.closeTo(n, 10))
  return { ...counts, coverage: near(coverage), meanGap: near(meanGap), meetShare: near(meetShare) }
}

const group = (groups: GroupStats[], key: string) => groups.find((g) => g.key === key)
const item = (analysis: Analysis, key: string) => analysis.items.find((i) => i.key === key)!
const keys = (list: { key: string }[]) => list.map((g) => g.key)

/*
 * A mix of ratings, n/a and unrated, on the five-step scale (target 4 everywhere):
 *   P1.1.1 2 → gap 2   P1.1.2 4 → 0   P1.1.3 5 → 0   P1.2.1 n/a   P2.1.1 3 → 1
 *   K01 absent         K02 1 → 3      S01 3 → 1      S02 null (unrated)
 *   A01 4 → 0          A02 2 → 2
 */
const mixed = responses({
  'P1.1.1': 2,
  'P1.1.2': 4,
  'P1.1.3': 5,
  'P1.2.1': 'na',
  'P2.1.1': 3,
  K02: 1,
  S01: 3,
  S02: null,
  A01: 4,
  A02: 2,
})
const analysis = analyse(standard, five, none, mixed)

describe('item gaps', () => {
  it('is target − rating below the target and 0 at or above it', () => {
    expect(item(analysis, 'P1.1.1')).toMatchObject({ target: 4, rating: 2, gap: 2 }) // 4 − 2
    expect(item(analysis, 'P1.1.2')).toMatchObject({ target: 4, rating: 4, gap: 0 }) // at
    expect(item(analysis, 'P1.1.3')).toMatchObject({ target: 4, rating: 5, gap: 0 }) // above
    expect(item(analysis, 'K02')).toMatchObject({ target: 4, rating: 1, gap: 3 }) // 4 − 1
  })

  it('is null for not applicable and for unrated items, whether absent or null', () => {
    expect(item(analysis, 'P1.2.1')).toMatchObject({ rating: 'na', gap: null })
    expect(item(analysis, 'K01')).toMatchObject({ rating: null, gap: null })
    expect(item(analysis, 'S02')).toMatchObject({ rating: null, gap: null })
  })

  it('lists every item once, in reading order', () => {
    expect(keys(analysis.items)).toEqual([
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
})

describe('overall', () => {
  it('counts n/a and unrated in coverage only', () => {
    // 11 items; rated: P1.1.1, P1.1.2, P1.1.3, P2.1.1, K02, S01, A01, A02 = 8;
    // n/a: P1.2.1; unrated: K01 (absent), S02 (null).
    expect(analysis.overall.key).toBe('all')
    expect(analysis.overall).toMatchObject(
      approx({
        rateable: 11,
        rated: 8,
        na: 1,
        unrated: 2,
        coverage: 8 / 11,
        meanGap: 9 / 8, // (2 + 0 + 0 + 1 + 3 + 1 + 0 + 2) / 8
        meetShare: 3 / 8, // P1.1.2, P1.1.3, A01
      }),
    )
  })
})

describe('by duty', () => {
  it('keeps duty order, then the whole role', () => {
    expect(keys(analysis.byDuty)).toEqual(['T1', 'T2', 'role'])
  })

  it('counts a K/S item shared by two tasks of a duty once in that duty', () => {
    // T1: P1.1.1, P1.1.2, P1.1.3, P1.2.1, K01, K02, S01, A01 = 8 (K02, S01 once each).
    // Rated: P1.1.1 2, P1.1.2 0, P1.1.3 0, K02 3, S01 1, A01 0; n/a P1.2.1; unrated K01.
    expect(group(analysis.byDuty, 'T1')).toMatchObject(
      approx({
        rateable: 8,
        rated: 6,
        na: 1,
        unrated: 1,
        coverage: 6 / 8,
        meanGap: 1, // (2 + 0 + 0 + 3 + 1 + 0) / 6
        meetShare: 3 / 6, // P1.1.2, P1.1.3, A01
      }),
    )
  })

  it('counts S02 in T2 and an attitude mapped to two duties in both', () => {
    // T2: P2.1.1 1, S02 unrated, A01 0.
    expect(group(analysis.byDuty, 'T2')).toMatchObject(
      approx({
        rateable: 3,
        rated: 2,
        na: 0,
        unrated: 1,
        coverage: 2 / 3,
        meanGap: 0.5, // (1 + 0) / 2
        meetShare: 0.5, // A01
      }),
    )
  })

  it('counts an attitude mapped to no task under the whole role', () => {
    // role: A02 2.
    expect(group(analysis.byDuty, 'role')).toMatchObject(
      approx({
        rateable: 1,
        rated: 1,
        na: 0,
        unrated: 0,
        coverage: 1,
        meanGap: 2,
        meetShare: 0,
      }),
    )
  })
})

describe('by task', () => {
  it('keeps task order, then the whole role', () => {
    expect(keys(analysis.byTask)).toEqual(['T1.1', 'T1.2', 'T2.1', 'role'])
  })

  it('counts every item of the two-level task T1.1, and shared items in each task', () => {
    // T1.1: P1.1.1 2, P1.1.2 0, P1.1.3 0, K01 unrated, K02 3, S01 1, A01 0.
    expect(group(analysis.byTask, 'T1.1')).toMatchObject(
      approx({
        rateable: 7,
        rated: 6,
        na: 0,
        unrated: 1,
        coverage: 6 / 7,
        meanGap: 1, // (2 + 0 + 0 + 3 + 1 + 0) / 6
        meetShare: 3 / 6, // P1.1.2, P1.1.3, A01
      }),
    )
    // T1.2: P1.2.1 n/a, K02 3, S01 1.
    expect(group(analysis.byTask, 'T1.2')).toMatchObject(
      approx({
        rateable: 3,
        rated: 2,
        na: 1,
        unrated: 0,
        coverage: 2 / 3,
        meanGap: 2, // (3 + 1) / 2
        meetShare: 0,
      }),
    )
    // T2.1: P2.1.1 1, S02 unrated, A01 0.
    expect(group(analysis.byTask, 'T2.1')).toMatchObject(
      approx({
        rateable: 3,
        rated: 2,
        na: 0,
        unrated: 1,
        coverage: 2 / 3,
        meanGap: 0.5, // (1 + 0) / 2
        meetShare: 0.5,
      }),
    )
  })

  it('puts the attitude of the whole role under role', () => {
    expect(group(analysis.byTask, 'role')).toMatchObject(
      approx({
        rateable: 1,
        rated: 1,
        na: 0,
        unrated: 0,
        coverage: 1,
        meanGap: 2, // A02: 4 − 2
        meetShare: 0,
      }),
    )
  })
})

describe('by competency level', () => {
  it('lists only levels that have items, then the whole role', () => {
    expect(keys(analysis.byLevel)).toEqual(['2', '3', '4', 'role'])
  })

  it('puts indicators at their own level and K/S/A items at the level of each task using them', () => {
    // Level 2 (T1.2): P1.2.1 n/a, K02 3, S01 1.
    expect(group(analysis.byLevel, '2')).toMatchObject(
      approx({
        rateable: 3,
        rated: 2,
        na: 1,
        unrated: 0,
        coverage: 2 / 3,
        meanGap: 2, // (3 + 1) / 2
        meetShare: 0,
      }),
    )
    // Level 3: P1.1.1 2, P1.1.2 0 (T1.1's level-3 indicators), P2.1.1 1, S02 unrated,
    // A01 0 (via T2.1).
    expect(group(analysis.byLevel, '3')).toMatchObject(
      approx({
        rateable: 5,
        rated: 4,
        na: 0,
        unrated: 1,
        coverage: 4 / 5,
        meanGap: 0.75, // (2 + 0 + 1 + 0) / 4
        meetShare: 0.5, // P1.1.2, A01
      }),
    )
    // Level 4: P1.1.3 0 (T1.1's level-4 indicator), K01 unrated, K02 3, S01 1 (via T1.1),
    // A01 0 (via T1.1).
    expect(group(analysis.byLevel, '4')).toMatchObject(
      approx({
        rateable: 5,
        rated: 4,
        na: 0,
        unrated: 1,
        coverage: 4 / 5,
        meanGap: 1, // (0 + 3 + 1 + 0) / 4
        meetShare: 0.5, // P1.1.3, A01
      }),
    )
    // role: A02 2.
    expect(group(analysis.byLevel, 'role')).toMatchObject(
      approx({
        rateable: 1,
        rated: 1,
        na: 0,
        unrated: 0,
        coverage: 1,
        meanGap: 2,
        meetShare: 0,
      }),
    )
  })
})

describe('by kind', () => {
  it('groups P, K, S and A items', () => {
    expect(keys(analysis.byKind)).toEqual(['P', 'K', 'S', 'A'])
    // P: P1.1.1 2, P1.1.2 0, P1.1.3 0, P1.2.1 n/a, P2.1.1 1.
    expect(group(analysis.byKind, 'P')).toMatchObject(
      approx({
        rateable: 5,
        rated: 4,
        na: 1,
        unrated: 0,
        coverage: 4 / 5,
        meanGap: 0.75, // (2 + 0 + 0 + 1) / 4
        meetShare: 0.5, // P1.1.2, P1.1.3
      }),
    )
    // K: K01 unrated, K02 3.
    expect(group(analysis.byKind, 'K')).toMatchObject(
      approx({
        rateable: 2,
        rated: 1,
        na: 0,
        unrated: 1,
        coverage: 0.5,
        meanGap: 3,
        meetShare: 0,
      }),
    )
    // S: S01 1, S02 unrated.
    expect(group(analysis.byKind, 'S')).toMatchObject(
      approx({
        rateable: 2,
        rated: 1,
        na: 0,
        unrated: 1,
        coverage: 0.5,
        meanGap: 1,
        meetShare: 0,
      }),
    )
    // A: A01 0, A02 2.
    expect(group(analysis.byKind, 'A')).toMatchObject(
      approx({
        rateable: 2,
        rated: 2,
        na: 0,
        unrated: 0,
        coverage: 1,
        meanGap: 1, // (0 + 2) / 2
        meetShare: 0.5, // A01
      }),
    )
  })
})

describe('target overrides', () => {
  it('a task override sets the target of that task; a shared item takes the highest', () => {
    // T1.2 → 2; everything else 4. P1.2.1 2, K02 3, S01 3.
    const a = analyse(
      standard,
      five,
      { duties: {}, tasks: { 'T1.2': 2 } },
      responses({ 'P1.2.1': 2, K02: 3, S01: 3 }),
    )
    expect(item(a, 'P1.2.1')).toMatchObject({ target: 2, gap: 0 }) // 2 − 2
    // S01 and K02: max(T1.1 4, T1.2 2) = 4 → 4 − 3 = 1.
    expect(item(a, 'S01')).toMatchObject({ target: 4, gap: 1 })
    expect(item(a, 'K02')).toMatchObject({ target: 4, gap: 1 })
    expect(item(a, 'P1.1.1').target).toBe(4)
    close(a.overall.meanGap, 2 / 3) // (0 + 1 + 1) / 3
    close(a.overall.meetShare, 1 / 3) // P1.2.1
    // An item has one target in every group: in T1.2 the shared items still count against 4,
    // since T1.1 needs them at 4. T1.2: P1.2.1 0, K02 1, S01 1 → (0 + 1 + 1) / 3.
    expect(group(a.byTask, 'T1.2')).toMatchObject(
      approx({
        rateable: 3,
        rated: 3,
        na: 0,
        unrated: 0,
        coverage: 1,
        meanGap: 2 / 3,
        meetShare: 1 / 3, // P1.2.1
      }),
    )
    // T1.1: K02 1, S01 1 → (1 + 1) / 2.
    close(group(a.byTask, 'T1.1')!.meanGap, 1)
    close(group(a.byTask, 'T1.1')!.meetShare, 0)
    // Duty T1: P1.2.1 0, K02 1, S01 1 → 2 / 3.
    close(group(a.byDuty, 'T1')!.meanGap, 2 / 3)
    // Level 2 (T1.2): P1.2.1 0, K02 1, S01 1 → 2 / 3. Level 4 (T1.1): K02 1, S01 1 → 1.
    close(group(a.byLevel, '2')!.meanGap, 2 / 3)
    close(group(a.byLevel, '4')!.meanGap, 1)
  })

  it('a duty override sets the target of every task of that duty', () => {
    // T1 → 3; T2 and the whole role keep 4. All rated 3.
    const a = analyse(
      standard,
      five,
      { duties: { T1: 3 }, tasks: {} },
      responses({ 'P1.1.1': 3, 'P2.1.1': 3, A01: 3, A02: 3 }),
    )
    expect(item(a, 'P1.1.1')).toMatchObject({ target: 3, gap: 0 }) // 3 − 3
    expect(item(a, 'P2.1.1')).toMatchObject({ target: 4, gap: 1 }) // 4 − 3
    // A01 across T1.1 (3) and T2.1 (4) → 4.
    expect(item(a, 'A01')).toMatchObject({ target: 4, gap: 1 })
    // A02 belongs to no duty: the scale's 4.
    expect(item(a, 'A02')).toMatchObject({ target: 4, gap: 1 })
    // T1: P1.1.1 0, A01 1 (its one target, 4) → (0 + 1) / 2.
    close(group(a.byDuty, 'T1')!.meanGap, 1 / 2)
    close(group(a.byDuty, 'T1')!.meetShare, 1 / 2)
    // T2: P2.1.1 1, A01 1 → (1 + 1) / 2.
    close(group(a.byDuty, 'T2')!.meanGap, 1)
    close(group(a.byTask, 'T1.1')!.meanGap, 1 / 2) // P1.1.1 0, A01 1
  })

  it('a task override beats its duty override', () => {
    // T1 → 3 but T1.2 → 5. All rated 4.
    const a = analyse(
      standard,
      five,
      { duties: { T1: 3 }, tasks: { 'T1.2': 5 } },
      responses({ 'P1.1.1': 4, 'P1.2.1': 4, K02: 4 }),
    )
    expect(item(a, 'P1.1.1')).toMatchObject({ target: 3, gap: 0 }) // duty's 3
    expect(item(a, 'P1.2.1')).toMatchObject({ target: 5, gap: 1 }) // task's 5 − 4
    // K02: max(T1.1 3, T1.2 5) = 5 → 1.
    expect(item(a, 'K02')).toMatchObject({ target: 5, gap: 1 })
    // T1.1: P1.1.1 0, K02 1 (its one target, 5) → (0 + 1) / 2.
    close(group(a.byTask, 'T1.1')!.meanGap, 1 / 2)
    // T1.2: P1.2.1 1, K02 1 → (1 + 1) / 2.
    close(group(a.byTask, 'T1.2')!.meanGap, 1)
    // T1: P1.1.1 0, P1.2.1 1, K02 1 → (0 + 1 + 1) / 3.
    close(group(a.byDuty, 'T1')!.meanGap, 2 / 3)
  })

  it('a task override may also lower a target below its duty override', () => {
    const a = analyse(
      standard,
      five,
      { duties: { T1: 5 }, tasks: { 'T1.1': 2 } },
      responses({ 'P1.1.1': 2, 'P1.2.1': 2 }),
    )
    expect(item(a, 'P1.1.1')).toMatchObject({ target: 2, gap: 0 })
    expect(item(a, 'P1.2.1')).toMatchObject({ target: 5, gap: 3 }) // 5 − 2
    expect(item(a, 'K01').target).toBe(2) // only T1.1
    expect(item(a, 'K02').target).toBe(5) // max(2, 5)
  })
})

describe('competency-level scale', () => {
  // Targets: each item's own level. P1.1.1 3, P1.1.2 3, P1.1.3 4, P1.2.1 2, P2.1.1 3,
  // K01 4, K02 4 (max of T1.1 4, T1.2 2), S01 4, S02 3, A01 4, A02 3 (the standard's level).
  const a = analyse(
    standard,
    levels,
    none,
    responses({ 'P1.1.1': 'na', 'P1.1.3': 3, 'P1.2.1': 2, K02: 2, S02: 4, A02: 1 }),
  )

  it('takes each item’s own level as its target', () => {
    expect(a.items.map((i) => [i.key, i.target])).toEqual([
      ['P1.1.1', 3],
      ['P1.1.2', 3],
      ['P1.1.3', 4],
      ['P1.2.1', 2],
      ['P2.1.1', 3],
      ['K01', 4],
      ['K02', 4],
      ['S01', 4],
      ['S02', 3],
      ['A01', 4],
      ['A02', 3],
    ])
  })

  it('computes gaps from those targets', () => {
    expect(item(a, 'P1.2.1').gap).toBe(0) // 2 − 2
    expect(item(a, 'P1.1.3').gap).toBe(1) // 4 − 3
    expect(item(a, 'K02').gap).toBe(2) // 4 − 2
    expect(item(a, 'S02').gap).toBe(0) // 3 − 4 → 0
    expect(item(a, 'A02').gap).toBe(2) // 3 − 1
    expect(item(a, 'P1.1.1').gap).toBeNull() // n/a
    expect(a.overall).toMatchObject(
      approx({
        rateable: 11,
        rated: 5,
        na: 1,
        unrated: 5, // P1.1.2, P2.1.1, K01, S01, A01
        coverage: 5 / 11,
        meanGap: 1, // (0 + 1 + 2 + 0 + 2) / 5
        meetShare: 2 / 5, // P1.2.1, S02
      }),
    )
  })
})

describe('competency-level scale, a K/S item shared by tasks at two levels', () => {
  // K02 serves T1.1 (level 4) and T1.2 (level 2): its target is 4, in every group.
  const a = analyse(standard, levels, none, responses({ 'P1.2.1': 2, K02: 2 }))

  it('keeps the item’s one target, the highest level, in the lower task’s groups too', () => {
    expect(item(a, 'K02')).toMatchObject({ target: 4, gap: 2 })
    // T1.2: P1.2.1 (2 − 2 → 0), K02 (4 − 2 → 2), S01 unrated.
    const lower = approx({
      rateable: 3,
      rated: 2,
      na: 0,
      unrated: 1,
      coverage: 2 / 3,
      meanGap: 1, // (0 + 2) / 2
      meetShare: 1 / 2, // P1.2.1
    })
    expect(group(a.byTask, 'T1.2')).toMatchObject(lower)
    // Level 2 holds P1.2.1 and, through T1.2, K02 and S01: the same figures as T1.2.
    expect(group(a.byLevel, '2')).toMatchObject(lower)
    // T1.1: K02 is the only rated item of its seven (3 P, K01, K02, S01, A01).
    expect(group(a.byTask, 'T1.1')).toMatchObject(
      approx({
        rateable: 7,
        rated: 1,
        na: 0,
        unrated: 6,
        coverage: 1 / 7,
        meanGap: 2,
        meetShare: 0,
      }),
    )
  })
})

describe('competency-level scale with a per-task target', () => {
  // A junior targets 2 on T1.1 (level 4). K02 serves T1.1 and T1.2 (level 2): max(2, 2) = 2.
  // K01 and S01 follow the same rule: K01 only T1.1 → 2; S01 T1.1 + T1.2 → max(2, 2) = 2.
  // A01 serves T1.1 and T2.1 (level 3): max(2, 3) = 3. P1.2.1 keeps its own level 2, and
  // P2.1.1 its level 3; P1.1.x take the override, 2.
  const a = analyse(
    standard,
    levels,
    { duties: {}, tasks: { 'T1.1': 2 } },
    responses({ 'P1.1.3': 2, K02: 2, A01: 2 }),
  )

  it('lowers a shared item to the highest of its tasks’ own targets', () => {
    expect(a.items.map((i) => [i.key, i.target])).toEqual([
      ['P1.1.1', 2],
      ['P1.1.2', 2],
      ['P1.1.3', 2],
      ['P1.2.1', 2],
      ['P2.1.1', 3],
      ['K01', 2],
      ['K02', 2],
      ['S01', 2],
      ['S02', 3],
      ['A01', 3],
      ['A02', 3],
    ])
    expect(item(a, 'P1.1.3').gap).toBe(0) // 2 − 2
    expect(item(a, 'K02').gap).toBe(0) // 2 − 2, not 4 − 2
    expect(item(a, 'A01').gap).toBe(1) // 3 − 2: T2.1 keeps its level 3
  })
})

describe('largest gaps and strengths', () => {
  // Gaps in the mixed round: P1.1.1 2, P2.1.1 1, K02 3, S01 1, A02 2; the rest 0 or null.
  it('lists the largest gaps first, ties by code, only gaps above 0, and keeps the ties at the cut', () => {
    expect(keys(topGaps(analysis.items, 3).shown)).toEqual(['K02', 'A02', 'P1.1.1'])
    expect(topGaps(analysis.items, 3).tied).toEqual([])
    expect(keys(topGaps(analysis.items, 10).shown)).toEqual([
      'K02',
      'A02',
      'P1.1.1',
      'P2.1.1',
      'S01',
    ])
    // Cut at 2: P1.1.1 shares A02's gap of 2 and is counted, not dropped.
    const two = topGaps(analysis.items, 2)
    expect([keys(two.shown), keys(two.tied), two.hasTies]).toEqual([
      ['K02', 'A02'],
      ['P1.1.1'],
      true,
    ])
    expect(topGaps(analysis.items, 0)).toEqual({ shown: [], tied: [], hasTies: false })
  })

  it('lists rated items meeting their target, furthest above first, ties by code', () => {
    // P1.1.3 5 − 4 = +1; A01 and P1.1.2 +0.
    expect(keys(strengths(analysis.items, 10).shown)).toEqual(['P1.1.3', 'A01', 'P1.1.2'])
    const two = strengths(analysis.items, 2)
    expect([keys(two.shown), keys(two.tied)]).toEqual([['P1.1.3', 'A01'], ['P1.1.2']])
  })

  it('finds no gaps and no strengths when nothing is rated', () => {
    const empty = analyse(standard, five, none, new Map())
    expect(topGaps(empty.items, 5).shown).toEqual([])
    expect(strengths(empty.items, 5).shown).toEqual([])
  })
})

describe('comparing rounds', () => {
  // Before: P1.1.1 2 (gap 2), P1.1.2 3 (1), S02 2 (2), A02 4 (0).
  // After:  P1.1.1 4 (0), P1.1.2 n/a, K01 3 (1, was unrated), S02 2 (2), A02 4 (0).
  const before = analyse(
    standard,
    five,
    none,
    responses({ 'P1.1.1': 2, 'P1.1.2': 3, S02: 2, A02: 4 }),
  )
  const after = analyse(
    standard,
    five,
    none,
    responses({ 'P1.1.1': 4, 'P1.1.2': 'na', K01: 3, S02: 2, A02: 4 }),
  )
  const comparison = compareRounds(before, after)

  it('gives each duty’s mean gap before, after and the change', () => {
    expect(keys(comparison.byDuty)).toEqual(['T1', 'T2', 'role'])
    const [d1, d2, role] = comparison.byDuty
    expect(d1!.key).toBe('T1')
    close(d1!.before, 1.5) // (2 + 1) / 2
    close(d1!.after, 0.5) // (0 + 1) / 2
    close(d1!.change, -1) // 0.5 − 1.5
    expect(d2).toMatchObject({ key: 'T2', before: 2, after: 2, change: 0 })
    expect(role).toMatchObject({ key: 'role', before: 0, after: 0, change: 0 })
    close(comparison.overall.before, 1.25) // (2 + 1 + 2 + 0) / 4
    close(comparison.overall.after, 0.75) // (0 + 1 + 2 + 0) / 4
    close(comparison.overall.change, -0.5)
  })

  it('lists the items whose rating changed, in reading order', () => {
    expect(comparison.items).toEqual([
      { key: 'P1.1.1', text: '確認網站類型。', before: 2, after: 4, gapBefore: 2, gapAfter: 0 },
      { key: 'P1.1.2', text: '指標二。', before: 3, after: 'na', gapBefore: 1, gapAfter: null },
      { key: 'K01', text: '知識一', before: null, after: 3, gapBefore: null, gapAfter: 1 },
    ])
  })

  it('gives no change where a round has no mean', () => {
    const empty = analyse(standard, five, none, new Map())
    const fromEmpty = compareRounds(empty, after)
    expect(fromEmpty.byDuty[0]).toMatchObject({ key: 'T1', before: null, change: null })
    close(fromEmpty.byDuty[0]!.after, 0.5)
    expect(keys(fromEmpty.items)).toEqual(['P1.1.1', 'P1.1.2', 'K01', 'S02', 'A02'])
    expect(compareRounds(after, after).items).toEqual([])
  })
})

describe('nothing rated', () => {
  it('has no mean gap and no meet share, and coverage 0', () => {
    const empty = analyse(standard, five, none, new Map())
    expect(empty.overall).toMatchObject(
      approx({
        rateable: 11,
        rated: 0,
        na: 0,
        unrated: 11,
        coverage: 0,
        meanGap: null,
        meetShare: null,
      }),
    )
    expect(keys(empty.byDuty)).toEqual(['T1', 'T2', 'role'])
    for (const g of [...empty.byDuty, ...empty.byTask, ...empty.byLevel, ...empty.byKind]) {
      expect(g.meanGap).toBeNull()
      expect(g.meetShare).toBeNull()
      expect(g.coverage).toBe(0)
    }
    expect(empty.items.every((i) => i.gap === null)).toBe(true)
  })

  it('counts an all-n/a group as answered but without a mean', () => {
    const a = analyse(standard, five, none, responses({ A02: 'na', K01: null }))
    expect(group(a.byDuty, 'role')).toMatchObject(
      approx({
        rateable: 1,
        rated: 0,
        na: 1,
        unrated: 0,
        coverage: 0,
        meanGap: null,
        meetShare: null,
      }),
    )
    expect(a.overall).toMatchObject(
      approx({
        rateable: 11,
        rated: 0,
        na: 1,
        unrated: 10,
        coverage: 0,
        meanGap: null,
        meetShare: null,
      }),
    )
  })
})
