/** @vitest-environment happy-dom */
/**
 * The header on every page: the link of the section a page belongs to stands out on the pages
 * below it, and the language buttons keep their whole names for a screen reader while a phone
 * shows the short ones.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import AppHeader from '@/components/layout/AppHeader.vue'
import { locale } from '@/i18n'
import { makeRouter } from './helpers'

beforeEach(() => {
  locale.value = 'zh-TW'
})

async function mountAt(path: string) {
  const router = makeRouter()
  await router.push(path)
  await router.isReady()
  return mount(AppHeader, { global: { plugins: [router] } })
}

const active = (wrapper: Awaited<ReturnType<typeof mountAt>>) =>
  wrapper
    .findAll('nav a')
    .filter((a) => /\b(active|router-link-exact-active)\b/.test(a.classes().join(' ')))
    .map((a) => a.text())

describe('the header', { timeout: 30_000 }, () => {
  it('marks the section of the page, on the pages below it too', async () => {
    expect(active(await mountAt('/reviews/r1/results'))).toEqual(['主管檢視'])
    expect(active(await mountAt('/reviews/r1'))).toEqual(['主管檢視'])
    expect(active(await mountAt('/assessments/a1/results'))).toEqual(['我的自評'])
    expect(active(await mountAt('/standards/TTM4221-002v4'))).toEqual(['職能基準'])
    expect(active(await mountAt('/settings'))).toEqual(['設定'])
    expect(active(await mountAt('/cohort'))).toEqual(['團隊分析'])
  })

  it('names the menu and keeps each language’s whole name, the short one hidden from readers', async () => {
    const wrapper = await mountAt('/')
    expect(wrapper.get('nav').attributes('aria-label')).toBe('主選單')
    const buttons = wrapper.findAll('.language-switch button')
    expect(buttons.map((b) => b.get('.long').text())).toEqual(['繁體中文', 'English'])
    expect(buttons.map((b) => b.get('.short').text())).toEqual(['中文', 'EN'])
    for (const b of buttons) expect(b.get('.short').attributes('aria-hidden')).toBe('true')
    locale.value = 'en'
    await wrapper.vm.$nextTick()
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Main')
    expect(wrapper.findAll('nav a').map((a) => a.text())).toEqual([
      'Standards',
      'My assessments',
      'Reviews',
      'Cohort',
      'Settings',
    ])
  })
})
