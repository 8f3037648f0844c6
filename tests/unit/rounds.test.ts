import { describe, expect, it } from 'vitest'
import type { AssessmentRecord } from '@/domain/assessment/records'
import { firstRound, nextRound, nextRoundOn, previousRound } from '@/domain/assessment/rounds'
import { baseTitle, shownTitle } from '@/domain/assessment/titles'

const subject = { name: '王小明', employeeId: '', department: '', jobTitle: '' }
const at = (day: number) => `2026-0${day}-01T00:00:00.000Z`
const chinese = (n: number) => `（第 ${n} 輪）`
const english = (n: number) => ` (round ${n})`

function record(id: string, day: number, changes: Partial<AssessmentRecord> = {}) {
  const stamp = { id, createdAt: at(day) }
  const input = { standardId: 'TST1234-001v1', subject, scaleId: 'proficiency-5' as const }
  return { ...firstRound({ ...input, title: id }, 'ignored', stamp), ...changes }
}

describe('round titles', () => {
  it('show a later round’s number in the interface’s language, whatever it was made in', () => {
    const round = { title: '王小明・旅遊業營運主管・2026-11-24', round: 2 }
    expect(shownTitle(round, chinese)).toBe('王小明・旅遊業營運主管・2026-11-24（第 2 輪）')
    expect(shownTitle(round, english)).toBe('王小明・旅遊業營運主管・2026-11-24 (round 2)')
    expect(shownTitle({ ...round, round: 1 }, english)).toBe(round.title)
  })

  it('read a title stored with its label by an earlier version by its number, in either language', () => {
    expect(shownTitle({ title: '自評（第 2 輪）', round: 2 }, english)).toBe('自評 (round 2)')
    expect(shownTitle({ title: 'Self (round 3)', round: 3 }, chinese)).toBe('Self（第 3 輪）')
    expect(baseTitle('自評（第 4 輪）', 4)).toBe('自評')
    // A first round's title is the person's own words; a label alone is left as it is.
    expect(baseTitle('自評（第 2 輪）', 1)).toBe('自評（第 2 輪）')
    expect(baseTitle('（第 2 輪）', 2)).toBe('（第 2 輪）')
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
    const next = nextRound({ ...from, title: 'first（第 2 輪）' }, { id: 'next', createdAt: at(2) })
    expect(next).toMatchObject({ id: 'next', round: 3, previousId: 'first', lastItemKey: null })
    // The label an earlier version stored in the title is not carried on.
    expect(next.title).toBe('first')
    expect(next).not.toHaveProperty('carriedFrom')

    const targets = { duties: { D1: 3 }, tasks: {} }
    const plan = { standardId: 'TST1234-001v2', targets, carriedFrom }
    const on = nextRoundOn(from, plan, { id: 'on', createdAt: at(2) })
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
