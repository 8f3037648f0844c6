import { describe, expect, it } from 'vitest'
import { canonicalJson } from '@/domain/io/canonical'

/**
 * The canonical writer as it was first written (map, filter, sort, join): the one-pass writer
 * must give its text byte for byte, or every file sealed before would fail its hash.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    if (text === undefined || (typeof value === 'number' && !Number.isFinite(value)))
      throw new TypeError(`no canonical JSON for ${String(value)}`)
    return text
  }
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`)
  return `{${entries.join(',')}}`
}

describe('canonical JSON, byte for byte', () => {
  it('sorts keys at every depth, whether they came sorted, reversed or mixed', () => {
    expect(canonicalJson({ b: 1, a: 2, c: { z: [], y: {}, x: [{ q: 1, p: 2 }] } })).toBe(
      '{"a":2,"b":1,"c":{"x":[{"p":2,"q":1}],"y":{},"z":[]}}',
    )
    expect(canonicalJson({ a: 1, b: 2, c: 3 })).toBe('{"a":1,"b":2,"c":3}')
    // Integer-like keys come first from Object.keys, in number order; as text "10" < "2".
    expect(canonicalJson({ a: 0, 2: 'two', 10: 'ten' })).toBe('{"10":"ten","2":"two","a":0}')
  })

  it('orders keys by UTF-16 code units, not by code points', () => {
    // U+FF61 is below U+1F600 as a code point, but 😀 starts with the surrogate 0xD83D.
    expect(canonicalJson({ '｡': 1, '😀': 2 })).toBe('{"😀":2,"｡":1}')
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '': 4 })).toBe('{"":4,"Z":3,"z":2,"é":1}')
  })

  it('writes strings, keys and numbers as JSON.stringify does', () => {
    const text = 'quote " backslash \\ tab \t newline \n nul \u0000 ls \u2028 lone \ud800 職能 😀'
    expect(canonicalJson({ [text]: text })).toBe(
      `{${JSON.stringify(text)}:${JSON.stringify(text)}}`,
    )
    expect(canonicalJson(['\ud800'])).toBe('["\\ud800"]')
    expect(canonicalJson([-0, 0.1, 1e21, 1.5e-7, -12, 2 ** 53])).toBe(
      '[0,0.1,1e+21,1.5e-7,-12,9007199254740992]',
    )
    expect(canonicalJson([true, false, null, 'na'])).toBe('[true,false,null,"na"]')
  })

  it('keeps nested arrays in order and leaves out keys whose value is undefined', () => {
    expect(canonicalJson([[1, [2, [3, []]]], [], [{}]])).toBe('[[1,[2,[3,[]]]],[],[{}]]')
    expect(canonicalJson({ a: undefined, b: { c: undefined }, d: [null] })).toBe(
      '{"b":{},"d":[null]}',
    )
    expect(canonicalJson({ a: undefined })).toBe('{}')
  })

  it('refuses what has no JSON form, at the top, in a list or as a value', () => {
    for (const bad of [
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      () => 1,
      Symbol('s'),
      [undefined],
      [Number.NEGATIVE_INFINITY],
      { a: () => 1 },
      { a: Symbol('s') },
      { a: [Number.NaN] },
      10n,
    ]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError)
      expect(() => reference(bad)).toThrow(TypeError)
    }
    expect(() => canonicalJson(Number.NaN)).toThrow('no canonical JSON for NaN')
    expect(() => canonicalJson({ a: [undefined] })).toThrow('no canonical JSON for undefined')
  })

  it('agrees with the first writer on odd inputs', () => {
    const odd: unknown[] = [
      [1, , 3],
      new Date(0),
      new (class {
        b = 1
        toJSON() {
          return 'ignored'
        }
      })(),
      Object.assign(Object.create({ inherited: 1 }) as object, { own: 2 }),
      'plain',
      null,
      { nested: { deeper: { deepest: [{ b: 1, a: [{ d: 1, c: 2 }] }] } } },
    ]
    for (const value of odd) expect(canonicalJson(value)).toBe(reference(value))
    expect(canonicalJson([1, , 3])).toBe('[1,,3]')
  })

  it('agrees with the first writer past its cache of key texts', () => {
    const many: Record<string, number> = {}
    for (let i = 2000; i > 0; i--) many[`key ${i} "${String.fromCharCode(i)}"`] = i
    expect(canonicalJson(many)).toBe(reference(many))
    expect(canonicalJson(many)).toBe(reference(many))
  })
})
