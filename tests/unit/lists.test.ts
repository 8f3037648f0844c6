import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { codeOrder, compareFigures, cutWithTies, rankBy } from '@/domain/lists'
import { analyse, topGaps, strengths } from '@/domain/assessment/gaps'
import { rateableItems } from '@/domain/assessment/items'
import { SCALES } from '@/domain/assessment/scales'
import type { ItemResponse } from '@/domain/assessment/records'
import { parseStandardFile } from '@/domain/standard/parse'

const byCode = (a: { key: string }, b: { key: string }) => codeOrder(a.key, b.key)
const keys = (list: { key: string }[]) => list.map((i) => i.key)

describe('a list cut at N', () => {
  const list = [
    { key: 'S06', n: 3 },
    { key: 'P1.1.1', n: 3 },
    { key: 'K11', n: 5 },
    { key: 'A01', n: 3 },
    { key: 'K02', n: 1 },
  ]

  it('shows the first N by figure and hands over the ones tied at the cut, in the stated order', () => {
    const cut = cutWithTies(list, 2, (i) => i.n, byCode)
    expect(keys(cut.shown)).toEqual(['K11', 'A01'])
    expect(keys(cut.tied)).toEqual(['P1.1.1', 'S06'])
    expect(cut.hasTies).toBe(true)
  })

  it('has no tied items when the next one has a smaller figure, or the list is whole', () => {
    expect(cutWithTies(list, 4, (i) => i.n, byCode).tied).toEqual([])
    expect(cutWithTies(list, 1, (i) => i.n, byCode)).toMatchObject({ tied: [], hasTies: false })
    expect(cutWithTies(list, 9, (i) => i.n, byCode).shown).toHaveLength(5)
    expect(
      cutWithTies(
        [],
        3,
        (i: { n: number }) => i.n,
        () => 0,
      ).shown,
    ).toEqual([])
  })

  it('compares figures of several numbers in turn, larger first', () => {
    expect(compareFigures([0.5, 3], [0.5, 2])).toBeLessThan(0)
    expect(compareFigures([0.5, 2], [0.6, 1])).toBeGreaterThan(0)
    expect(compareFigures(2, 2)).toBe(0)
    const ranked = rankBy(
      [
        { key: 'b', f: [0.5, 2] },
        { key: 'a', f: [0.5, 2] },
        { key: 'c', f: [0.5, 3] },
      ],
      (i) => i.f,
      byCode,
    )
    expect(keys(ranked)).toEqual(['c', 'a', 'b'])
  })

  it('orders codes as a standard numbers them', () => {
    const codes = ['S06', 'K10', 'P1.10.1', 'K2', 'A01', 'P1.2.1', 'K02']
    expect([...codes].sort(codeOrder)).toEqual([
      'A01',
      'K2',
      'K02',
      'K10',
      'P1.2.1',
      'P1.10.1',
      'S06',
    ])
  })
})

describe('the largest gaps of TTM4221-002v4 with 18 items at a gap of 3', () => {
  const file = 'TTM4221-002v4.json'
  const parsed = parseStandardFile(
    file,
    readFileSync(new URL(`../../data/standards/${file}`, import.meta.url), 'utf8'),
  )
  if (!parsed.ok) throw new Error(file)
  const standard = parsed.value
  // Ten indicators, K and S items rated 1 (gap 3 on target 4), and the eight the old cut
  // dropped; every other item rated 4 (no gap).
  const gapOfThree = [
    'P1.1.1',
    'P1.1.2',
    'P1.2.1',
    'P2.1.1',
    'P3.1.1',
    'P4.1.1',
    'K01',
    'K02',
    'S01',
    'S02',
    'K11',
    'K19',
    'K23',
    'K27',
    'S06',
    'S11',
    'S16',
    'A01',
  ]
  const at = '2026-01-01T00:00:00.000Z'
  const responses = new Map<string, ItemResponse>(
    rateableItems(standard).map((i) => [
      i.key,
      { rating: gapOfThree.includes(i.key) ? 1 : 4, note: '', evidence: '', updatedAt: at },
    ]),
  )
  const a = analyse(standard, SCALES['proficiency-5'], { duties: {}, tasks: {} }, responses)

  it('shows ten and counts the other eight at the cut, whatever their kind', () => {
    const top = topGaps(a.items, 10)
    expect(top.shown).toHaveLength(10)
    expect(top.tied).toHaveLength(8)
    expect(new Set(keys([...top.shown, ...top.tied]))).toEqual(new Set(gapOfThree))
    // By code: the attitude and the K items lead; S items are not always the ones left out.
    expect(keys(top.shown).slice(0, 3)).toEqual(['A01', 'K01', 'K02'])
    expect(keys(top.tied)).toEqual(expect.arrayContaining(['S01', 'S02']))
  })

  it('keeps the ties of the report’s first-page three too', () => {
    const few = topGaps(a.items, 3)
    expect(keys(few.shown)).toEqual(['A01', 'K01', 'K02'])
    expect(few.tied).toHaveLength(15)
    const strong = strengths(a.items, 3)
    // Every other item is on target: three shown, the rest tied at +0.
    expect(strong.shown).toHaveLength(3)
    expect(strong.tied).toHaveLength(rateableItems(standard).length - 18 - 3)
  })
})
