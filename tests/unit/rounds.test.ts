import { describe, expect, it } from 'vitest'
import type { AssessmentRecord } from '@/domain/assessment/records'
import { firstRound, nextRound, nextRoundOn, previousRound } from '@/domain/assessment/rounds'
import { roundSuffix, roundTitle } from '@/domain/assessment/titles'
import { LIMITS } from '@/domain/limits'

const subject = { name: '王小明', employeeId: '', department: '', jobTitle: '' }
const at = (day: number) => `2026-0${day}-01T00:00:00.000Z`
const english = (n: number) => ` (round ${n})`

function record(id: string, day: number, changes: Partial<AssessmentRecord> = {}) {
  const stamp = { id, createdAt: at(day) }
  const input = { standardId: 'TST1234-001v1', subject, scaleId: 'proficiency-5' as const }
  return { ...firstRound({ ...input, title: id }, 'ignored', stamp), ...changes }
}

describe('round titles', () => {
  it('replace the last round suffix in either language rather than adding one', () => {
    expect(roundTitle('自評（第 2 輪）', roundSuffix(3))).toBe('自評（第 3 輪）')
    expect(roundTitle('Self (round 2)', roundSuffix(3))).toBe('Self（第 3 輪）')
    expect(roundTitle('自評（第 2 輪）', english(3))).toBe('自評 (round 3)')
  })

  it('shorten the first title so the suffix fits the limit', () => {
    const title = roundTitle('長'.repeat(LIMITS.title), roundSuffix(2))
    expect(title).toHaveLength(LIMITS.title)
    expect(title.endsWith('（第 2 輪）')).toBe(true)
  })
})

describe('a new round', () => {
  it('starts at round 1 with the given title, else one after the person and standard', () => {
    const input = { standardId: 'TST1234-001v1', subject, scaleId: 'proficiency-5' as const }
    const stamp = { id: 'a', createdAt: '2026-11-22T04:00:00Z' }
    expect(firstRound({ ...input, title: '  自評 ' }, '旅遊業', stamp)).toMatchObject({
      title: '自評',
      round: 1,
      previousId: null,
    })
    expect(firstRound(input, '旅遊業', stamp).title).toMatch(/^王小明・旅遊業・2026-11-2\d$/)
  })

  it('follows the round it comes from and drops where that one was carried from', () => {
    const carriedFrom = {
      assessmentId: 'older',
      standardId: 'TST1234-001v0',
      carried: 1,
      changed: [],
      added: [],
      removed: [],
    }
    const from = record('first', 1, { round: 2, carriedFrom, lastItemKey: 'K01' })
    const next = nextRound(from, { id: 'next', createdAt: at(2) }, roundSuffix)
    expect(next).toMatchObject({ id: 'next', round: 3, previousId: 'first', lastItemKey: null })
    expect(next.title).toBe('first（第 3 輪）')
    expect(next).not.toHaveProperty('carriedFrom')

    const targets = { duties: { D1: 3 }, tasks: {} }
    const plan = { standardId: 'TST1234-001v2', targets, carriedFrom }
    const on = nextRoundOn(from, plan, { id: 'on', createdAt: at(2) }, roundSuffix)
    expect(on).toMatchObject({ standardId: 'TST1234-001v2', targets, carriedFrom, round: 3 })
    expect(on.targets).not.toBe(targets)
  })
})

describe('the previous round', () => {
  const first = record('first', 1)
  const levels = record('levels', 2, { scaleId: 'icap-level-6' })
  const latest = record('latest', 3)
  const other = record('other', 2, { subject: { ...subject, name: '李大同' } })
  const all = [first, levels, latest, other]

  it('is the round started from when it is on the same scale', () => {
    const next = record('next', 4, { previousId: 'first' })
    expect(previousRound(next, first, [...all, next])?.id).toBe('first')
  })

  it('is else the latest earlier round of the same person on the same scale', () => {
    const linked = { ...latest, previousId: 'levels' }
    expect(previousRound(linked, levels, all)?.id).toBe('first')
    expect(previousRound(latest, undefined, all)?.id).toBe('first')
    expect(previousRound(first, undefined, all)).toBeUndefined()
  })
})
