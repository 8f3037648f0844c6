import { describe, expect, it } from 'vitest'
import { carryMarks, carryOver, carryTargets } from '@/domain/assessment/carry'
import type { ItemResponse } from '@/domain/assessment/records'
import { diffStandards } from '@/domain/standard/versions'
import { nextVersionOf, versionOf } from '../fixtures/standard-versions'

const v1 = versionOf('TST-001v1', 'TST-001v1', 'V1')
const v2 = nextVersionOf(v1, 'TST-001v2', 'TST-001v2')
const diff = diffStandards(v1, v2)

const at = '2025-03-01T08:00:00.000Z'
const response = (rating: ItemResponse['rating'], note = '', evidence = ''): ItemResponse => ({
  rating,
  note,
  evidence,
  updatedAt: at,
})

/** A round on v1: every kind of response, on unchanged, changed and removed items. */
const responses = new Map<string, ItemResponse>([
  ['P1.1.1', response(4, '做得到', '專案 A')],
  ['P1.1.2', response(2)],
  ['P1.1.3', response(3)],
  ['P2.1.1', response('na', '不負責這項')],
  ['K01', response(null, '還沒想好')],
  ['K02', response(5)],
  ['S01', response(3)],
])

describe('carrying a round over to a newer version', () => {
  const result = carryOver('old-round', responses, diff)

  it('carries the unchanged items exactly as stored, and nothing else', () => {
    expect([...result.responses.keys()]).toEqual(['P1.1.1', 'P2.1.1', 'K01', 'S01'])
    expect(result.responses.get('P1.1.1')).toEqual(response(4, '做得到', '專案 A'))
    expect(result.responses.get('P2.1.1')).toEqual(response('na', '不負責這項'))
    expect(result.responses.get('K01')).toEqual(response(null, '還沒想好'))
  })

  it('counts the ratings and not-applicables carried, not a note alone', () => {
    expect(result.carriedFrom.carried).toBe(3)
  })

  it('leaves changed and new items unrated, and lists them with the removed ones', () => {
    const { carriedFrom } = result
    expect(result.responses.has('P1.1.2')).toBe(false)
    expect(result.responses.has('P2.1.2')).toBe(false)
    expect(carriedFrom.changed.map((c) => [c.key, c.old.text, c.new.text])).toEqual([
      ['P1.1.2', '指標二。', '指標二，改寫。'],
      ['P1.1.3', '指標三。', '指標三。'],
    ])
    expect(carriedFrom.added.map((i) => i.key)).toEqual(['P2.1.2'])
    expect(carriedFrom.removed.map((i) => [i.key, i.text])).toEqual([['K02', '知識二']])
    expect(carriedFrom).toMatchObject({ assessmentId: 'old-round', standardId: 'TST-001v1' })
  })

  it('does not share objects with the older round', () => {
    expect(result.responses.get('P1.1.1')).not.toBe(responses.get('P1.1.1'))
  })

  it('carries nothing from an empty round', () => {
    const empty = carryOver('old-round', new Map(), diff)
    expect(empty.responses.size).toBe(0)
    expect(empty.carriedFrom.carried).toBe(0)
    expect(empty.carriedFrom.added).toHaveLength(1)
  })

  it('marks changed and new items for the rating page', () => {
    expect([...carryMarks(result.carriedFrom)]).toEqual([
      ['P1.1.2', 'changed'],
      ['P1.1.3', 'changed'],
      ['P2.1.2', 'added'],
    ])
    expect(carryMarks(undefined).size).toBe(0)
  })

  it('keeps the targets of duties and tasks the newer version still has', () => {
    const gone = structuredClone(v2)
    gone.duties = gone.duties.slice(0, 1)
    expect(
      carryTargets({ duties: { T1: 4, T2: 3 }, tasks: { 'T1.1': 5, 'T2.1': 2 } }, gone),
    ).toEqual({ duties: { T1: 4 }, tasks: { 'T1.1': 5 } })
  })
})
