import { afterEach, describe, expect, it, vi } from 'vitest'
import { useAssessmentsStore } from '@/stores/assessments'
import { useRatingStore } from '@/stores/rating'
import { useStorageStore } from '@/stores/storage'
import { exportBackup } from '@/db/backup'
import { detectStraightLine, progress, progressByDuty } from '@/domain/assessment/ratings'
import { parseBackup } from '@/domain/files/backup'
import { LIMITS } from '@/domain/assessment/records'
import { freshDatabase, freshPinia, startFixtureAssessment } from './helpers'

const database = freshDatabase()

/** fake-indexeddb's transaction, which can abort with a given error as a browser's does. */
interface FakeTransaction {
  _abort(errorName: string): void
}

async function startAssessment() {
  return (await startFixtureAssessment({ department: '業務部' })).record
}

afterEach(() => {
  vi.useRealTimers()
})

describe('rating store', () => {
  it('stores every rating at once and finds it again after a "reload"', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    await rating.rate('P1.1.1', 4)
    await rating.rate('K01', 'na')
    await rating.rate('S01', 2)
    await rating.rate('S01', null)
    expect(rating.saveStates.get('P1.1.1')).toBe('saved')

    await freshPinia()
    const reopened = useRatingStore()
    await reopened.open(record.id)
    expect(reopened.responses.get('P1.1.1')?.rating).toBe(4)
    expect(reopened.responses.get('K01')?.rating).toBe('na')
    expect(reopened.responses.get('S01')?.rating).toBeNull()
    expect(reopened.assessment?.lastItemKey).toBe('S01')
    expect(reopened.overall).toMatchObject({ rated: 1, na: 1, answered: 2, total: 11 })
  })

  it('writes notes after a pause in typing, or at once on flush', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    vi.useFakeTimers()
    rating.setText('P1.1.1', 'note', '帶')
    rating.setText('P1.1.1', 'note', '帶過團')
    expect(rating.saveStates.get('P1.1.1')).toBe('saving')
    expect(await database().responses.count()).toBe(0)
    await vi.advanceTimersByTimeAsync(500)
    vi.useRealTimers()
    await vi.waitUntil(() => rating.saveStates.get('P1.1.1') === 'saved')
    expect((await database().responses.get([record.id, 'P1.1.1']))?.note).toBe('帶過團')

    rating.setText('K01', 'evidence', '證照')
    await rating.flush()
    expect((await database().responses.get([record.id, 'K01']))?.evidence).toBe('證照')
    expect(rating.saveStates.get('K01')).toBe('saved')
  })

  it('does not say "saved" while newer text of the same item still waits to be written', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    rating.setText('P1.2.1', 'note', '處理過團員糾紛')
    const flushing = rating.flush() // the note's write starts (the note field lost focus)
    rating.setText('P1.2.1', 'evidence', '客訴紀錄') // typing goes on in the evidence field
    await flushing
    expect(rating.saveStates.get('P1.2.1')).toBe('saving')
    expect(rating.pendingCount).toBe(1)
    await rating.flush()
    expect(rating.saveStates.get('P1.2.1')).toBe('saved')
    expect(await database().responses.get([record.id, 'P1.2.1'])).toMatchObject({
      note: '處理過團員糾紛',
      evidence: '客訴紀錄',
    })
  })
  it('says plainly when storage is full, and keeps the rating to retry', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    // As a browser does when the disk is full: the transaction aborts with QuotaExceededError.
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementationOnce(function (
      this: IDBTransaction,
    ) {
      ;(this as unknown as FakeTransaction)._abort('QuotaExceededError')
    })
    await rating.rate('P1.1.1', 5)
    expect(rating.saveStates.get('P1.1.1')).toBe('error')
    expect(rating.failedCount).toBe(1)
    expect(useStorageStore().problem?.kind).toBe('quota')
    expect(rating.responses.get('P1.1.1')?.rating).toBe(5)

    commit.mockRestore()
    await rating.retryFailed()
    expect(rating.saveStates.get('P1.1.1')).toBe('saved')
    expect((await database().responses.get([record.id, 'P1.1.1']))?.rating).toBe(5)
    expect(useStorageStore().problem).toBeNull()
  })

  it('sends a rating to IndexedDB at once, and shows it once it is stored', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    const shownAtPut: unknown[] = []
    const original = IDBObjectStore.prototype.put
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'responses') shownAtPut.push(rating.responses.get('P1.1.1')?.rating)
      return original.apply(this, args)
    })
    const read = vi.spyOn(IDBObjectStore.prototype, 'get')
    const saved = rating.rate('P1.1.1', 4)
    // The write's transaction leaves within the call: its read of what is stored is asked for…
    expect(read.mock.contexts.map((store) => (store as IDBObjectStore).name)).toContain('responses')
    read.mockRestore()
    // Not shown as saving, nor as rated, before the commit: a fast save renders once.
    expect(rating.responses.get('P1.1.1')?.rating).toBeUndefined()
    expect(rating.saveStates.get('P1.1.1')).toBeUndefined()
    await saved
    // … and the put in the read's answer, while the page still showed the item unrated.
    expect(shownAtPut).toEqual([undefined])
    put.mockRestore()
    expect(rating.responses.get('P1.1.1')?.rating).toBe(4)
    expect(rating.overall.rated).toBe(1)
    expect(rating.saveStates.get('P1.1.1')).toBe('saved')
    expect((await database().responses.get([record.id, 'P1.1.1']))?.rating).toBe(4)
  })

  it('keeps progress, progress by duty and the straight-line check equal to a fresh count', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    const fresh = () => ({
      overall: progress(rating.items, rating.responses),
      byDuty: progressByDuty(rating.items, rating.responses, ['T1', 'T2']),
      straightLine: detectStraightLine(rating.responses.values()),
    })
    const changes: [string, number | 'na' | null][] = [
      ['P1.1.1', 3],
      ['K02', 'na'],
      ['K02', 2],
      ['S01', 5],
      ['S01', null],
      ['A02', 4],
      ['P1.1.1', 'na'],
      ...rating.items.map((i): [string, number] => [i.key, 4]),
      ['K01', null],
    ]
    for (const [key, value] of changes) {
      await rating.rate(key, value)
      expect({
        overall: rating.overall,
        byDuty: rating.byDuty,
        straightLine: rating.straightLine,
      }).toEqual(fresh())
    }
    rating.setText('K01', 'note', '還沒評')
    expect(rating.overall).toEqual(fresh().overall)
    await rating.flush()
  })

  it('on a page being closed, commits typed text without waiting for an answer, and marks the assessment touched', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    await rating.rate('P1.1.1', 3)
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit')
    rating.setText('K01', 'evidence', '證照')
    const flushed = rating.flush({ closing: true })
    // The commit is asked for with the put: a tab closed now still keeps the text.
    expect(commit).toHaveBeenCalledTimes(1)
    await flushed
    commit.mockRestore()
    expect(rating.saveStates.get('K01')).toBe('saved')
    const stored = await database().responses.get([record.id, 'K01'])
    expect(stored?.evidence).toBe('證照')
    expect(await database().assessments.get(record.id)).toMatchObject({
      lastItemKey: 'K01',
      updatedAt: stored?.updatedAt,
    })
  })

  it('takes back typed text of an assessment deleted elsewhere, and says why', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    await database().assessments.delete(record.id)
    rating.setText('P1.1.1', 'note', '帶過團')
    await rating.flush()
    expect(rating.saveStates.get('P1.1.1')).toBe('error')
    expect(useStorageStore().problem?.kind).toBe('gone')
    expect(await database().responses.count()).toBe(0)
  })

  it('warns when everything is rated the same', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    for (const item of rating.items) await rating.rate(item.key, 4)
    expect(rating.straightLine).toMatchObject({ value: 4, count: 11 })
    await rating.rate('K01', 1)
    await rating.rate('K02', 2)
    expect(rating.straightLine).toBeUndefined()
  })

  it('reports an assessment that does not exist', async () => {
    await freshPinia()
    const rating = useRatingStore()
    await rating.open('nope')
    expect(rating.status).toBe('missing')
  })
})

describe('assessments store', () => {
  it('lists, renames, starts a new round with the old ratings, and deletes', async () => {
    const first = await startAssessment()
    const rating = useRatingStore()
    await rating.open(first.id)
    await rating.rate('P1.1.1', 3)
    await rating.rate('K01', 'na')

    const store = useAssessmentsStore()
    await store.refresh()
    expect(store.assessments.map((a) => a.title)).toEqual([first.title])
    expect(first.title).toMatch(/^王小明・測試職業・\d{4}-\d{2}-\d{2}$/)
    expect(store.progressById.get(first.id)).toMatchObject({ answered: 2, total: 11 })

    await store.rename(first.id, '  2026 年度自評 ')
    expect(store.assessments[0]?.title).toBe('2026 年度自評')
    // The rating page reads a renamed assessment again rather than show the old title.
    expect(rating.assessment).toBeNull()
    await rating.open(first.id)
    expect(rating.assessment?.title).toBe('2026 年度自評')

    // A double click: asked twice while it is made, one round.
    const [second, again] = await Promise.all([store.newRound(first.id), store.newRound(first.id)])
    expect(again).toBe(second)
    expect(await database().assessments.count()).toBe(2)
    // The round's number is data; its title is the first round's, with no label in it.
    expect(second).toMatchObject({ round: 2, previousId: first.id, title: '2026 年度自評' })
    expect(store.progressById.get(second.id)).toMatchObject({ answered: 2 })
    expect((await database().responses.get([second.id, 'K01']))?.rating).toBe('na')

    const third = await store.newRound(second.id)
    expect(third).toMatchObject({ round: 3, title: '2026 年度自評' })
    await store.remove(third.id)

    await store.remove(first.id)
    // A deleted assessment is not left open to be rated.
    expect(rating.assessment).toBeNull()
    await rating.open(first.id)
    expect(rating.status).toBe('missing')
    expect(store.assessments.map((a) => a.id)).toEqual([second.id])
    expect(await database().responses.where('assessmentId').equals(first.id).count()).toBe(0)
    expect(await database().responses.where('assessmentId').equals(second.id).count()).toBe(2)
  })

  it('does not store a rating of an assessment deleted elsewhere, and says why', async () => {
    const record = await startAssessment()
    const rating = useRatingStore()
    await rating.open(record.id)
    await rating.rate('P1.1.1', 3)
    // Another tab deletes it while this one still shows it.
    await database().transaction('rw', database().responses, database().assessments, async () => {
      await database().responses.where('assessmentId').equals(record.id).delete()
      await database().assessments.delete(record.id)
    })
    await rating.rate('P1.1.2', 4)
    expect(rating.saveStates.get('P1.1.2')).toBe('error')
    expect(useStorageStore().problem?.kind).toBe('gone')
    expect(await database().responses.count()).toBe(0)
  })

  it('backs up anything the inputs let a person type, to their limits, as restore accepts it', async () => {
    const { record: first } = await startFixtureAssessment({
      name: '王'.repeat(LIMITS.name),
      employeeId: 'E'.repeat(LIMITS.name),
      department: '部'.repeat(LIMITS.name),
      jobTitle: '職'.repeat(LIMITS.name),
    })
    const store = useAssessmentsStore()
    await store.rename(first.id, '題'.repeat(LIMITS.title))
    const second = await store.newRound(first.id)
    // The whole title is kept: the round's label is shown beside it, not stored in it.
    expect(second.title).toBe('題'.repeat(LIMITS.title))
    const rating = useRatingStore()
    await rating.open(second.id)
    rating.setText('P1.1.1', 'note', '記'.repeat(LIMITS.text))
    rating.setText('P1.1.1', 'evidence', '證'.repeat(LIMITS.text))
    await rating.flush()

    const file = JSON.stringify(await exportBackup())
    const parsed = parseBackup('backup.json', file)
    expect(parsed.ok ? parsed.value.tables.responses[0]?.note : parsed.problem).toHaveLength(
      LIMITS.text,
    )
  })
})
