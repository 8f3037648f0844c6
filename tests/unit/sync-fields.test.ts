/**
 * The rules two tabs on one record follow, pure: a write sends the fields changed and no other,
 * and a page takes in another's record field by field, keeping what it holds.
 */
import { describe, expect, it } from 'vitest'
import { applyPatch, pickFields, takeIn } from '@/domain/sync/fields'
import { applyTargets, targetsChanged } from '@/domain/assessment/targets'
import { formChanges } from '@/domain/plan/actions'
import type { ActionForm } from '@/domain/plan/schema'

interface Response {
  rating: number | null
  note: string
  evidence: string
  carried?: true
}
type Field = 'rating' | 'note' | 'evidence' | 'carried'
const FIELDS: Field[] = ['rating', 'note', 'evidence', 'carried']
const TEXTS = new Set<Field>(['note', 'evidence'])
const none = () => false

describe('a write of the fields changed', () => {
  it('sends the fields named, an absent one as undefined, and lays them over what is stored', () => {
    const mine: Response = { rating: 4, note: '我的', evidence: '' }
    const part = pickFields(mine, ['rating', 'carried'] as const)
    expect(part).toEqual({ rating: 4, carried: undefined })
    expect('carried' in part).toBe(true)
    const stored: Response = { rating: 2, note: '另一分頁的', evidence: '證照', carried: true }
    // The note changed elsewhere stays; the mark the rating confirmed is taken away.
    expect(applyPatch(stored, part)).toEqual({ rating: 4, note: '另一分頁的', evidence: '證照' })
  })
})

describe('taking in what another tab stored', () => {
  const known: Response = { rating: null, note: '', evidence: '' }

  it('shows every field the page does not hold, and says which changed', () => {
    const mine: Response = { rating: 3, note: '', evidence: '' }
    const stored: Response = { rating: 3, note: '別處寫的', evidence: '紀錄' }
    const taken = takeIn(FIELDS, mine, stored, known, none, TEXTS)
    expect(taken.next).toEqual(stored)
    expect(taken.changed).toEqual(['note', 'evidence'])
    expect(taken.conflicts).toEqual([])
  })

  it('keeps a held field; a held text the other tab changed too is a conflict, kept beside', () => {
    const mine: Response = { rating: 5, note: '打字中', evidence: '' }
    const stored: Response = { rating: 2, note: '別處改的', evidence: '' }
    const held = (field: Field) => field === 'rating' || field === 'note'
    const taken = takeIn(FIELDS, mine, stored, known, held, TEXTS)
    expect(taken.next).toEqual(mine)
    expect(taken.changed).toEqual([])
    // A held rating is a click being written, not text: it is kept, not asked about.
    expect(taken.conflicts).toEqual([{ field: 'note', theirs: '別處改的' }])
  })

  it('is no conflict when the stored text is only what the page knew (its own write not in yet)', () => {
    const mine: Response = { rating: null, note: '新的字', evidence: '' }
    const stored: Response = { rating: 1, note: '', evidence: '' }
    const taken = takeIn(FIELDS, mine, stored, known, (f) => f === 'note', TEXTS)
    expect(taken.conflicts).toEqual([])
    expect(taken.next).toEqual({ rating: 1, note: '新的字', evidence: '' })
  })

  it('takes away a mark the other tab removed', () => {
    const mine: Response = { rating: 3, note: '', evidence: '', carried: true }
    const stored: Response = { rating: 3, note: '', evidence: '' }
    const taken = takeIn(FIELDS, mine, stored, mine, none, TEXTS)
    expect(taken.next).toEqual(stored)
    expect('carried' in taken.next).toBe(false)
  })
})

describe('targets changed', () => {
  it('names the targets that differ, null where one was taken away, and lays them over others', () => {
    const patch = targetsChanged(
      { duties: { T1: 3, T2: 4 }, tasks: {} },
      { duties: { T1: 3 }, tasks: { 'T1.1': 5 } },
    )
    expect(patch).toEqual({ duties: { T2: null }, tasks: { 'T1.1': 5 } })
    // Another tab's T3 stays; task codes with dots are codes, not paths.
    const stored = { duties: { T2: 4, T3: 2 }, tasks: { 'T2.1': 1 } }
    expect(applyTargets(stored, patch)).toEqual({
      duties: { T3: 2 },
      tasks: { 'T2.1': 1, 'T1.1': 5 },
    })
    expect(stored.duties.T2).toBe(4)
  })
})

describe("the plan's form", () => {
  it('gives back only what the person changed in it', () => {
    const initial: ActionForm = {
      what: '帶團',
      kind: 'practice',
      items: ['K01'],
      support: '',
      due: null,
      success: '',
      status: 'planned',
      agreed: false,
    }
    expect(formChanges(initial, { ...initial })).toEqual({})
    expect(formChanges(initial, { ...initial, items: ['K01', 'S01'], status: 'done' })).toEqual({
      items: ['K01', 'S01'],
      status: 'done',
    })
  })
})
