import { describe, expect, it } from 'vitest'
import { shorten } from '@/components/common/shorten'

describe('shortening a long name', () => {
  it('leaves a name that fits whole', () => {
    expect(shorten('王小明', 20)).toBeUndefined()
    expect(shorten('Alexandra Chen', 20)).toBeUndefined()
  })

  it('cuts by width, a CJK character counting two, and ends in an ellipsis', () => {
    const cjk = shorten('旅'.repeat(200), 20)!
    expect(cjk.endsWith('…')).toBe(true)
    expect([...cjk.slice(0, -1)].length).toBeLessThanOrEqual(10)
    const latin = shorten('A'.repeat(200), 20)!
    expect(latin.length).toBeLessThanOrEqual(20)
    expect(latin.endsWith('…')).toBe(true)
  })

  it('never splits a character outside the basic plane', () => {
    const text = '𠮷'.repeat(50)
    const short = shorten(text, 10)!
    expect([...short.slice(0, -1)].every((c) => c === '𠮷')).toBe(true)
  })
})
