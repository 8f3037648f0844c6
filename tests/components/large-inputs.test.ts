/** @vitest-environment happy-dom */
/**
 * Large inputs are refused by their size before they are read, or read off the page's thread:
 * a paste of millions of characters never reaches the field, and an assessment file goes to a
 * worker as a file, not as its text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import PasteSource from '@/components/library/PasteSource.vue'
import { assessmentFileText } from '@/domain/files/assessment-file'
import { PASTE_MAX_LENGTH } from '@/domain/standard/import/paste'
import { locale } from '@/i18n'
import { useFilesStore } from '@/stores/files'
import { readHere, type ReadJob } from '@/workers/read-assessment'
import { freshDatabase, freshPinia } from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'

freshDatabase()

beforeEach(() => {
  locale.value = 'zh-TW'
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** Pastes text into a field as the browser would: the event first, the text if not refused. */
async function paste(field: HTMLTextAreaElement, text: string): Promise<boolean> {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } })
  const taken = field.dispatchEvent(event)
  if (taken) {
    field.value = text
    field.dispatchEvent(new Event('input'))
  }
  return taken
}

describe('a paste', () => {
  it('over the limit is refused by its length before the field takes it, in words', async () => {
    const wrapper = mount(PasteSource)
    const field = wrapper.get('textarea').element
    const huge = 'x'.repeat(5_000_000)
    expect(await paste(field, huge)).toBe(false)
    expect(field.value).toBe('')
    const alert = wrapper.get('[data-testid="paste-too-long"]')
    expect(alert.text()).toBe(
      '貼上的文字有 5,000,000 字，超過上限 2,000,000 字，所以沒有貼上也沒有讀取。一次請只貼上一份職能基準的全文。',
    )
    locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(alert.text()).toContain('The text is 5,000,000 characters, over the limit of 2,000,000')
    // The field stayed empty: nothing of the paste is read.
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('read')).toEqual([['']])
  })

  it('within the limit is taken and read', async () => {
    const wrapper = mount(PasteSource)
    const field = wrapper.get('textarea').element
    expect(await paste(field, 'x'.repeat(PASTE_MAX_LENGTH))).toBe(true)
    expect(wrapper.find('[data-testid="paste-too-long"]').exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('read')?.[0]?.[0]).toHaveLength(PASTE_MAX_LENGTH)
  })
})

describe('an assessment file', () => {
  it('goes to the reading worker as the file itself, and opens from its answer', async () => {
    await freshPinia()
    const sent: { url: string; job: ReadJob }[] = []
    class ReadingWorker {
      onmessage: ((event: { data: unknown }) => void) | null = null
      onerror = null
      constructor(readonly url: URL | string) {}
      postMessage(job: ReadJob) {
        sent.push({ url: String(this.url), job })
        // The worker's own code, answering as it does.
        void readHere(job.file, job.standards, job.passphrase).then((data) =>
          this.onmessage?.({ data }),
        )
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', ReadingWorker)
    const text = assessmentFileText(await makeAssessmentFile())
    const file = new File([text], '王小明.gaplens.json', { type: 'application/json' })
    const outcome = await useFilesStore().open(file, 'review')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).toMatch(/read-assessment\.worker/)
    expect(sent[0]!.job.file).toBe(file)
    expect(sent[0]!.job.standards.map((s) => s.id)).toEqual(['TST1234-001v1'])
    expect(outcome.ok).toBe(true)
    if (outcome.ok !== true) return
    expect(outcome.checked.standard.id).toBe('TST1234-001v1')
    expect(outcome.checked.file.assessment.subject.name).toBe('王小明')
  })
})
