import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rateableItems } from '@/domain/assessment/items'
import { ratingLayout } from '@/domain/assessment/layout'
import { parseStandardFile } from '@/domain/standard/parse'
import type { Standard } from '@/domain/standard/schema'
import { makeStandard } from '../fixtures/standard'

const dir = new URL('../../data/standards/', import.meta.url)
function bundled(file: string): Standard {
  const result = parseStandardFile(file, readFileSync(new URL(file, dir), 'utf8'))
  if (!result.ok) throw new Error(file)
  return result.value
}
const layoutOf = (standard: Standard) => ratingLayout(standard, rateableItems(standard))
const keys = (list: { key: string }[]) => list.map((i) => i.key)

describe('where each item is rated', () => {
  it('rates a shared K or S item under the first task that lists it; later tasks refer to it', () => {
    const layout = layoutOf(makeStandard())
    const [t11, t12, t21] = layout.tasks
    expect(keys(t11!.rated)).toEqual(['P1.1.1', 'P1.1.2', 'P1.1.3', 'K01', 'K02', 'S01'])
    expect(t11!.references).toEqual([])
    expect(keys(t12!.rated)).toEqual(['P1.2.1'])
    expect(t12!.references.map((r) => [r.item.key, r.home])).toEqual([
      ['K02', 'T1.1'],
      ['S01', 'T1.1'],
    ])
    expect(keys(t21!.rated)).toEqual(['P2.1.1', 'S02'])
    expect(keys(layout.attitudes)).toEqual(['A01', 'A02'])
    expect(layout.homeOf.get('S01')).toBe('T1.1')
    expect(layout.homeOf.has('A01')).toBe(false)
  })

  it('gives the page order: each task’s rated items, then the attitudes', () => {
    expect(layoutOf(makeStandard()).order).toEqual([
      'P1.1.1',
      'P1.1.2',
      'P1.1.3',
      'K01',
      'K02',
      'S01',
      'P1.2.1',
      'P2.1.1',
      'S02',
      'A01',
      'A02',
    ])
  })

  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))(
    '%s: one rating place per item, and every task’s K and S items rated or referred to',
    (file) => {
      const standard = bundled(file)
      const items = rateableItems(standard)
      const layout = ratingLayout(standard, items)
      const placed = [...layout.tasks.flatMap((t) => keys(t.rated)), ...keys(layout.attitudes)]
      expect(placed.length).toBe(items.length)
      expect(new Set(placed)).toEqual(new Set(keys(items)))
      expect(layout.order).toEqual(placed)
      for (const duty of standard.duties)
        for (const task of duty.tasks) {
          const place = layout.tasks.find((t) => t.task === task.code)!
          const shown = [...keys(place.rated), ...place.references.map((r) => r.item.key)]
          expect(new Set(shown)).toEqual(
            new Set([...task.indicators.map((p) => p.code), ...task.knowledge, ...task.skills]),
          )
        }
    },
  )

  it('TTM4221-002v4: S01 is rated under T1.1 alone; T1.2, T2.2, T3.1 and T4.1 refer to it', () => {
    const layout = layoutOf(bundled('TTM4221-002v4.json'))
    expect(layout.homeOf.get('S01')).toBe('T1.1')
    const referring = layout.tasks
      .filter((t) => t.references.some((r) => r.item.key === 'S01'))
      .map((t) => t.task)
    expect(referring).toEqual(['T1.2', 'T2.2', 'T3.1', 'T4.1'])
    const t12 = layout.tasks.find((t) => t.task === 'T1.2')!
    expect(keys(t12.rated)).toEqual(expect.not.arrayContaining(['S01']))
  })
})
