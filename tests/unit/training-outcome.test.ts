/**
 * The before/after comparison against figures worked out by hand: people paired by employee id
 * (or name where there is none), those in one side only and those twice on a side listed and
 * never paired; n/a and unrated items left out of a person's pairs; closed, worse, the means,
 * the mean change and the paired effect size (mean change ÷ sd of the changes).
 */
import { describe, expect, it } from 'vitest'
import { buildCohort, type Cohort } from '@/domain/cohort/cohort'
import { getScale } from '@/domain/assessment/scales'
import { compareOutcome, matchPeople } from '@/domain/training/outcome'
import { cohortStandard, contentOf, ITEMS, type PersonSpec } from '../fixtures/cohort/five'

const standard = cohortStandard()
type Cell = number | 'n' | '-'

/** A person's ratings: every item unrated but those given. */
function ratings(given: Partial<Record<(typeof ITEMS)[number], Cell>>): Cell[] {
  return ITEMS.map((code) => given[code] ?? '-')
}
function person(
  id: string,
  employeeId: string,
  name: string,
  round: number,
  given: Partial<Record<(typeof ITEMS)[number], Cell>>,
): PersonSpec {
  return {
    id,
    name,
    employeeId,
    department: '業務部',
    jobTitle: '專員',
    round,
    day: round === 1 ? '2026-03-01' : '2026-09-01',
    ratings: ratings(given),
  }
}
const cohortOf = (
  people: PersonSpec[],
  scale: 'proficiency-5' | 'icap-level-6' = 'proficiency-5',
): Cohort =>
  buildCohort(
    standard,
    getScale(scale),
    people.map((p) => {
      const content = contentOf(p, standard)
      content.assessment.scale = scale
      return content
    }),
  )

const before = cohortOf([
  person('a1', 'E01', '甲', 1, { K01: 2, S02: 1, 'P1.1.1': 3 }),
  person('b1', 'E02', '乙', 1, { K01: 3, S02: 4 }),
  person('c1', 'E03', '丙', 1, { K01: 1 }),
  person('d1', 'E04', '丁', 1, { K01: 1 }),
  person('w1', '', '王五', 1, {}),
])
const after = cohortOf([
  person('a2', 'E01', '甲', 2, { K01: 4, S02: 2, 'P1.1.1': 'n' }),
  person('b2', 'E02', '乙', 2, { K01: 3, S02: 3 }),
  person('c2', 'E03', '丙', 2, { K01: 5, S02: 2 }),
  person('e2', 'E05', '戊', 2, { K01: 4 }),
  person('f2', 'E06', '己', 2, { K01: 4 }),
  person('f3', 'E06', '己', 2, { K01: 2 }),
  person('w2', '', '王五', 2, {}),
])

describe('pairing people', () => {
  it('pairs by employee id, or by name where there is none; lists the rest, guesses none', () => {
    const m = matchPeople(before.members, after.members)
    expect(m.pairs.map((p) => [p.before.id, p.after.id])).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
      ['c1', 'c2'],
      ['w1', 'w2'],
    ])
    expect(m.beforeOnly.map((x) => x.id)).toEqual(['d1'])
    expect(m.afterOnly.map((x) => x.id)).toEqual(['e2'])
    expect(m.twice.map((t) => [t.side, t.members.map((x) => x.id)])).toEqual([
      ['after', ['f2', 'f3']],
    ])
  })
})

describe('the paired comparison', () => {
  const outcome = compareOutcome(before, after, new Set(['K01']))
  const item = (code: string) => outcome.items.find((i) => i.key === code)!

  it('K01: three pairs, two closed, the mean change and d_z by hand', () => {
    // Target 4. 甲 2 → 4 (gap 2 → 0), 乙 3 → 3 (1 → 1), 丙 1 → 5 (3 → 0). 王五 rated nothing.
    const k01 = item('K01')
    expect(k01).toMatchObject({ n: 3, hadGap: 3, closed: 2, worse: 0, covered: true })
    expect(k01.before).toBeCloseTo(2, 12)
    expect(k01.after).toBeCloseTo(1 / 3, 12)
    // Changes −2, 0, −3: mean −5/3; deviations −1/3, 5/3, −4/3: sd = √(42/9 ÷ 2) = √(7/3).
    expect(k01.change).toBeCloseTo(-5 / 3, 12)
    expect(k01.sd).toBeCloseTo(Math.sqrt(7 / 3), 12)
    expect(k01.effect).toBeCloseTo(-5 / 3 / Math.sqrt(7 / 3), 12)
  })

  it('S02: an unrated before leaves 丙 out; one got worse; no change on the mean', () => {
    const s02 = item('S02')
    expect(s02).toMatchObject({ n: 2, hadGap: 1, closed: 0, worse: 1, covered: false })
    expect(s02.change).toBeCloseTo(0, 12)
    expect(s02.sd).toBeCloseTo(Math.SQRT2, 12)
    expect(s02.effect).toBeCloseTo(0, 12)
  })

  it('an n/a after leaves the pair out; an item nobody has a pair on has no figures', () => {
    expect(item('P1.1.1')).toMatchObject({
      n: 0,
      before: null,
      after: null,
      change: null,
      sd: null,
      effect: null,
    })
    expect(item('A02')).toMatchObject({ n: 0, effect: null })
  })

  it('a duty: each person’s mean gap over their paired items of it', () => {
    // T2 holds P2.1.1, K01, S02, A01. 甲 (2, 3) → (0, 2): 2.5 → 1; 乙 (1, 0) → (1, 1): 0.5 → 1;
    // 丙 K01 only: 3 → 0.
    const t2 = outcome.duties.find((d) => d.key === 'T2')!
    expect(t2).toMatchObject({ n: 3, hadGap: 3, closed: 1, worse: 1 })
    expect(t2.change).toBeCloseTo((-1.5 + 0.5 - 3) / 3, 12)
    expect(t2.before).toBeCloseTo(2, 12)
  })

  it('the covered items apart from the others', () => {
    expect(outcome.covered).toMatchObject({ key: 'covered', n: 3, closed: 2 })
    expect(outcome.covered.change).toBeCloseTo(-5 / 3, 12)
    // Others: 甲 S02 3 → 2, 乙 S02 0 → 1; 丙 has no other pair.
    expect(outcome.others).toMatchObject({ key: 'others', n: 2, closed: 0, worse: 1 })
    expect(outcome.others.change).toBeCloseTo(0, 12)
  })

  it('a change alike for everyone has no spread, so no effect size', () => {
    const b = cohortOf([
      person('a', 'E1', '甲', 1, { K01: 2 }),
      person('b', 'E2', '乙', 1, { K01: 3 }),
    ])
    const a = cohortOf([
      person('c', 'E1', '甲', 2, { K01: 3 }),
      person('d', 'E2', '乙', 2, { K01: 4 }),
    ])
    const k01 = compareOutcome(b, a).items.find((i) => i.key === 'K01')!
    expect(k01).toMatchObject({ n: 2, change: -1, sd: 0, effect: null, closed: 1 })
  })

  it('refuses to compare cohorts on different scales', () => {
    const levels = cohortOf([person('x', 'E01', '甲', 2, { K01: 3 })], 'icap-level-6')
    expect(() => compareOutcome(before, levels)).toThrow(RangeError)
  })
})
