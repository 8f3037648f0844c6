import { describe, expect, it } from 'vitest'
import { editAction, emptyDraft, kindCounts, newAction, planOrder } from '@/domain/plan/actions'
import { diffPlans } from '@/domain/plan/diff'
import { changedSinceSent, withNewDraft } from '@/domain/plan/merge'
import { followUp } from '@/domain/plan/follow-up'
import { PlanSchema, type PlanAction } from '@/domain/plan/schema'
import type { ItemResponse } from '@/domain/assessment/records'

const T0 = '2026-11-20T02:00:00.000Z'
const T1 = '2026-11-25T02:00:00.000Z'

function action(fields: Partial<PlanAction> = {}): PlanAction {
  return {
    ...newAction({ ...emptyDraft(['K01']), what: '跟著資深同事處理客訴' }, 'employee', {
      id: 'a1',
      createdAt: T0,
    }),
    ...fields,
  }
}

const response = (rating: ItemResponse['rating'], carried?: true): ItemResponse => ({
  rating,
  note: '',
  evidence: '',
  updatedAt: T0,
  ...(carried ? { carried } : {}),
})

describe('a plan action', () => {
  it('is made from a draft: trimmed, each item once, planned, proposed and last changed by its author', () => {
    const made = newAction(
      {
        what: '  讀完兩本書  ',
        kind: 'course',
        items: ['K01', 'K02', 'K01', ' '],
        support: ' 陳主管 ',
        due: '2027-01-31',
        success: '',
      },
      'supervisor',
      { id: 'x', createdAt: T0 },
    )
    expect(made).toEqual({
      id: 'x',
      what: '讀完兩本書',
      kind: 'course',
      items: ['K01', 'K02'],
      support: '陳主管',
      due: '2027-01-31',
      success: '',
      status: 'planned',
      proposedBy: 'supervisor',
      changedBy: 'supervisor',
      agreed: false,
      createdAt: T0,
      updatedAt: T0,
    })
    expect(PlanSchema.safeParse([made]).success).toBe(true)
  })

  it("the employee's change of content takes the agreement back; a change of status keeps it", () => {
    const agreed = action({ agreed: true, changedBy: 'supervisor' })
    const progressed = editAction(agreed, { status: 'in-progress' }, 'employee', T1)
    expect(progressed).toMatchObject({ status: 'in-progress', agreed: true, changedBy: 'employee' })
    const rewritten = editAction(agreed, { what: '改成別的事' }, 'employee', T1)
    expect(rewritten).toMatchObject({ what: '改成別的事', agreed: false, updatedAt: T1 })
  })

  it('only the supervisor agrees', () => {
    expect(editAction(action(), { agreed: true }, 'employee', T1).agreed).toBe(false)
    const byBoss = editAction(action(), { agreed: true, due: '2027-06-30' }, 'supervisor', T1)
    expect(byBoss).toMatchObject({ agreed: true, due: '2027-06-30', changedBy: 'supervisor' })
  })

  it('orders a plan: open actions first, then by due date; counts its 70-20-10 balance', () => {
    const a = action({ id: 'a', due: '2027-05-01' })
    const b = action({ id: 'b', due: '2027-02-01', kind: 'coaching' })
    const c = action({ id: 'c', due: '2027-01-01', status: 'done', kind: 'course' })
    const d = action({ id: 'd', due: null, status: 'dropped', kind: 'course' })
    const e = action({ id: 'e', due: null })
    expect(planOrder([a, b, c, d, e]).map((x) => x.id)).toEqual(['b', 'a', 'e', 'c', 'd'])
    expect(kindCounts([a, b, c, d, e])).toEqual({ practice: 2, coaching: 1, course: 1 })
  })
})

describe('what the other person changed', () => {
  it('lists added, removed, changed and agreed actions against the plan as sent', () => {
    const kept = action({ id: 'kept' })
    const changed = action({ id: 'changed' })
    const agreedOnly = action({ id: 'agreed' })
    const removed = action({ id: 'removed' })
    const sent = [kept, changed, agreedOnly, removed]
    const added = action({ id: 'added', proposedBy: 'supervisor', changedBy: 'supervisor' })
    const back = [
      kept,
      editAction(changed, { due: '2027-09-30', status: 'in-progress' }, 'supervisor', T1),
      editAction(agreedOnly, { agreed: true }, 'supervisor', T1),
      added,
    ]
    const diff = diffPlans(sent, back)
    expect(diff.added.map((a) => a.id)).toEqual(['added'])
    expect(diff.removed.map((a) => a.id)).toEqual(['removed'])
    expect(diff.changed.map((c) => [c.action.id, c.fields, c.statusChanged])).toEqual([
      ['changed', ['due'], true],
    ])
    expect(diff.agreedOnly.map((a) => a.id)).toEqual(['agreed'])
  })

  it("keeps the supervisor's work when a newer draft arrives, and takes the employee's new draft for the rest", () => {
    const untouched = action({ id: 'u' })
    const worked = editAction(action({ id: 'w' }), { agreed: true }, 'supervisor', T1)
    const theirs = action({ id: 's', proposedBy: 'supervisor', changedBy: 'supervisor' })
    const draft = [
      { ...untouched, what: '員工改寫過的內容' },
      { ...action({ id: 'w' }), what: '員工也改了這項' },
      action({ id: 'n' }),
    ]
    const merged = withNewDraft([untouched, worked, theirs], draft)
    expect(merged.map((a) => [a.id, a.what])).toEqual([
      ['u', '員工改寫過的內容'],
      ['w', worked.what],
      ['n', action().what],
      ['s', theirs.what],
    ])
  })

  it('finds the actions changed on this device after the file was sent', () => {
    const sent = [action({ id: 'a' }), action({ id: 'b' })]
    const local = [
      action({ id: 'a' }),
      { ...action({ id: 'b' }), updatedAt: T1 },
      action({ id: 'c' }),
    ]
    expect(changedSinceSent(local, sent).map((a) => a.id)).toEqual(['b', 'c'])
  })
})

describe('the follow-up of a plan in the next round', () => {
  it('gives each item before and now, against its target, and where the action stands', () => {
    const actions = [
      action({ id: 'all', items: ['K01', 'K02'] }),
      action({ id: 'some', items: ['K01', 'S01'] }),
      action({ id: 'none', items: ['S01'] }),
      action({ id: 'open', items: ['S02'] }),
      action({ id: 'carried', items: ['A01'] }),
      action({ id: 'gone', items: ['K99'] }),
    ]
    const before = new Map([
      ['K01', response(2)],
      ['K02', response(3)],
      ['S01', response(1)],
      ['A01', response(2)],
    ])
    const now = new Map([
      ['K01', response(4)],
      ['K02', response(5)],
      ['S01', response(2)],
      ['S02', response('na')],
      ['A01', response(4, true)],
    ])
    const targets: Record<string, number> = { K01: 4, K02: 4, S01: 4, S02: 4, A01: 4 }
    const result = followUp(actions, before, now, (key) => targets[key])
    expect(result.map((r) => [r.action.id, r.outcome])).toEqual([
      ['all', 'reached'],
      ['some', 'partly'],
      ['none', 'not-yet'],
      ['open', 'unrated'],
      ['carried', 'unrated'],
      ['gone', 'unrated'],
    ])
    expect(result[0]!.items).toEqual([
      { key: 'K01', before: 2, now: 4, target: 4, reached: true, unconfirmed: false, change: 2 },
      { key: 'K02', before: 3, now: 5, target: 4, reached: true, unconfirmed: false, change: 2 },
    ])
    expect(result[4]!.items[0]).toMatchObject({ key: 'A01', now: 4, unconfirmed: true })
    // An item the standard no longer has is left out, not guessed.
    expect(result[5]!.items).toEqual([])
  })
})

describe('the plan a file carries', () => {
  it('refuses what the app would never write', () => {
    const ok = action()
    expect(PlanSchema.safeParse([ok]).success).toBe(true)
    for (const bad of [
      { ...ok, what: '   ' },
      { ...ok, items: [] },
      { ...ok, items: ['k01'] },
      { ...ok, due: '2300-01-01' },
      { ...ok, due: '1999-12-31' },
      { ...ok, due: '2027-02-30' },
      { ...ok, kind: 'seminar' },
      { ...ok, status: 'paused' },
      { ...ok, id: 'a b' },
      { ...ok, extra: 1 },
    ])
      expect({ bad, ok: PlanSchema.safeParse([bad]).success }).toEqual({ bad, ok: false })
    expect(PlanSchema.safeParse(Array.from({ length: 101 }, () => ok)).success).toBe(false)
  })
})
