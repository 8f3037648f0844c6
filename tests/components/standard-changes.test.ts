/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import StandardChangesView from '@/views/StandardChangesView.vue'
import StandardsListView from '@/views/StandardsListView.vue'
import StandardVersionsPanel from '@/components/versions/StandardVersionsPanel.vue'
import { useStandardsStore, type StandardSource } from '@/stores/standards'
import { locale } from '@/i18n'
import V4 from '../../data/standards/TTM4221-002v4.json?raw'
import SHOP from '../../data/standards/THM3514-lodging-ecommerce.json?raw'
import V5 from '../fixtures/TTM4221-002v5.json?raw'
import { makeRouter, sourcesOf, until } from './helpers'

beforeEach(() => {
  locale.value = 'zh-TW'
})

/** A pinia whose standards store holds the given files (v5 as one the person added). */
async function withStandards(files: Record<string, string>, added: string[] = []) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const sources: StandardSource[] = sourcesOf(files).map((s) => ({
    ...s,
    added: added.includes(s.file),
  }))
  const store = useStandardsStore()
  await store.load(sources)
  expect(store.failures).toEqual([])
  return { pinia, store, router: makeRouter() }
}

const both = { 'v4.json': V4, 'v5.json': V5 }

describe('the changes between two versions', () => {
  async function mountChanges(props: { id: string; from?: string }) {
    const { pinia, router } = await withStandards(both)
    await router.push({ name: 'standard-changes', params: { id: props.id }, query: props })
    const wrapper = mount(StandardChangesView, { props, global: { plugins: [pinia, router] } })
    await until(() => wrapper.find('[data-testid="standard-changes"]').exists())
    return { wrapper, router }
  }

  it('counts, then shows changed (old and new side by side), added and removed', async () => {
    const { wrapper } = await mountChanges({ id: 'TTM4221-002v5', from: 'TTM4221-002v4' })
    expect(wrapper.get('h1').text()).toBe(
      '旅遊業營運主管：V4（TTM4221-002v4） → V5（TTM4221-002v5）',
    )
    const count = (key: string) => wrapper.get(`[data-count="${key}"] .n`).text()
    expect([count('changed'), count('added'), count('removed'), count('titles')]).toEqual([
      '2',
      '1',
      '1',
      '0',
    ])
    expect(Number(count('unchanged'))).toBe(89)
    const changed = wrapper.get('[data-diff="changed"] [data-item-key="P1.1.2"]')
    expect(changed.get('[data-side="old"]').text()).toContain('依據供應商報價預算進行談判。')
    expect(changed.get('[data-side="old"]').text()).toContain('舊版 V4')
    expect(changed.get('[data-side="new"]').text()).toContain(
      '依據供應商報價與預算進行談判，並記錄談判結果。',
    )
    const keys = (part: string) =>
      wrapper
        .findAll(`[data-diff="${part}"] [data-item-key]`)
        .map((e) => e.attributes('data-item-key'))
    expect(keys('changed')).toEqual(['P1.1.2', 'P3.1.7'])
    expect(keys('added')).toEqual(['K28'])
    expect(keys('removed')).toEqual(['P2.4.2'])
    expect(wrapper.get('[data-diff="added"]').text()).toContain('數位行銷與社群媒體經營')
    expect(wrapper.get('[data-diff="titles"]').text()).toContain('沒有。')
  })

  it('speaks English too', async () => {
    locale.value = 'en'
    const { wrapper } = await mountChanges({ id: 'TTM4221-002v5', from: 'TTM4221-002v4' })
    expect(wrapper.get('[data-diff="changed"] h2').text()).toBe('Changed items (2)')
    expect(wrapper.get('[data-diff="removed"] h2').text()).toBe('Removed items (1)')
  })

  it('offers the other version to compare with when none is given, older as from', async () => {
    const { wrapper, router } = await mountChanges({ id: 'TTM4221-002v4' })
    const picker = wrapper.get('[data-testid="version-picker"]')
    expect(picker.findAll('option').map((o) => o.text())).toEqual(['V5（TTM4221-002v5）'])
    await wrapper.get('form').trigger('submit')
    await until(() => router.currentRoute.value.query.from === 'TTM4221-002v4')
    expect(router.currentRoute.value.params.id).toBe('TTM4221-002v5')
  })

  it('names a version that is not on this device', async () => {
    const { wrapper } = await mountChanges({ id: 'TTM4221-002v5', from: 'TTM4221-002v3' })
    expect(wrapper.get('[role="alert"]').text()).toContain('TTM4221-002v3')
    expect(wrapper.find('[data-diff]').exists()).toBe(false)
  })
})

describe('the versions panel on a standard page', () => {
  async function mountPanel(id: string, files: Record<string, string> = both) {
    const { pinia, store, router } = await withStandards(files)
    const wrapper = mount(StandardVersionsPanel, {
      props: { standard: store.get(id)! },
      global: { plugins: [pinia, router] },
    })
    return wrapper
  }

  it('on an older version: lists both, marks this one, says plainly a newer exists', async () => {
    const wrapper = await mountPanel('TTM4221-002v4')
    const rows = wrapper.findAll('[data-version-id]')
    expect(
      rows.map((r) => [r.attributes('data-version-id'), r.attributes('data-current')]),
    ).toEqual([
      ['TTM4221-002v5', 'false'],
      ['TTM4221-002v4', 'true'],
    ])
    expect(rows[0]!.text()).toContain('最新')
    expect(wrapper.get('[data-testid="newer-version"]').text()).toContain('較新的版本 V5')
    const compare = rows[0]!.findAll('a').find((a) => a.text().includes('比較'))!
    expect(compare.attributes('href')).toBe('/standards/TTM4221-002v5/changes?from=TTM4221-002v4')
  })

  it('on the newest version: says so', async () => {
    const wrapper = await mountPanel('TTM4221-002v5')
    expect(wrapper.find('[data-testid="newer-version"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('這是這台裝置上最新的版本。')
  })

  it('shows nothing for a standard with no other version here', async () => {
    const wrapper = await mountPanel('TTM4221-002v4', { 'v4.json': V4, 'shop.json': SHOP })
    expect(wrapper.find('[data-testid="versions-panel"]').exists()).toBe(false)
  })
})

describe('the list of standards', () => {
  it('shows one card per standard, its newest version, with the others as links', async () => {
    const { pinia, router } = await withStandards(
      { 'v4.json': V4, 'shop.json': SHOP, 'v5.json': V5 },
      ['v5.json'],
    )
    const wrapper = mount(StandardsListView, { global: { plugins: [pinia, router] } })
    await until(() => wrapper.find('[data-testid="other-versions"]').exists())
    const cards = wrapper.findAll('[data-standard-id]').map((c) => c.attributes('data-standard-id'))
    expect(cards).toEqual(['TTM4221-002v5', 'THM3514-lodging-ecommerce'])
    const card = wrapper.get('[data-standard-id="TTM4221-002v5"]')
    expect(card.get('[data-testid="added-badge"]').text()).toBe('自行新增')
    expect(card.get('[data-version-id="TTM4221-002v4"]').attributes('href')).toBe(
      '/standards/TTM4221-002v4',
    )
    const shop = wrapper.get('[data-standard-id="THM3514-lodging-ecommerce"]')
    expect(shop.find('[data-testid="added-badge"]').exists()).toBe(false)
    expect(shop.find('[data-testid="other-versions"]').exists()).toBe(false)
  })
})
