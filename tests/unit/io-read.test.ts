import { describe, expect, it } from 'vitest'
import type { Layout } from '@/domain/io/place'
import {
  checkDepth,
  checkVersion,
  findings,
  nestsDeeperThan,
  readJsonObject,
  refuseFound,
} from '@/domain/io/read'

describe('the shared steps of reading a file', () => {
  it('reads a JSON object, and calls anything else a file of another kind', () => {
    expect(readJsonObject('a.json', '{"x":1}', 'backup')).toEqual({ ok: true, raw: { x: 1 } })
    for (const text of ['[]', '3', 'null', '"text"']) {
      const read = readJsonObject('a.json', text, 'assessment')
      expect(read.ok).toBe(false)
      if (!read.ok)
        expect(read.problem).toEqual({
          code: 'wrong-kind',
          params: { expected: 'assessment' },
          place: [],
        })
    }
    const broken = readJsonObject('a.json', '{"x":', 'backup')
    expect(!broken.ok && broken.problem.code).toBe('not-json')
  })

  it('refuses nesting deeper than the limit, and only that', () => {
    const deep = JSON.parse('[[[[{"a":[1]}]]]]') as unknown
    expect(nestsDeeperThan(deep, 5)).toBe(true)
    expect(nestsDeeperThan(deep, 6)).toBe(false)
    expect(checkDepth('a.json', deep, 6)).toBeNull()
    expect(checkDepth('a.json', deep, 3)?.problem).toEqual({
      code: 'too-deep',
      params: { limit: 3 },
      place: [],
    })
  })

  it('reads the whole versions from 1 to the supported one, and names any other', () => {
    for (const v of [1, 2]) expect(checkVersion('a.json', 'backup', v, 2)).toBeNull()
    expect(checkVersion('a.json', 'backup', 3, 2)?.problem.code).toBe('version-newer')
    for (const v of [0, 1.5, '2', null, undefined])
      expect(checkVersion('a.json', 'backup', v, 2)?.problem.code).toBe('version-unsupported')
  })

  it('places what cross-checks found in the file, and refuses nothing when they found nothing', () => {
    const layout: Layout = {
      keys: { ratings: { field: 'ratings', each: { record: 'item' } } },
    }
    const raw = { ratings: [{ item: 'K01' }, { item: 'K01' }] }
    const { found, add } = findings()
    expect(refuseFound('a.json', found, raw, layout)).toBeNull()
    add(['ratings', 1], 'duplicate', { name: 'K01' })
    add(['ratings', 0], 'off-scale', { value: 9, scale: 'level' })
    const refused = refuseFound('a.json', found, raw, layout)
    expect(refused?.file).toBe('a.json')
    expect(refused?.problem.code).toBe('duplicate')
    expect(refused?.problem.place).toEqual([
      { kind: 'record', record: 'item', label: { position: 2 } },
    ])
    expect(refused?.more.map((p) => p.code)).toEqual(['off-scale'])
  })
})
