/**
 * One assessment, one review, one plan open in two tabs: two apps (two Pinias) on one database,
 * as two tabs of one browser are. Each interleaving the browser lost data on is played with the
 * second tab stale (it acts before it has heard of the other's change), so what is tested is the
 * write itself: it changes only what its person changed. Then each tab follows the other within
 * a second, a text being typed is kept beside the other's, and a deletion is said.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useRatingStore } from '@/stores/rating'
import { useReviewStore } from '@/stores/review'
import { useReviewsStore } from '@/stores/reviews'
import { useAssessmentsStore } from '@/stores/assessments'
import { usePlanStore } from '@/stores/plan'
import { assessmentFileText } from '@/domain/files/assessment-file'
import { freshDatabase, freshPinia, startFixtureAssessment, until } from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()

afterEach(() => {
  vi.useRealTimers()
})

/** Tab A with an assessment open, and tab B, another app on the same database, open on it. */
async function twoTabsOnAssessment() {
  const { pinia: a, record } = await startFixtureAssessment()
  const b = await freshPinia()
  const tabA = useRatingStore(a)
  const tabB = useRatingStore(b)
  await tabA.open(record.id)
  await tabB.open(record.id)
  return { a, b, tabA, tabB, id: record.id }
}

/** Both tabs open on one review of an employee's file. */
async function twoTabsOnReview() {
  const a = await freshPinia()
  const text = assessmentFileText(await makeAssessmentFile())
  const bytes = new TextEncoder().encode(text)
  const file = {
    name: '王小明.gaplens.json',
    size: bytes.length,
    text: () => Promise.resolve(text),
  }
  const outcome = await useReviewsStore(a).openFile(file)
  if (outcome.ok !== true || outcome.kind !== 'review') throw new Error('not opened')
  const id = outcome.result.review.id
  const b = await freshPinia()
  const tabA = useReviewStore(a)
  const tabB = useReviewStore(b)
  await tabA.open(id)
  await tabB.open(id)
  return { a, b, tabA, tabB, id }
}

/** Waits until the tabs have heard each other: the channel answers on a later task. */
const heard = (condition: () => boolean) => until(condition, 1000)

describe('one assessment in two tabs', () => {
  it("a rating in tab A after a note typed in tab B keeps B's note", async () => {
    const { tabA, tabB, id } = await twoTabsOnAssessment()
    tabB.setText('P1.1.1', 'note', '帶過兩團')
    await tabB.flush()
    // Tab A has not heard yet: its copy still has no note.
    expect(tabA.responses.get('P1.1.1')).toBeUndefined()
    await tabA.rate('P1.1.1', 4)
    expect(await database().responses.get([id, 'P1.1.1'])).toMatchObject({
      rating: 4,
      note: '帶過兩團',
    })
    // And tab A shows the note now (its write brought it back).
    expect(tabA.responses.get('P1.1.1')).toMatchObject({ rating: 4, note: '帶過兩團' })
  })

  it('evidence typed in a stale tab after a rating in the other keeps the rating', async () => {
    const { tabA, tabB, id } = await twoTabsOnAssessment()
    await tabA.rate('K01', 5)
    tabB.setText('K01', 'evidence', '證照影本')
    await tabB.flush()
    expect(await database().responses.get([id, 'K01'])).toMatchObject({
      rating: 5,
      evidence: '證照影本',
    })
    expect(tabB.responses.get('K01')).toMatchObject({ rating: 5, evidence: '證照影本' })
  })

  it("a target set in one tab leaves the other tab's target", async () => {
    const { tabA, tabB, id } = await twoTabsOnAssessment()
    await tabA.setTargets({ duties: { T1: 3 }, tasks: {} })
    await tabB.setTargets({ duties: {}, tasks: { 'T2.1': 5 } })
    expect((await database().assessments.get(id))?.targets).toEqual({
      duties: { T1: 3 },
      tasks: { 'T2.1': 5 },
    })
    expect(tabB.assessment?.targets).toEqual({ duties: { T1: 3 }, tasks: { 'T2.1': 5 } })
    await heard(() => tabA.assessment?.targets.tasks['T2.1'] === 5)
  })

  it("each tab shows the other's change within a second, counted and saved", async () => {
    const { tabA, tabB } = await twoTabsOnAssessment()
    const started = performance.now()
    await tabA.rate('P1.1.2', 'na')
    await tabA.rate('S01', 3)
    await heard(() => tabB.responses.get('S01')?.rating === 3)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(tabB.responses.get('P1.1.2')?.rating).toBe('na')
    expect(tabB.overall).toMatchObject({ rated: 1, na: 1, answered: 2 })
    expect(tabB.saveStates.get('S01')).toBe('saved')
    tabB.setText('S01', 'note', '練習中')
    await tabB.flush()
    await heard(() => tabA.responses.get('S01')?.note === '練習中')
    expect(tabA.responses.get('S01')?.rating).toBe(3)
  })

  it("a note being typed is not replaced: the other tab's text waits beside it to be chosen", async () => {
    const { tabA, tabB, id } = await twoTabsOnAssessment()
    tabA.setText('P1.2.1', 'note', '第一版')
    await tabA.flush()
    await heard(() => tabB.responses.get('P1.2.1')?.note === '第一版')
    // The person in tab B is in the note field, typing.
    tabB.editing('P1.2.1', 'note', true)
    tabB.setText('P1.2.1', 'note', '第一版，再補充')
    // Meanwhile tab A changes the same note.
    tabA.setText('P1.2.1', 'note', '第二版')
    await tabA.flush()
    await heard(() => tabB.conflictOf('P1.2.1', 'note') === '第二版')
    expect(tabB.responses.get('P1.2.1')?.note).toBe('第一版，再補充')
    // Tab A's rating of the item still comes through; the note held in B does not move.
    await tabA.rate('P1.2.1', 2)
    await heard(() => tabB.responses.get('P1.2.1')?.rating === 2)
    expect(tabB.responses.get('P1.2.1')?.note).toBe('第一版，再補充')
    expect(tabB.conflictOf('P1.2.1', 'note')).toBe('第二版')
    tabB.resolveConflict('P1.2.1', 'note', 'theirs')
    await tabB.flush()
    expect(tabB.conflictOf('P1.2.1', 'note')).toBeUndefined()
    expect(tabB.responses.get('P1.2.1')?.note).toBe('第二版')
    expect(await database().responses.get([id, 'P1.2.1'])).toMatchObject({
      rating: 2,
      note: '第二版',
    })
  })

  it("keeping one's own text over the other tab's stores it, and the other tab follows", async () => {
    const { tabA, tabB, id } = await twoTabsOnAssessment()
    tabB.editing('A01', 'evidence', true)
    tabB.setText('A01', 'evidence', '我的版本')
    tabA.setText('A01', 'evidence', '另一版')
    await tabA.flush()
    await heard(() => tabB.conflictOf('A01', 'evidence') === '另一版')
    expect(tabB.responses.get('A01')?.evidence).toBe('我的版本')
    tabB.resolveConflict('A01', 'evidence', 'mine')
    await tabB.flush()
    expect(tabB.conflictOf('A01', 'evidence')).toBeUndefined()
    expect((await database().responses.get([id, 'A01']))?.evidence).toBe('我的版本')
    // Tab A, not typing there, takes it in.
    await heard(() => tabA.responses.get('A01')?.evidence === '我的版本')
  })

  it('an assessment deleted in one tab leaves the other with a message', async () => {
    const { a, tabB, id } = await twoTabsOnAssessment()
    await useAssessmentsStore(a).remove(id)
    await heard(() => tabB.status === 'gone')
    expect(tabB.assessment).toBeNull()
  })

  it('an action added to the plan in one tab shows in the other', async () => {
    const { a, b, id } = await twoTabsOnAssessment()
    const planA = usePlanStore(a)
    const planB = usePlanStore(b)
    await planA.open({ kind: 'assessment', id })
    await planB.open({ kind: 'assessment', id })
    const added = await planA.add({
      what: '帶一團',
      kind: 'practice',
      items: ['P1.1.1'],
      support: '',
      due: null,
      success: '',
    })
    await heard(() => planB.actions.some((x) => x.id === added?.id))
    expect(planB.actions).toHaveLength(1)
    await planB.update(added!.id, { support: '王經理' })
    await heard(() => planA.actions.find((x) => x.id === added?.id)?.support === '王經理')
    expect(planA.actions[0]).toMatchObject({ what: '帶一團', support: '王經理' })
  })
})

describe('one review in two tabs', () => {
  it('an item comment is not wiped by a rating from the stale tab', async () => {
    const { tabA, tabB, id } = await twoTabsOnReview()
    tabA.setComment('K01', '請補證照')
    await tabA.flush()
    await tabB.rate('K01', 4)
    expect(await database().reviewRatings.get([id, 'K01'])).toMatchObject({
      rating: 4,
      comment: '請補證照',
    })
    expect(tabB.ratings.get('K01')).toMatchObject({ rating: 4, comment: '請補證照' })
    await heard(() => tabA.ratings.get('K01')?.rating === 4)
  })

  it("the overall comment is not wiped by an edit of the reviewer's name", async () => {
    const { tabA, tabB, id } = await twoTabsOnReview()
    tabA.setFields({ comment: '整體表現穩定' })
    await tabA.flush()
    const stale = tabB.review!.reviewer
    tabB.setFields({ reviewer: { ...stale, name: '陳主管' } })
    await tabB.flush()
    expect(await database().reviews.get(id)).toMatchObject({
      comment: '整體表現穩定',
      reviewer: { name: '陳主管' },
    })
    await heard(() => tabA.review?.reviewer.name === '陳主管')
    expect(tabB.review?.comment).toBe('整體表現穩定')
  })

  it("a comment being typed is kept, with the other tab's beside it; a deletion is said", async () => {
    const { a, tabA, tabB, id } = await twoTabsOnReview()
    tabB.editing('S01', 'comment', true)
    tabB.setComment('S01', '實作不足')
    tabA.setComment('S01', '已改善')
    await tabA.flush()
    await heard(() => tabB.conflictOf('S01', 'comment') === '已改善')
    expect(tabB.ratings.get('S01')?.comment).toBe('實作不足')
    await useReviewsStore(a).remove(id)
    await heard(() => tabB.status === 'gone')
    expect(tabB.review).toBeNull()
  })
})
