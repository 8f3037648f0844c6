/**
 * The database's field writes, below any store: each lays the fields it is given over what is
 * stored now, in one transaction, and stores nothing for a record deleted meanwhile.
 */
import { describe, expect, it } from 'vitest'
import {
  AssessmentGoneError,
  createAssessment,
  patchResponse,
  patchTargets,
  saveResponse,
} from '@/db/assessments'
import {
  importForReview,
  patchReviewHeader,
  patchReviewRating,
  ReviewGoneError,
  updateReview,
} from '@/db/reviews'
import { freshDatabase } from './helpers'
import { AT, makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()
const LATER = '2026-11-25T02:00:00.000Z'

async function assessment() {
  return createAssessment(
    {
      standardId: 'TST1234-001v1',
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    },
    '測試職業',
  )
}

describe("an item's response", () => {
  it('takes the fields given over the stored ones, a mark given as undefined taken away', async () => {
    const { id } = await assessment()
    await saveResponse(id, 'K01', {
      rating: 2,
      note: '另一分頁的備註',
      evidence: '',
      carried: true,
      updatedAt: AT,
    })
    const stored = await patchResponse(id, 'K01', { rating: 4, carried: undefined }, LATER)
    expect(stored).toEqual({ rating: 4, note: '另一分頁的備註', evidence: '', updatedAt: LATER })
    expect(await database().responses.get([id, 'K01'])).toEqual({
      ...stored,
      assessmentId: id,
      itemKey: 'K01',
    })
    expect(await database().assessments.get(id)).toMatchObject({
      lastItemKey: 'K01',
      updatedAt: LATER,
    })
  })

  it('starts an item not stored yet from an empty response', async () => {
    const { id } = await assessment()
    expect(await patchResponse(id, 'S01', { evidence: '證照' }, LATER)).toEqual({
      rating: null,
      note: '',
      evidence: '證照',
      updatedAt: LATER,
    })
  })

  it('stores nothing for an assessment deleted meanwhile', async () => {
    const { id } = await assessment()
    await database().assessments.delete(id)
    await expect(patchResponse(id, 'K01', { rating: 3 }, LATER)).rejects.toBeInstanceOf(
      AssessmentGoneError,
    )
    expect(await database().responses.count()).toBe(0)
  })

  it('changes only the targets given, a null taking one away', async () => {
    const { id } = await assessment()
    await patchTargets(id, { duties: { T1: 3, T2: 4 }, tasks: {} })
    const targets = await patchTargets(id, { duties: { T2: null }, tasks: { 'T1.1': 5 } })
    expect(targets).toEqual({ duties: { T1: 3 }, tasks: { 'T1.1': 5 } })
    expect((await database().assessments.get(id))?.targets).toEqual(targets)
    await database().assessments.delete(id)
    await expect(patchTargets(id, { duties: { T1: 1 }, tasks: {} })).rejects.toBeInstanceOf(
      AssessmentGoneError,
    )
  })
})

describe("a supervisor's review", () => {
  it("takes an item's rating or comment, and each of the review's own fields, on its own", async () => {
    const { review } = await importForReview(await makeAssessmentFile(), 'a.gaplens.json')
    await patchReviewRating(review.id, 'K01', { comment: '請補證照' }, AT)
    expect(await patchReviewRating(review.id, 'K01', { rating: 4 }, LATER)).toEqual({
      reviewId: review.id,
      itemKey: 'K01',
      rating: 4,
      comment: '請補證照',
      updatedAt: LATER,
    })
    await updateReview(review.id, { comment: '整體穩定' })
    expect(await patchReviewHeader(review.id, { name: '陳主管' })).toEqual({
      name: '陳主管',
      jobTitle: '',
      comment: '整體穩定',
    })
    expect(await database().reviews.get(review.id)).toMatchObject({
      reviewer: { name: '陳主管', jobTitle: '' },
      comment: '整體穩定',
    })
  })

  it('stores nothing for a review deleted meanwhile', async () => {
    const { review } = await importForReview(await makeAssessmentFile(), 'a.gaplens.json')
    await database().reviews.delete(review.id)
    await expect(patchReviewRating(review.id, 'K01', { rating: 3 }, AT)).rejects.toBeInstanceOf(
      ReviewGoneError,
    )
    await expect(patchReviewHeader(review.id, { name: '陳' })).rejects.toBeInstanceOf(
      ReviewGoneError,
    )
    expect(await database().reviewRatings.count()).toBe(0)
  })
})
