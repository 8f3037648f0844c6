/** @vitest-environment happy-dom */
/**
 * The employee opens the file their supervisor sent back, through the store and the panel of
 * the assessments page: the review is stored beside (never in) their own ratings; a protected
 * file asks for its passphrase; a refusal says why, naming the file, and writes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ReceiveReviewPanel from '@/components/files/ReceiveReviewPanel.vue'
import { deleteAssessment, loadResponses, saveResponse } from '@/db/assessments'
import { getReceivedReview } from '@/db/reviews'
import { assessmentFileText } from '@/domain/files/assessment-file'
import { protect } from '@/domain/io/protect'
import { useAssessmentsStore } from '@/stores/assessments'
import { useFilesStore } from '@/stores/files'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, startFixtureAssessment, until } from './helpers'
import { AT, REVIEW, makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
})

function fileOf(name: string, text: string) {
  return { name, size: new TextEncoder().encode(text).length, text: () => Promise.resolve(text) }
}

/** An assessment on this device, rated as the fixture file has it, and its reviewed file. */
async function reviewedAssessment() {
  const { pinia, record } = await startFixtureAssessment()
  const own = { rating: 2, note: '還在學', evidence: '', updatedAt: AT }
  await saveResponse(record.id, 'P1.1.1', own)
  await saveResponse(record.id, 'K01', { ...own, rating: 5, note: '' })
  const file = await makeAssessmentFile({ id: record.id, review: REVIEW })
  return { pinia, record, text: assessmentFileText(file) }
}

async function counts() {
  const db = database()
  return Promise.all([
    db.receivedReviews.count(),
    db.responses.count(),
    db.reviews.count(),
    db.reviewRatings.count(),
  ])
}

describe('opening the reviewed file', () => {
  it('stores the review beside the own ratings, which stay as they were', async () => {
    const { record, text } = await reviewedAssessment()
    const before = await loadResponses(record.id)
    const outcome = await useFilesStore().open(fileOf('reviewed.gaplens.json', text), 'receive')
    expect(outcome.ok).toBe(true)
    const received = await getReceivedReview(record.id)
    expect(received?.review.reviewer.name).toBe('陳主管')
    expect(received?.review.ratings.map((r) => [r.item, r.rating])).toEqual([
      ['P1.1.1', 4],
      ['K01', 2],
    ])
    expect(await loadResponses(record.id)).toEqual(before)
    // Nothing of it lands among a supervisor's own reviews.
    expect((await counts()).slice(2)).toEqual([0, 0])
  })

  it('refuses a file of an assessment this device does not hold, writing nothing', async () => {
    await reviewedAssessment()
    const other = assessmentFileText(await makeAssessmentFile({ id: 'elsewhere', review: REVIEW }))
    const before = await counts()
    const outcome = await useFilesStore().open(fileOf('other.gaplens.json', other), 'receive')
    expect(outcome.ok).toBe(false)
    expect(await counts()).toEqual(before)
  })

  it('deleting the assessment deletes the review it came back with', async () => {
    const { record, text } = await reviewedAssessment()
    await useFilesStore().open(fileOf('reviewed.gaplens.json', text), 'receive')
    expect(await getReceivedReview(record.id)).toBeDefined()
    await deleteAssessment(record.id)
    expect(await getReceivedReview(record.id)).toBeUndefined()
    expect(await database().responses.where('assessmentId').equals(record.id).count()).toBe(0)
  })
})

describe('the panel of the assessments page', () => {
  async function mountPanel() {
    const setup = await reviewedAssessment()
    await useAssessmentsStore().refresh()
    const router = makeRouter()
    await router.push('/assessments')
    const wrapper = mount(ReceiveReviewPanel, {
      global: { plugins: [setup.pinia, router] },
      attachTo: document.body,
    })
    return { ...setup, wrapper }
  }

  async function drop(wrapper: ReturnType<typeof mount>, file: ReturnType<typeof fileOf>) {
    await wrapper.get('[data-testid="receive-drop"]').trigger('drop', {
      dataTransfer: { files: [file] },
    })
  }

  it('says which assessment a dropped file attached to', async () => {
    const { wrapper, record, text } = await mountPanel()
    await drop(wrapper, fileOf('陳主管回傳.gaplens.json', text))
    await until(() => wrapper.find('[data-testid="receive-attached"]').exists())
    const said = wrapper.get('[data-testid="receive-attached"]').text()
    expect(said).toContain('陳主管回傳.gaplens.json')
    expect(said).toContain('陳主管')
    expect(said).toContain(record.title)
    expect(wrapper.emitted('received')).toEqual([[record.id]])
  })

  it('asks for the passphrase of a protected file; a wrong one is refused in words', async () => {
    const { wrapper, record, text } = await mountPanel()
    const locked = `${JSON.stringify(await protect(text, 'right one'))}\n`
    await drop(wrapper, fileOf('locked.gaplens.json', locked))
    await until(() => wrapper.find('[data-testid="receive-passphrase"]').exists())
    expect(wrapper.text()).toContain('「locked.gaplens.json」受通關密語保護')

    await wrapper.get('[data-testid="receive-passphrase"]').setValue('wrong one')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('[data-testid="receive-refused"]').exists(), 10_000)
    const refused = wrapper.get('[data-testid="receive-refused"]').text()
    expect(refused).toMatch(/^無法開啟「locked\.gaplens\.json」：/)
    expect(refused).toContain('密語')
    expect(await getReceivedReview(record.id)).toBeUndefined()

    // The message follows the interface language.
    locale.value = 'en'
    await until(() =>
      wrapper.get('[data-testid="receive-refused"]').text().startsWith('Could not open'),
    )

    // The passphrase is asked again, for the same file.
    await wrapper.get('[data-testid="receive-passphrase"]').setValue('right one')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('[data-testid="receive-attached"]').exists(), 10_000)
    expect(await getReceivedReview(record.id)).toBeDefined()
  })

  it('a file chosen again closes the passphrase form until it is read, so nothing typed is lost', async () => {
    const { wrapper, record, text } = await mountPanel()
    const locked = `${JSON.stringify(await protect(text, 'right one'))}\n`
    await drop(wrapper, fileOf('locked.gaplens.json', locked))
    await until(() => wrapper.find('[data-testid="receive-passphrase"]').exists())
    await wrapper.get('[data-testid="receive-passphrase"]').setValue('wrong one')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('[data-testid="receive-refused"]').exists(), 10_000)

    // The same file again: the form of the refused attempt is gone at once, with its message.
    await drop(wrapper, fileOf('locked.gaplens.json', locked))
    expect(wrapper.find('[data-testid="receive-passphrase"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="receive-refused"]').exists()).toBe(false)
    await until(() => wrapper.find('[data-testid="receive-passphrase"]').exists())
    const input = wrapper.get<HTMLInputElement>('[data-testid="receive-passphrase"]')
    expect(input.element.value).toBe('')
    await until(() => document.activeElement === input.element)
    await input.setValue('right one')
    await until(() => !wrapper.text().includes('正在開啟'))
    expect(input.element.value).toBe('right one')
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('[data-testid="receive-attached"]').exists(), 10_000)
    expect(await getReceivedReview(record.id)).toBeDefined()
  })

  it('refuses a file changed by hand, naming it, and stores nothing', async () => {
    const { wrapper, record, text } = await mountPanel()
    const edited = text.replace('"rating": 4', '"rating": 5')
    expect(edited).not.toBe(text)
    await drop(wrapper, fileOf('edited.gaplens.json', edited))
    await until(() => wrapper.find('[data-testid="receive-refused"]').exists())
    expect(wrapper.get('[data-testid="receive-refused"]').text()).toContain('edited.gaplens.json')
    expect(await getReceivedReview(record.id)).toBeUndefined()
  })
})
