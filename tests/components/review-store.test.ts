/**
 * The supervisor's side through the stores the pages use: an employee's file opened into the
 * list of reviews, rated and commented item by item beside the self-rating (flags at two
 * steps), kept across a reload, exported back, deleted; a protected file opened only with its
 * passphrase.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { useReviewsStore } from '@/stores/reviews'
import { useReviewStore } from '@/stores/review'
import { useFilesStore } from '@/stores/files'
import { assessmentFileText, AssessmentFileSchema } from '@/domain/files/assessment-file'
import { protect } from '@/domain/io/protect'
import { describeFailure } from '@/i18n/problems'
import { freshDatabase, freshPinia } from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()

function fileOf(name: string, text: string) {
  const bytes = new TextEncoder().encode(text)
  return { name, size: bytes.length, text: () => Promise.resolve(text) }
}

async function openEmployeeFile(): Promise<string> {
  const text = assessmentFileText(await makeAssessmentFile())
  const outcome = await useReviewsStore().openFile(fileOf('王小明.gaplens.json', text))
  if (outcome.ok !== true || outcome.kind !== 'review') throw new Error('not opened')
  return outcome.result.review.id
}

beforeEach(async () => {
  await freshPinia()
})

describe('reviewing an employee file', { timeout: 30_000 }, () => {
  it('lists the file apart from own assessments, and rates beside the self-rating', async () => {
    const id = await openEmployeeFile()
    const reviews = useReviewsStore()
    expect(reviews.reviews.map((r) => r.assessment.subject.name)).toEqual(['王小明'])
    expect(reviews.summaryById.get(id)).toEqual({ total: 11, answered: 0, flagged: 0 })
    expect(await database().assessments.count()).toBe(0)

    const review = useReviewStore()
    await review.open(id)
    expect(review.status).toBe('ready')
    expect(review.self.get('P1.1.1')?.note).toBe('還在學')
    // Self: P1.1.1 = 2, K01 = 5, S01 = 1, A01 = n/a.
    await Promise.all([
      review.rate('P1.1.1', 4),
      review.rate('K01', 4),
      review.rate('S01', 3),
      review.rate('A01', 3),
      review.rate('P1.2.1', 'na'),
    ])
    expect([...review.flaggedKeys]).toEqual(['P1.1.1', 'S01'])
    expect(review.overall).toMatchObject({ total: 11, rated: 4, na: 1, answered: 5, unrated: 6 })
    expect(review.next()).toBe('P1.1.2')
    expect(review.next('P2.1.1')).toBe('K02')

    review.setComment('K01', '再確認')
    review.setFields({ reviewer: { name: '陳主管', jobTitle: '經理' } })
    review.setFields({ comment: '整體不錯' })
    await review.flush()
    const stored = await database().reviewRatings.where('reviewId').equals(id).toArray()
    expect(stored.map((r) => [r.itemKey, r.rating, r.comment]).sort()).toEqual(
      [
        ['A01', 3, ''],
        ['K01', 4, '再確認'],
        ['P1.1.1', 4, ''],
        ['P1.2.1', 'na', ''],
        ['S01', 3, ''],
      ].sort(),
    )
    const record = await database().reviews.get(id)
    expect(record?.reviewer).toEqual({ name: '陳主管', jobTitle: '經理' })
    expect(record?.comment).toBe('整體不錯')
    // The employee's own ratings are not touched.
    expect(record?.assessment.ratings.find((r) => r.item === 'P1.1.1')?.rating).toBe(2)

    // A reload: a new Pinia reads everything back.
    await freshPinia()
    const again = useReviewStore()
    await again.open(id)
    expect(again.ratings.get('K01')).toMatchObject({ rating: 4, comment: '再確認' })
    expect(again.review?.reviewer.name).toBe('陳主管')
    expect([...again.flaggedKeys]).toEqual(['P1.1.1', 'S01'])
    await useReviewsStore().refresh()
    expect(useReviewsStore().summaryById.get(id)).toEqual({ total: 11, answered: 5, flagged: 2 })
  })

  it('exports the reviewed file with its review block, and deletes the review', async () => {
    const id = await openEmployeeFile()
    const review = useReviewStore()
    await review.open(id)
    await review.rate('P1.1.1', 5)
    review.setComment('P1.1.1', '很好')
    review.setFields({ reviewer: { name: '陳主管', jobTitle: '' }, comment: '加油' })
    await review.flush()
    const exported = await useFilesStore().exportReview(id, 'json')
    const file = AssessmentFileSchema.parse(JSON.parse(exported.text))
    expect(file.review).toMatchObject({
      reviewer: { name: '陳主管' },
      comment: '加油',
      ratings: [{ item: 'P1.1.1', rating: 5, comment: '很好' }],
    })

    await useReviewsStore().remove(id)
    expect(useReviewsStore().reviews).toEqual([])
    expect(review.review).toBeNull()
    expect(await database().reviewRatings.count()).toBe(0)
  })

  it('a write to a deleted review fails and says so, storing nothing', async () => {
    const id = await openEmployeeFile()
    const review = useReviewStore()
    await review.open(id)
    await database().reviews.delete(id)
    await review.rate('K01', 3)
    expect(review.saveStates.get('K01')).toBe('error')
    expect(review.failedCount).toBe(1)
    expect(await database().reviewRatings.count()).toBe(0)
  })
})

describe('a protected employee file', { timeout: 30_000 }, () => {
  it('asks for the passphrase; a wrong one is refused and writes nothing, the right one opens', async () => {
    const text = assessmentFileText(await makeAssessmentFile())
    const locked = `${JSON.stringify(await protect(text, '正確的密語'))}\n`
    const file = fileOf('保護.gaplens.json', locked)
    const reviews = useReviewsStore()
    expect((await reviews.openFile(file)).ok).toBe('locked')
    const wrong = await reviews.openFile(file, '錯的')
    expect(wrong.ok).toBe(false)
    if (wrong.ok === false) expect(describeFailure(wrong, 'zh-TW')).toContain('通關密語不正確')
    expect(await database().reviews.count()).toBe(0)
    expect(reviews.reviews).toEqual([])
    const right = await reviews.openFile(file, '正確的密語')
    expect(right.ok).toBe(true)
    expect(reviews.reviews).toHaveLength(1)
  })
})
