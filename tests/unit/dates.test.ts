import { afterEach, describe, expect, it } from 'vitest'
import { localDate } from '@/domain/dates'
import { defaultTitle } from '@/domain/assessment/titles'

const zone = process.env.TZ

describe('localDate', () => {
  afterEach(() => {
    process.env.TZ = zone
  })

  it('gives the calendar date where the person is, not the UTC one', () => {
    process.env.TZ = 'Asia/Taipei'
    // 23:30 UTC on the 22nd is 07:30 on the 23rd in Taipei.
    expect(localDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23')
    process.env.TZ = 'America/Los_Angeles'
    // 03:00 UTC on the 1st is still the evening of the 31st in Los Angeles.
    expect(localDate(new Date('2027-01-01T03:00:00Z'))).toBe('2026-12-31')
  })

  it('pads month and day', () => {
    process.env.TZ = 'UTC'
    expect(localDate(new Date('2026-03-05T12:00:00Z'))).toBe('2026-03-05')
  })

  it('dates a new assessment by the local day', () => {
    process.env.TZ = 'Asia/Taipei'
    expect(
      defaultTitle(
        { name: '王小明', employeeId: '', department: '', jobTitle: '' },
        '旅遊業營運主管',
        '2026-11-22T23:30:00Z',
      ),
    ).toBe('王小明・旅遊業營運主管・2026-11-23')
  })
})
