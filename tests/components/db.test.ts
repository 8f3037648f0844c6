import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { GapLensDB, setDb } from '@/db/db'
import { findPreviousRound } from '@/db/rounds'
import type { AssessmentRecord } from '@/domain/assessment/records'

const name = () => `gaplens-test-${crypto.randomUUID()}`
const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

describe('database versions', () => {
  it('opens a database made by version 1 and finds its data intact', async () => {
    const dbName = name()
    // Version 1 exactly as the Foundation released it.
    const v1 = new Dexie(dbName)
    v1.version(1).stores({ settings: '&key', standards: '&id' })
    await v1.table('settings').put({ key: 'welcome', value: { seen: true } })
    await v1.table('standards').put({
      id: 'X-1',
      file: 'x.json',
      body: '{"formatVersion":1}',
      addedAt: '2026-01-01T00:00:00.000Z',
    })
    v1.close()

    const db = new GapLensDB(dbName)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(6)
    expect(await db.settings.get('welcome')).toEqual({ key: 'welcome', value: { seen: true } })
    expect((await db.standards.get('X-1'))?.file).toBe('x.json')
    expect(await db.assessments.count()).toBe(0)
    expect(await db.responses.count()).toBe(0)
  })

  it('opens a database made by version 2 with its assessments, and the review tables empty', async () => {
    const dbName = name()
    // Version 2 exactly as the self-assessment released it.
    const v2 = new Dexie(dbName)
    v2.version(1).stores({ settings: '&key', standards: '&id' })
    v2.version(2).stores({
      assessments: '&id, standardId, updatedAt',
      responses: '&[assessmentId+itemKey], assessmentId',
    })
    await v2.table('assessments').put({ id: 'a', standardId: 'S', updatedAt: 'x' })
    await v2.table('responses').put({ assessmentId: 'a', itemKey: 'K01', rating: 3 })
    v2.close()

    const db = new GapLensDB(dbName)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(6)
    expect((await db.assessments.get('a'))?.standardId).toBe('S')
    expect((await db.responses.get(['a', 'K01']))?.rating).toBe(3)
    expect(await db.reviews.count()).toBe(0)
    expect(await db.reviewRatings.count()).toBe(0)
    expect(await db.receivedReviews.count()).toBe(0)
    expect(await db.cohortFiles.count()).toBe(0)
  })

  it('opens a database made by version 4: a later round’s title loses the label stored in it', async () => {
    const dbName = name()
    // Version 4 exactly as the cohort released it.
    const v4 = new Dexie(dbName)
    v4.version(1).stores({ settings: '&key', standards: '&id' })
    v4.version(2).stores({
      assessments: '&id, standardId, updatedAt',
      responses: '&[assessmentId+itemKey], assessmentId',
    })
    v4.version(3).stores({
      reviews: '&id, assessmentId, updatedAt',
      reviewRatings: '&[reviewId+itemKey], reviewId',
      receivedReviews: '&assessmentId',
    })
    v4.version(4).stores({ cohortFiles: '&[cohortKey+assessmentId], cohortKey' })
    const row = (id: string, title: string, round: number) => ({
      id,
      standardId: 'S',
      title,
      round,
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    await v4
      .table('assessments')
      .bulkPut([
        row('first', '年度自評', 1),
        row('zh', '年度自評（第 2 輪）', 2),
        row('en', 'Annual (round 3)', 3),
        row('mine', '我的（第 2 輪）', 1),
      ])
    await v4.table('responses').put({ assessmentId: 'zh', itemKey: 'K01', rating: 3 })
    v4.close()

    const db = new GapLensDB(dbName)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(6)
    const titles = Object.fromEntries((await db.assessments.toArray()).map((a) => [a.id, a.title]))
    expect(titles).toEqual({
      first: '年度自評',
      zh: '年度自評',
      en: 'Annual',
      // A first round's title is the person's own, whatever it ends in.
      mine: '我的（第 2 輪）',
    })
    expect((await db.assessments.get('zh'))?.round).toBe(2)
    expect((await db.responses.get(['zh', 'K01']))?.rating).toBe(3)
  })

  it('opens a database made by version 4: reviews, received reviews and cohort files get an empty plan', async () => {
    const dbName = name()
    // Version 4 exactly as the trainer's cohort released it.
    const v4 = new Dexie(dbName)
    v4.version(1).stores({ settings: '&key', standards: '&id' })
    v4.version(2).stores({
      assessments: '&id, standardId, updatedAt',
      responses: '&[assessmentId+itemKey], assessmentId',
    })
    v4.version(3).stores({
      reviews: '&id, assessmentId, updatedAt',
      reviewRatings: '&[reviewId+itemKey], reviewId',
      receivedReviews: '&assessmentId',
    })
    v4.version(4).stores({ cohortFiles: '&[cohortKey+assessmentId], cohortKey' })
    const block = { id: 'a', title: 't', ratings: [] }
    const review = { reviewer: { name: '陳主管', jobTitle: '' }, comment: '', ratings: [] }
    await v4.table('reviews').put({ id: 'r', assessmentId: 'a', updatedAt: 'x', assessment: block })
    await v4.table('receivedReviews').put({ assessmentId: 'a', review, selfAsReviewed: [] })
    await v4.table('cohortFiles').put({
      cohortKey: 'k',
      assessmentId: 'a',
      content: { formatVersion: 1, assessment: block, review },
    })
    v4.close()

    const db = new GapLensDB(dbName)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(6)
    expect((await db.reviews.get('r'))?.assessment).toEqual({ ...block, plan: [] })
    const received = await db.receivedReviews.get('a')
    expect(received?.review).toEqual({ ...review, plan: [] })
    expect(received?.planAsSent).toEqual([])
    expect(received?.planReplaced).toEqual([])
    const file = await db.cohortFiles.get(['k', 'a'])
    expect(file?.content.formatVersion).toBe(2)
    expect(file?.content.assessment.plan).toEqual([])
    expect(file?.content.review?.plan).toEqual([])
    expect(await db.planActions.count()).toBe(0)
    expect(await db.reviewPlanActions.count()).toBe(0)
  })

  it('keys responses by assessment and item', async () => {
    const db = new GapLensDB(name())
    opened.push(db)
    const row = (itemKey: string, rating: number | 'na' | null) => ({
      assessmentId: 'a',
      itemKey,
      rating,
      note: '',
      evidence: '',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    await db.responses.bulkPut([row('P1.1.1', 3), row('K01', 'na'), row('P1.1.1', 4)])
    const rows = await db.responses.where('assessmentId').equals('a').toArray()
    expect(rows.map((r) => [r.itemKey, r.rating])).toEqual([
      ['K01', 'na'],
      ['P1.1.1', 4],
    ])
  })
})

describe('the previous round', () => {
  const at = (day: number) => `2026-0${day}-01T00:00:00.000Z`
  const record = (
    id: string,
    day: number,
    scaleId: AssessmentRecord['scaleId'],
    previousId = null as string | null,
  ): AssessmentRecord => ({
    id,
    standardId: 'TST1234-001v1',
    title: id,
    subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    scaleId,
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId,
    createdAt: at(day),
    updatedAt: at(day),
    lastItemKey: null,
  })

  it('is the round it started from, else the latest earlier one, and only on the same scale', async () => {
    const db = new GapLensDB(name())
    opened.push(db)
    setDb(db)
    const first = record('first', 1, 'proficiency-5')
    const levels = record('levels', 2, 'icap-level-6')
    const latest = record('latest', 3, 'proficiency-5')
    const other = {
      ...record('other', 2, 'proficiency-5'),
      subject: { ...first.subject, name: '李大同' },
    }
    await db.assessments.bulkAdd([first, levels, latest, other])

    // No link: the latest earlier round of the same person on the same scale.
    expect((await findPreviousRound(latest))?.id).toBe('first')
    // Linked to a round on another scale: that one does not compare; the search goes on.
    expect((await findPreviousRound({ ...latest, previousId: 'levels' }))?.id).toBe('first')
    // Linked on the same scale: that round, even if another is later.
    expect((await findPreviousRound({ ...record('next', 4, 'proficiency-5', 'first') }))?.id).toBe(
      'first',
    )
    expect(await findPreviousRound(first)).toBeUndefined()
    expect(await findPreviousRound(levels)).toBeUndefined()
  })
})
