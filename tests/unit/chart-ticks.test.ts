/**
 * The charts' axis numbers: written without Intl, grouped by thousands, as both interface
 * languages write them.
 */
import { describe, expect, it } from 'vitest'
import { tickText } from '@/components/charts/configs'

describe('tickText', () => {
  it('writes whole numbers, halves and shares as an axis shows them', () => {
    expect([0, 1, 2.5, 0.5, 4, 100].map(tickText)).toEqual(['0', '1', '2.5', '0.5', '4', '100'])
  })

  it('groups thousands, as Intl does for zh-TW and en', () => {
    for (const n of [999, 1000, 12345, 1234567, -2500, 10000.5]) {
      expect(tickText(n)).toBe(
        new Intl.NumberFormat('zh-TW', { maximumFractionDigits: 3 }).format(n),
      )
      expect(tickText(n)).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(n))
    }
  })

  it('keeps at most three decimals, with no float noise, and -0 as 0', () => {
    expect(tickText(0.1 + 0.2)).toBe('0.3')
    expect(tickText(1 / 3)).toBe('0.333')
    expect(tickText(-0)).toBe('0')
  })

  it('passes a category label through as it is', () => {
    expect(tickText('T1 規劃營運')).toBe('T1 規劃營運')
  })
})
