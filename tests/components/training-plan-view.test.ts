/** @vitest-environment happy-dom */
/**
 * The trainer's plan page, mounted on the five-person cohort (its figures worked out in the
 * unit tests): the ranked needs follow a filter, a refused course list is said line by line and
 * nothing of it is kept, a good one gives the plan, and a course taken out or put in changes it.
 * The worker's engine runs on the page's thread here (happy-dom has no workers).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import CohortPlanView from '@/views/CohortPlanView.vue'
import { storeCohortFiles } from '@/db/cohort'
import { readCourseList } from '@/db/training'
import { poolKey } from '@/domain/cohort/pool'
import { useStandardsStore } from '@/stores/standards'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, sourcesOf, until } from './helpers'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
})

const HEADER = 'course,hours,kind,provider,cost,items,schedule'
const GOOD = [
  HEADER,
  '課程 c1,6,course,,12000,K01 S02,',
  '課程 c2,12,course,,,P1.1.3 K01,',
  '課程 c3,3,course,,,K02 S01,',
  '課程 c4,4,coaching,主管,5000,P1.1.1 P1.1.2,',
  '課程 c5,30,course,外訓,90000,P1.1.3 K01 S02 K02,2027 Q1',
].join('\n')

async function mountPlan(): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const standard = cohortStandard()
  await useStandardsStore().load(sourcesOf({ 'c.json': standard }))
  await storeCohortFiles(
    fiveFiles().map((content, i) => ({
      cohortKey: poolKey(content),
      assessmentId: content.assessment.id,
      hash: `hash-${i}`,
      fileName: `${i}.gaplens.json`,
      importedAt: '2026-11-29T00:00:00.000Z',
      content,
    })),
  )
  const router = makeRouter()
  await router.push('/cohort/plan')
  const wrapper = mount(CohortPlanView, {
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  await settled(wrapper)
  return wrapper
}
const settled = (wrapper: VueWrapper) =>
  until(() => wrapper.find('.cohort-plan-page[data-state="ready"]').exists(), 15_000)
const keys = (wrapper: VueWrapper) =>
  wrapper
    .findAll('[data-testid="training-needs-table"] tr[data-key]')
    .map((tr) => tr.attributes('data-key'))
const planned = (wrapper: VueWrapper) =>
  wrapper
    .findAll('[data-testid="plan-table"] tr[data-course]')
    .map((tr) => tr.attributes('data-course'))

async function choose(wrapper: VueWrapper, name: string, text: string): Promise<void> {
  const input = wrapper.get('[data-testid="course-file-input"]')
  const file = new File([text], name, { type: 'text/csv' })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

describe('the training plan page', { timeout: 30_000 }, () => {
  it('ranks the needs, and follows a filter', async () => {
    const wrapper = await mountPlan()
    expect(wrapper.get('[data-testid="needs-priority"]').text()).toContain(
      '未達目標的人數 × 他們的平均落差',
    )
    expect(keys(wrapper)).toEqual(['S02', 'K01', 'K02', 'S01'])
    const k01 = wrapper.get('[data-testid="training-needs-table"] tr[data-key="K01"]')
    expect(k01.get('[data-col="below"]').text()).toBe('3 / 5')
    expect(k01.get('[data-col="people"]').text()).toContain('林志強、王小明、陳美玲')
    expect(k01.get('[data-col="versus"]').text()).toBe('+2.00（1 組）')

    await wrapper.get('[data-testid="filter-department"]').setValue('客服部')
    await settled(wrapper)
    expect(keys(wrapper)).toEqual(['K01', 'S01', 'K02', 'S02'])
    expect(wrapper.get('[data-testid="cohort-shown"]').attributes('data-shown')).toBe('2')

    await wrapper.get('[data-testid="anonymise"]').setValue(true)
    await settled(wrapper)
    const names = wrapper.get('[data-testid="training-needs-table"]').text()
    expect(names).not.toContain('林志強')
    expect(names).toContain('成員 ')
    wrapper.unmount()
  })

  it('refuses a bad course list line by line and keeps nothing of it; a good one gives the plan', async () => {
    const wrapper = await mountPlan()
    expect(wrapper.find('[data-testid="plan-needs-courses"]').exists()).toBe(true)

    await choose(wrapper, 'bad.csv', `${HEADER}\n好課,6,course,,,K99,\n壞時數,=1,course,,,K01,`)
    await until(() => wrapper.find('[data-testid="course-refusal"]').exists())
    const refusal = wrapper.get('[data-testid="course-refusal"]').text()
    expect(refusal).toContain('「bad.csv」沒有載入')
    expect(refusal).toContain('第 2 行：課程「好課」的 K99 不是職能基準 TST1234-001v1 的項目。')
    expect(refusal).toContain('第 3 行：課程「壞時數」的時數「=1」不是大於 0')
    expect(await readCourseList(cohortStandard().id)).toBeNull()

    await choose(wrapper, 'courses.csv', GOOD)
    await until(() => wrapper.find('[data-testid="plan-table"]').exists())
    await settled(wrapper)
    expect(wrapper.find('[data-testid="course-refusal"]').exists()).toBe(false)
    expect((await readCourseList(cohortStandard().id))?.courses).toHaveLength(5)
    expect(planned(wrapper)).toEqual(['c5', 'c4', 'c3'])
    expect(wrapper.get('[data-testid="plan-table"] tr[data-course="c5"]').attributes('data-attendees')).toBe('5')
    expect(wrapper.get('[data-testid="plan-totals"]').text()).toContain(
      '共 3 門課、37 小時、171 人時，費用 95,000',
    )
    expect(wrapper.get('[data-testid="plan-method"]').text()).toContain('貪婪式的加權集合涵蓋')
    // The printed plan carries the columns HR files keep.
    const print = wrapper.get('[data-testid="plan-print"]').text()
    for (const head of ['課程名稱', '對應職能項目', '對象', '人數', '時數', '辦理方式', '預定時間'])
      expect(print).toContain(head)

    // A course taken out: the plan is chosen again without it; put back in, it leads.
    await wrapper.get('[data-testid="plan-table"] tr[data-course="c5"] [data-testid="plan-take-out"]').trigger('click')
    await settled(wrapper)
    expect(planned(wrapper)).toEqual(['c1', 'c3', 'c4', 'c2'])
    await wrapper.get('li[data-course="c5"] [data-testid="plan-put-in"]').trigger('click')
    await settled(wrapper)
    expect(planned(wrapper)[0]).toBe('c5')

    // A refused file after a good one leaves the good one.
    await choose(wrapper, 'worse.csv', '"unclosed')
    await until(() => wrapper.find('[data-testid="course-refusal"]').exists())
    expect(wrapper.get('[data-testid="courses-loaded"]').attributes('data-count')).toBe('5')
    expect((await readCourseList(cohortStandard().id))?.fileName).toBe('courses.csv')
    wrapper.unmount()
  })

  it('downloads the plan as CSV with its columns, and the attendees', async () => {
    const wrapper = await mountPlan()
    await choose(wrapper, 'courses.csv', GOOD)
    await until(() => wrapper.find('[data-testid="plan-table"]').exists())
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:plan')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    await wrapper.get('[data-testid="plan-csv"]').trigger('click')
    const csv = await (created.mock.calls[0]![0] as Blob).text()
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF課程名稱,對應職能項目,對象,人數,時數,辦理方式,預定時間,辦理單位,費用,人時數',
    )
    expect(csv).toContain('課程 c5,P1.1.3 K01 S02 K02,')
    await wrapper.get('[data-testid="plan-attendees"]').trigger('click')
    await until(() => created.mock.calls.length > 1)
    const attendees = await (created.mock.calls[1]![0] as Blob).text()
    expect(attendees.split('\r\n')[0]).toBe(
      '\uFEFFcourse,person,employee_id,department,job_title,items_below_target',
    )
    // c5's five attendees, c4's three, c3's three.
    expect(attendees.trim().split('\r\n')).toHaveLength(1 + 5 + 3 + 3)
    vi.restoreAllMocks()
    wrapper.unmount()
  })
})
