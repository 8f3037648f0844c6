/** @vitest-environment happy-dom */
/**
 * A standard of the catalogue opened, rated and replaced: read and checked when opened, said
 * plainly to be a transcription, kept on the device once an assessment is made on it, and
 * replaced by the pasted published text, to which an assessment carries over as to a new
 * version, changed items marked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import StandardView from '@/views/StandardView.vue'
// The page loads these itself; read here, their compiling is not counted in a test's time.
import '@/components/catalogue/TranscriptionNotice.vue'
import '@/components/catalogue/CatalogueProblem.vue'
import ReplaceBanner from '@/components/catalogue/ReplaceBanner.vue'
import { useStandardsStore, addedSources } from '@/stores/standards'
import { useAssessmentsStore } from '@/stores/assessments'
import { useCatalogueStore } from '@/stores/catalogue'
import { parseStandardFile } from '@/domain/standard/parse'
import { saveResponse } from '@/db/assessments'
import AssessmentsView from '@/views/AssessmentsView.vue'
import { locale } from '@/i18n'
import { makeStandard } from '../fixtures/standard'
import { entryOf, indexOf, makeTranscription, serveCatalogue } from '../fixtures/catalogue'
import { freshDatabase, makeRouter, sourcesOf } from './helpers'

const transcription = makeTranscription()
const index = indexOf([entryOf(transcription)])
const bundled = () => sourcesOf({ 'a.json': makeStandard() })

/** A new page load: a new Pinia, the bundled fixture and the standards kept on the device. */
async function reload() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load([...bundled(), ...(await addedSources())])
  return pinia
}

async function mountStandard(id: string) {
  const pinia = await reload()
  const router = makeRouter()
  await router.push('/')
  const wrapper = mount(StandardView, { props: { id }, global: { plugins: [pinia, router] } })
  await vi.waitUntil(
    () =>
      wrapper
        .find('.standard-page[data-complete="true"] [data-testid="transcription-notice"]')
        .exists() || wrapper.find('[role="alert"]').exists(),
    { timeout: 5000 },
  )
  return wrapper
}

describe('a standard of the catalogue', () => {
  freshDatabase()
  beforeEach(() => {
    locale.value = 'zh-TW'
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('is a valid standard file (the fixture every test here opens)', () => {
    expect(parseStandardFile('t.json', JSON.stringify(transcription)).ok).toBe(true)
  })

  it('is read and checked when opened, and says plainly it is a transcription', async () => {
    const fetched = serveCatalogue(index, [transcription])
    const wrapper = await mountStandard(transcription.id)
    expect(fetched).toHaveBeenCalledTimes(2)
    expect(wrapper.get('h1').text()).toBe('會計事務人員')
    const notice = wrapper.get('[data-testid="transcription-notice"]')
    expect(notice.text()).toContain('這是解析程式的轉錄，不是公告原文')
    expect(notice.text()).toContain('依公告順序重建')
    expect(notice.text()).toContain('每項工作任務只有一個職能級別')
    expect(notice.text()).toContain('來源缺 T3.1 的行為指標')
    expect(notice.text()).toContain('MIT')
    expect(notice.get('[data-testid="transcription-replace"]').attributes('href')).toBe(
      `/standards/add?replaces=${encodeURIComponent(transcription.id)}`,
    )
    // Opened, not kept: nothing is written to the device until an assessment is made on it.
    expect(await addedSources()).toEqual([])
  })

  it('says why it cannot be opened offline before it was ever fetched', async () => {
    // The index is precached with the app; this standard's file was never fetched.
    serveCatalogue(index, [transcription], { offline: (url) => url.includes('/standards/') })
    const wrapper = await mountStandard(transcription.id)
    expect(wrapper.get('[data-testid="catalogue-problem"]').text()).toContain('目前離線')
  })

  it('is kept on the device with an assessment made on it, and opens after a reload', async () => {
    serveCatalogue(index, [transcription])
    await reload()
    expect((await useCatalogueStore().ensure(transcription.id)).ok).toBe(true)
    await useAssessmentsStore().create({
      standardId: transcription.id,
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    vi.unstubAllGlobals()
    serveCatalogue(index, [], { offline: () => true })
    const wrapper = await mountStandard(transcription.id)
    expect(wrapper.get('h1').text()).toBe('會計事務人員')
    expect(wrapper.get('[data-testid="library-bar"]').text()).toContain('目錄轉錄')
  })

  it('is replaced by the published text, to which an assessment carries over, changes marked', async () => {
    serveCatalogue(index, [transcription])
    await reload()
    await useCatalogueStore().ensure(transcription.id)
    const assessments = useAssessmentsStore()
    const record = await assessments.create({
      standardId: transcription.id,
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    const at = '2025-03-01T08:00:00.000Z'
    await saveResponse(record.id, 'P1.1.2', { rating: 3, note: '', evidence: '', updatedAt: at })
    await saveResponse(record.id, 'P1.2.1', { rating: 2, note: '', evidence: '', updatedAt: at })

    // The published text, pasted: same code, its own id; P1.2.1 reads differently.
    const published = makeStandard({ id: 'ACC3313-001v2', code: 'ACC3313-001v2' })
    published.duties[0]!.tasks[1]!.indicators[0]!.text = '公告原文的指標四。'
    const pinia = createPinia()
    setActivePinia(pinia)
    const banner = mount(ReplaceBanner, {
      props: {
        replaces: transcription.id,
        previewed: { ...published, code: 'OTHER-1' },
        saved: null,
      },
      global: { plugins: [pinia, makeRouter()] },
    })
    await useStandardsStore().load([...bundled(), ...(await addedSources())])
    await flushPromises()
    expect(banner.text()).toContain('以公告全文取代「會計事務人員」（ACC3313-001v2）')
    expect(banner.text()).toContain('貼上的職能基準代碼是 OTHER-1')
    expect((await useStandardsStore().add(published, 'ACC3313-001v2.json')).ok).toBe(true)
    await banner.setProps({ previewed: null, saved: published })
    await vi.waitUntil(() => banner.find('[data-testid="replace-carry"]').exists())
    expect(banner.text()).toContain('有 1 份自評')

    // 我的自評 offers it as a newer version, in the words of a published text.
    const list = mount(AssessmentsView, { global: { plugins: [pinia, makeRouter()] } })
    await vi.waitUntil(() => list.find(`[data-reassess-for="${record.id}"]`).exists())
    expect(list.get(`[data-reassess-for="${record.id}"]`).text()).toContain('已有它的公告原文')

    const round = await useAssessmentsStore().reassess(record.id, published.id)
    expect(round.standardId).toBe('ACC3313-001v2')
    expect(round.carriedFrom?.changed.map((c) => c.key)).toEqual(['P1.2.1'])
    expect(round.carriedFrom?.carried).toBe(1)
  })
})
