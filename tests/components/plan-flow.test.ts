/** @vitest-environment happy-dom */
/**
 * The development plan between two devices, through the stores (each device its own database
 * and its own app): the employee drafts, the supervisor changes and agrees, the employee gets
 * the agreed plan with the changes shown; writes change only the fields changed; a standard the
 * supervisor lacks comes with the file.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import PlanChanges from '@/components/plan/PlanChanges.vue'
import { getReceivedReview, updateReview } from '@/db/reviews'
import { loadResponses } from '@/db/assessments'
import { loadPlan, loadReviewPlan } from '@/db/plan'
import { exportBackup, writeRestore } from '@/db/backup'
import { parseBackup } from '@/domain/files/backup'
import { parseCsv } from '@/domain/io/csv'
import { emptyDraft } from '@/domain/plan/actions'
import type { ActionDraft } from '@/domain/plan/schema'
import { useAssessmentsStore } from '@/stores/assessments'
import { useFilesStore } from '@/stores/files'
import { usePlanStore } from '@/stores/plan'
import { useRatingStore } from '@/stores/rating'
import { useReviewsStore } from '@/stores/reviews'
import { useStandardsStore } from '@/stores/standards'
import { locale } from '@/i18n'
import { device, fileOf, use } from './devices'
import { sourcesOf } from './helpers'
import { makeStandard } from '../fixtures/standard'

beforeEach(() => {
  locale.value = 'zh-TW'
})

const draft = (what: string, items: string[], more: Partial<ActionDraft> = {}): ActionDraft => ({
  ...emptyDraft(items),
  what,
  ...more,
})

async function employeeWithDraft(standardId = 'TST1234-001v1') {
  const employee = await device()
  const record = await useAssessmentsStore().create({
    standardId,
    scaleId: 'proficiency-5',
    subject: { name: '王小明', employeeId: 'E01', department: '', jobTitle: '' },
  })
  const plan = usePlanStore()
  await plan.open({ kind: 'assessment', id: record.id })
  const practice = await plan.add(draft('跟著資深同事處理客訴', ['P1.1.1', 'K01']))
  const course = await plan.add(draft('上溝通課程', ['S01'], { kind: 'course', due: '2027-03-31' }))
  const coaching = await plan.add(draft('每月與主管面談', ['A01'], { kind: 'coaching' }))
  if (!practice || !course || !coaching) throw new Error('the draft was not stored')
  return { employee, record, actions: { practice, course, coaching } }
}

describe('the development plan between employee and supervisor', () => {
  it('travels in the file; the supervisor changes, adds, drops and agrees; the employee gets the agreed plan with the changes shown', async () => {
    const { employee, record, actions } = await employeeWithDraft()
    const sent = await useFilesStore().exportAssessment(record.id, 'json')
    expect(JSON.parse(sent.text).assessment.plan).toHaveLength(3)

    await device()
    const opened = await useReviewsStore().openFile(fileOf(sent))
    if (opened.ok !== true || opened.kind !== 'review') throw new Error('not opened for review')
    const reviewId = opened.result.review.id
    // The supervisor starts from the employee's draft.
    expect((await loadReviewPlan(reviewId)).map((a) => a.what).sort()).toEqual(
      ['跟著資深同事處理客訴', '上溝通課程', '每月與主管面談'].sort(),
    )
    const plan = usePlanStore()
    await plan.open({ kind: 'review', id: reviewId })
    expect(plan.role).toBe('supervisor')
    await plan.update(actions.practice.id, { agreed: true })
    await plan.update(actions.course.id, { due: '2027-06-30', agreed: true })
    await plan.remove(actions.coaching.id)
    const added = await plan.add(draft('輪調到客服組一個月', ['P1.1.2']))
    expect(added?.proposedBy).toBe('supervisor')
    await updateReview(reviewId, { reviewer: { name: '陳主管', jobTitle: '經理' } })
    const back = await useFilesStore().exportReview(reviewId, 'json')
    expect(back.fileName).toMatch(/-主管檢視\.gaplens\.json$/)
    expect(back.fileName).not.toBe(sent.fileName)

    use(employee)
    const received = await useFilesStore().open(fileOf(back), 'receive')
    expect(received.ok).toBe(true)
    // The agreed plan replaces the draft on the employee's device.
    const now = await loadPlan(record.id)
    const byWhat = (rows: unknown[][]) =>
      rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    expect(byWhat(now.map((a) => [a.what, a.agreed, a.changedBy, a.due]))).toEqual(
      byWhat([
        ['跟著資深同事處理客訴', true, 'supervisor', null],
        ['上溝通課程', true, 'supervisor', '2027-06-30'],
        ['輪調到客服組一個月', false, 'supervisor', null],
      ]),
    )
    // What changed is shown, not merged in silence.
    const stored = await getReceivedReview(record.id)
    if (!stored) throw new Error('no review received')
    const wrapper = mount(PlanChanges, { props: { received: stored } })
    const changes = wrapper
      .findAll('[data-change]')
      .map((li) => [li.attributes('data-change'), li.text()])
    expect(changes).toEqual([
      ['added', expect.stringContaining('輪調到客服組一個月')],
      ['removed', expect.stringContaining('每月與主管面談')],
      ['changed', expect.stringMatching(/上溝通課程.*預定完成日.*同意/)],
      ['agreed', expect.stringContaining('跟著資深同事處理客訴')],
    ])
    // The CSV has the agreed plan as rows a spreadsheet can filter, one per action and item.
    const csv = parseCsv((await useFilesStore().exportAssessment(record.id, 'csv')).text)
    const header = csv[0]!
    const col = (name: string) => header.indexOf(name)
    const actionRows = csv.slice(1).filter((r) => r[col('record')] === 'action')
    expect(
      byWhat(
        actionRows.map((r) => [r[col('item_code')], r[col('action')], r[col('action_agreed')]]),
      ),
    ).toEqual(
      byWhat([
        ['P1.1.1', '跟著資深同事處理客訴', 'true'],
        ['K01', '跟著資深同事處理客訴', 'true'],
        ['S01', '上溝通課程', 'true'],
        ['P1.1.2', '輪調到客服組一個月', 'false'],
      ]),
    )
    expect(header).toContain('evidence')
    wrapper.unmount()
  })

  it('lists the actions the employee changed after sending, which the agreed plan replaced', async () => {
    const { employee, record, actions } = await employeeWithDraft()
    const sent = await useFilesStore().exportAssessment(record.id, 'json')
    await usePlanStore().update(actions.course.id, { what: '改上簡報課程' })

    await device()
    const opened = await useReviewsStore().openFile(fileOf(sent))
    if (opened.ok !== true || opened.kind !== 'review') throw new Error('not opened for review')
    const reviewer = { name: '陳主管', jobTitle: '' }
    await updateReview(opened.result.review.id, { reviewer })
    const back = await useFilesStore().exportReview(opened.result.review.id, 'json')

    use(employee)
    await useFilesStore().open(fileOf(back), 'receive')
    const stored = await getReceivedReview(record.id)
    expect(stored?.planReplaced.map((a) => a.what)).toEqual(['改上簡報課程'])
    expect((await loadPlan(record.id)).map((a) => a.what)).toContain('上溝通課程')
  })

  it('two tabs changing one action write only what each changed: neither undoes the other', async () => {
    const { employee, record, actions } = await employeeWithDraft()
    const tabA = usePlanStore()
    // Tab B: the same device and database, another app, opened before tab A's change.
    const b = createPinia()
    setActivePinia(b)
    await useStandardsStore().load(sourcesOf({ 'a.json': makeStandard() }))
    const tabB = usePlanStore()
    await tabB.open({ kind: 'assessment', id: record.id })
    setActivePinia(employee.pinia)
    await tabA.update(actions.course.id, { status: 'in-progress' })
    setActivePinia(b)
    await tabB.update(actions.course.id, { support: '人資部' })
    const stored = (await loadPlan(record.id)).find((a) => a.id === actions.course.id)
    expect(stored).toMatchObject({ status: 'in-progress', support: '人資部' })
  })

  it('a file rated on a standard the supervisor lacks brings it: added with one confirmation, then opened', async () => {
    await device()
    const own = makeStandard({ id: 'OWN0001-001v1', code: 'OWN0001-001v1', title: '自訂職業' })
    expect((await useStandardsStore().add(own, 'own.json')).ok).toBe(true)
    const record = await useAssessmentsStore().create({
      standardId: own.id,
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    const sent = await useFilesStore().exportAssessment(record.id, 'json')
    expect(JSON.parse(sent.text).standard.body.title).toBe('自訂職業')

    const supervisor = await device()
    const first = await useFilesStore().open(fileOf(sent), 'review')
    if (first.ok !== 'offer') throw new Error(`expected an offer, got ${String(first.ok)}`)
    expect(first.offer.standard.title).toBe('自訂職業')
    // Nothing is stored until the person says so.
    expect(await supervisor.db.standards.count()).toBe(0)
    expect(await supervisor.db.reviews.count()).toBe(0)
    expect((await useFilesStore().addOffered(first.offer)).ok).toBe(true)
    const second = await useFilesStore().open(fileOf(sent), 'review')
    expect(second.ok).toBe(true)
    expect(await supervisor.db.reviews.count()).toBe(1)
  })

  it('a standard differing from the one rated on is said, with how many items differ', async () => {
    await device()
    const own = makeStandard({ id: 'OWN0001-001v1', code: 'OWN0001-001v1', title: '自訂職業' })
    await useStandardsStore().add(own, 'own.json')
    const record = await useAssessmentsStore().create({
      standardId: own.id,
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    const sent = await useFilesStore().exportAssessment(record.id, 'json')

    await device()
    const edited = structuredClone(own)
    edited.duties[0]!.tasks[0]!.indicators[0]!.text = '改寫過的行為指標。'
    edited.knowledge[0]!.text = '改寫過的知識。'
    await useStandardsStore().add(edited, 'own.json')
    const opened = await useFilesStore().open(fileOf(sent), 'review')
    if (opened.ok !== true) throw new Error('not opened')
    expect(opened.differing).toBe(2)
  })
})

describe('the next round', () => {
  it('carries the plan and the ratings, asks for each carried rating to be confirmed, and follows each action up', async () => {
    await device()
    const record = await useAssessmentsStore().create({
      standardId: 'TST1234-001v1',
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    const rating = useRatingStore()
    await rating.open(record.id)
    await rating.rate('K01', 2)
    await rating.rate('S01', 3)
    const plan = usePlanStore()
    await plan.open({ kind: 'assessment', id: record.id })
    await plan.add(draft('讀兩本專業書', ['K01', 'S01'], { kind: 'course' }))

    const next = await useAssessmentsStore().newRound(record.id)
    expect((await loadPlan(next.id)).map((a) => a.what)).toEqual(['讀兩本專業書'])
    await rating.open(next.id)
    // Both ratings came along, marked as carried until the person looks at them again.
    expect(rating.carried).toBe(2)
    expect(rating.responses.get('K01')).toMatchObject({ rating: 2, carried: true })
    await rating.confirm('S01')
    await rating.rate('K01', 4)
    expect(rating.carried).toBe(0)
    const stored = await loadResponses(next.id)
    expect(stored.get('S01')).toEqual(expect.not.objectContaining({ carried: true }))
    expect(stored.get('S01')?.rating).toBe(3)
    expect(stored.get('K01')?.rating).toBe(4)
    // The earlier round keeps its own, unmarked.
    expect((await loadResponses(record.id)).get('K01')).toMatchObject({ rating: 2 })
    expect((await loadResponses(record.id)).get('K01')?.carried).toBeUndefined()
  })
})

describe('a backup', () => {
  it('keeps the plans and the reviewer keys seen; a plan of an assessment the backup lacks is refused', async () => {
    const { record } = await employeeWithDraft()
    const backup = await exportBackup()
    expect(backup.tables.planActions).toHaveLength(3)
    const text = JSON.stringify(backup)
    const parsed = parseBackup('backup.json', text)
    if (!parsed.ok) throw new Error('the backup did not read back')

    const other = await device()
    await writeRestore({ mode: 'replace', tables: parsed.value.tables })
    expect((await loadPlan(record.id)).map((a) => a.what).sort()).toEqual(
      ['每月與主管面談', '上溝通課程', '跟著資深同事處理客訴'].sort(),
    )
    expect(await other.db.planActions.count()).toBe(3)

    const orphan = structuredClone(backup)
    orphan.tables.planActions[0]!.assessmentId = 'nobody'
    const refused = parseBackup('backup.json', JSON.stringify(orphan))
    expect(refused.ok || refused.problem.code).toBe('unknown-reference')
  })
})
