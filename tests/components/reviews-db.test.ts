import { describe, expect, it } from 'vitest'
import {
  deleteReview,
  importForReview,
  loadReviewRatings,
  listReviews,
  receiveReview,
  getReceivedReview,
  saveReviewRating,
  ReviewGoneError,
} from '@/db/reviews'
import { exportBackup, writeRestore } from '@/db/backup'
import { parseBackup } from '@/domain/files/backup'
import { freshDatabase } from './helpers'
import { AT, makeAssessmentFile, REVIEW } from '../fixtures/assessment-file'

const database = freshDatabase()

describe('a supervisor opens an employee file', () => {
  it('makes a review holding the self-assessment as the file had it', async () => {
    const file = await makeAssessmentFile()
    const { review, outcome } = await importForReview(file, 'a.gaplens.json')
    expect(outcome).toBe('new')
    expect(review.assessment).toEqual(file.assessment)
    expect(review.reviewer.name).toBe('')
    expect(await listReviews()).toHaveLength(1)
    expect(await database().responses.count()).toBe(0)
  })

  it('the same file again changes nothing; a newer one updates the self part and keeps the ratings', async () => {
    const file = await makeAssessmentFile()
    const { review } = await importForReview(file, 'a.gaplens.json')
    await saveReviewRating({
      reviewId: review.id,
      itemKey: 'K01',
      rating: 3,
      comment: '好',
      updatedAt: AT,
    })
    expect((await importForReview(file, 'a.gaplens.json')).outcome).toBe('same')

    const newer = structuredClone(file)
    newer.assessment.updatedAt = '2026-11-25T02:00:00.000Z'
    newer.assessment.ratings[0]!.rating = 3
    const again = await importForReview(newer, 'b.gaplens.json')
    expect(again.outcome).toBe('updated')
    expect(again.review.id).toBe(review.id)
    expect(again.review.assessment.ratings[0]!.rating).toBe(3)
    expect(again.review.fileName).toBe('b.gaplens.json')
    expect((await loadReviewRatings(review.id)).get('K01')?.comment).toBe('好')
    expect(await listReviews()).toHaveLength(1)
  })

  it('takes in the review a file carries, and deletes a review with its ratings', async () => {
    const file = await makeAssessmentFile({ review: REVIEW })
    const { review } = await importForReview(file, 'a.gaplens.json')
    expect(review.reviewer.name).toBe('陳主管')
    expect([...(await loadReviewRatings(review.id)).keys()]).toEqual(['K01', 'P1.1.1'])
    await deleteReview(review.id)
    expect(await listReviews()).toHaveLength(0)
    expect(await database().reviewRatings.count()).toBe(0)
  })

  it('refuses a rating of a review deleted meanwhile', async () => {
    await expect(
      saveReviewRating({ reviewId: 'gone', itemKey: 'K01', rating: 3, comment: '', updatedAt: AT }),
    ).rejects.toBeInstanceOf(ReviewGoneError)
    expect(await database().reviewRatings.count()).toBe(0)
  })
})

describe('an employee opens the reviewed file', () => {
  it('adds the review beside their assessment; a file of another assessment is refused', async () => {
    const file = await makeAssessmentFile({ review: REVIEW })
    expect(await receiveReview(file, 'r.gaplens.json')).toBe('not-own')
    expect(await database().receivedReviews.count()).toBe(0)

    await database().assessments.add({
      id: file.assessment.id,
      standardId: file.standard.id,
      title: file.assessment.title,
      subject: file.assessment.subject,
      scaleId: 'proficiency-5',
      targets: { duties: {}, tasks: {} },
      round: 1,
      previousId: null,
      createdAt: AT,
      updatedAt: AT,
      lastItemKey: null,
    })
    const received = await receiveReview(file, 'r.gaplens.json')
    expect(received).toMatchObject({ assessmentId: file.assessment.id, review: REVIEW })
    expect((await getReceivedReview(file.assessment.id))?.selfAsReviewed).toEqual(
      file.assessment.ratings,
    )
    expect(await receiveReview(await makeAssessmentFile(), 'x.json')).toBe('no-review')
  })

  it('reviews go into the backup and come back from it', async () => {
    const file = await makeAssessmentFile({ review: REVIEW })
    await importForReview(file, 'a.gaplens.json')
    const backup = await exportBackup(AT)
    const parsed = parseBackup('b.json', JSON.stringify(backup))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    await database().reviews.clear()
    await database().reviewRatings.clear()
    await writeRestore({ mode: 'replace', tables: parsed.value.tables })
    expect(await listReviews()).toHaveLength(1)
    expect(await database().reviewRatings.count()).toBe(2)
  })
})
