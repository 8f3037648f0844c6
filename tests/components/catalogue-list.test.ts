/** @vitest-environment happy-dom */
/**
 * The catalogue on the standards list: loaded from its index only, searched and filtered a
 * keystroke at a time, a page of results at once, the bundled standards answering for their
 * entries, the files that could not be transcribed named when they match.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import StandardsListView from '@/views/StandardsListView.vue'
// The list loads these itself; read here, their compiling is not counted in a test's time.
import '@/components/catalogue/CatalogueSpot.vue'
import '@/components/catalogue/CatalogueSection.vue'
import { useStandardsStore } from '@/stores/standards'
import type { CatalogueEntry } from '@/domain/catalogue/entry'
import { locale } from '@/i18n'
import { makeStandard } from '../fixtures/standard'
import { entryOf, indexOf, makeTranscription, serveCatalogue } from '../fixtures/catalogue'
import { makeRouter, sourcesOf } from './helpers'

/** 45 accounting standards, one bundled, and one of human resources at level 5. */
function catalogue() {
  const entries: CatalogueEntry[] = Array.from({ length: 45 }, (_, i) => {
    const id = `FAC${String(1000 + i)}-001v1.parsed`
    return entryOf(makeTranscription({ id, title: `會計人員${i + 1}` }), {
      code: `FAC${1000 + i}-001v1`,
      level: 3,
    })
  })
  entries.push(
    entryOf(makeStandard(), { file: null, bundled: 'TST1234-001v1', title: '測試職業' }),
    entryOf(makeTranscription({ id: 'BHR2423-001v3.parsed', title: '人資主管' }), {
      code: 'BHR2423-001v3',
      level: 5,
      field: { name: '企業經營管理／人力資源管理', code: 'BHR' },
      fieldCodes: ['BHR'],
      occupation: { name: '人事及職業專業人員', code: '2423' },
      industries: [{ name: '支援服務業／人力供應業', code: 'N7800' }],
    }),
  )
  return indexOf(entries, [
    {
      file: '會計稽核人員-職能基準.json',
      title: '會計稽核人員',
      code: 'FAC2411-009v1',
      historic: false,
      reason: { kind: 'no-tasks' },
    },
  ])
}

/** The standards list, mounted over the fixture standard (the catalogue loads on its own). */
async function mountListView() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load(sourcesOf({ 'a.json': makeStandard() }))
  const router = makeRouter()
  await router.push('/')
  return mount(StandardsListView, { global: { plugins: [pinia, router] } })
}

/** The list with its catalogue's search shown. */
async function mountList() {
  const wrapper = await mountListView()
  await vi.waitUntil(() => wrapper.find('[data-testid="catalogue-search"]').exists(), {
    timeout: 5000,
  })
  return wrapper
}

const shown = (wrapper: Awaited<ReturnType<typeof mountList>>) =>
  wrapper.findAll('[data-catalogue-id] h3').map((h) => h.text())

/** An IntersectionObserver that sees its target at once: the catalogue's place is in sight. */
class InSight {
  constructor(private readonly seen: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.seen([{ isIntersecting: true, target } as IntersectionObserverEntry], this as never)
  }
  disconnect() {}
  unobserve() {}
}

describe('the catalogue on the standards list', () => {
  beforeEach(() => {
    locale.value = 'zh-TW'
    vi.stubGlobal('IntersectionObserver', InSight)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('reads only the index, and draws a dozen results at a time', async () => {
    const fetched = serveCatalogue(catalogue())
    const wrapper = await mountList()
    expect(fetched).toHaveBeenCalledOnce()
    expect(wrapper.get('[data-testid="catalogue-count"]').text()).toBe('共 47 項')
    expect(shown(wrapper)).toHaveLength(12)
    await wrapper.get('[data-testid="catalogue-more"]').trigger('click')
    expect(shown(wrapper)).toHaveLength(24)
    // The credit the source asks for, and how many could not be transcribed.
    expect(wrapper.text()).toContain('oneghostzhang/CompetencyWizard')
    expect(wrapper.text()).toContain('MIT')
    expect(wrapper.text()).toContain('1 項公告的職能基準無法從解析結果轉錄')
  })

  it('filters as a person types, and by field and level', async () => {
    serveCatalogue(catalogue())
    const wrapper = await mountList()
    const input = wrapper.get('[data-testid="catalogue-search"]')
    await input.setValue('會計人員4')
    expect(shown(wrapper)).toEqual([
      '會計人員4',
      '會計人員40',
      '會計人員41',
      '會計人員42',
      '會計人員43',
      '會計人員44',
      '會計人員45',
    ])
    await input.setValue('n7800')
    expect(shown(wrapper)).toEqual(['人資主管'])
    await input.setValue('')
    await wrapper.get('[data-testid="catalogue-field"]').setValue('BHR')
    expect(shown(wrapper)).toEqual(['人資主管'])
    await wrapper.get('[data-testid="catalogue-field"]').setValue('')
    await wrapper.get('[data-testid="catalogue-level"]').setValue('5')
    expect(wrapper.get('[data-testid="catalogue-count"]').text()).toBe('符合 1 項')
  })

  it('opens the bundled standard for its entry, and names what matches but was left out', async () => {
    serveCatalogue(catalogue())
    const wrapper = await mountList()
    await wrapper.get('[data-testid="catalogue-search"]').setValue('測試職業')
    const card = wrapper.get('[data-catalogue-id="TST1234-001v1"]')
    expect(card.text()).toContain('內建（依公告原文）')
    expect(card.get('h3 a').attributes('href')).toBe('#/standards/TST1234-001v1')
    await wrapper.get('[data-testid="catalogue-search"]').setValue('稽核')
    expect(shown(wrapper)).toEqual([])
    expect(wrapper.get('[data-testid="catalogue-left-out"]').text()).toContain(
      '會計稽核人員 FAC2411-009v1：解析結果沒有工作任務',
    )
  })

  it('waits to fetch the index until its place below the list comes near the screen', async () => {
    let observer: { seen: IntersectionObserverCallback; target: Element } | undefined
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly seen: IntersectionObserverCallback) {}
        observe(target: Element) {
          observer = { seen: this.seen, target }
        }
        disconnect() {}
      },
    )
    const fetched = serveCatalogue(catalogue())
    const wrapper = await mountListView()
    await flushPromises()
    expect(fetched).not.toHaveBeenCalled()
    expect(observer?.target.parentElement?.id).toBe('catalogue')
    observer!.seen([{ isIntersecting: true } as IntersectionObserverEntry], {} as never)
    await vi.waitUntil(() => wrapper.find('[data-testid="catalogue-search"]').exists())
    expect(fetched).toHaveBeenCalledOnce()
  })

  it('says plainly when the build came without the catalogue', async () => {
    serveCatalogue(indexOf([]))
    const wrapper = await mountListView()
    await vi.waitUntil(() => wrapper.text().includes('這個版本沒有附上目錄'), { timeout: 5000 })
    expect(wrapper.find('[data-testid="catalogue-search"]').exists()).toBe(false)
  })

  it('says so when the index cannot be fetched, and tries again when asked', async () => {
    let offline = true
    serveCatalogue(catalogue(), [], { offline: () => offline })
    const wrapper = await mountListView()
    await vi.waitUntil(() => wrapper.find('#catalogue [role="alert"]').exists(), { timeout: 5000 })
    offline = false
    await wrapper.get('#catalogue [role="alert"] button').trigger('click')
    await flushPromises()
    await vi.waitUntil(() => wrapper.find('[data-testid="catalogue-search"]').exists())
    expect(shown(wrapper)).toHaveLength(12)
  })
})
