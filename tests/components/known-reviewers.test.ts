/** @vitest-environment happy-dom */
/**
 * Signed reviews in the cohort (issue 19): a review signed on the supervisor's device keeps its
 * key's fingerprint in the cohort; the trainer's list of known reviewers verifies it; a list
 * with a bad line is refused whole; "verified only" leaves the unverified reviews out of the
 * supervisor figures.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import CohortView from '@/views/CohortView.vue'
import { storeCohortFiles } from '@/db/cohort'
import { poolKey } from '@/domain/cohort/pool'
import { fingerprintOf, makeSigningKey } from '@/domain/io/sign'
import { signReview } from '@/domain/files/signature'
import { useStandardsStore } from '@/stores/standards'
import { locale } from '@/i18n'
import { freshDatabase, makeRouter, sourcesOf, until } from './helpers'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

vi.mock('@/components/charts/chart-setup', () => ({
  Chart: class {
    destroy() {}
    resize() {}
  },
}))

freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
})

/** The five files, 王小明's review signed, and 李大同's reviewed too, unsigned. */
async function mountSigned(): Promise<{ wrapper: VueWrapper; fingerprint: string }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load(sourcesOf({ 'c.json': cohortStandard() }))
  const key = await makeSigningKey()
  const files = fiveFiles()
  files[0]!.review = await signReview({ ...files[0]!, review: files[0]!.review! }, key)
  const { signature: _signature, ...unsigned } = files[0]!.review
  files[1]!.review = unsigned
  await storeCohortFiles(
    files.map((content, i) => ({
      cohortKey: poolKey(content),
      assessmentId: content.assessment.id,
      hash: `hash-${i}`,
      fileName: `${i}.gaplens.json`,
      importedAt: '2026-11-29T00:00:00.000Z',
      content,
    })),
  )
  const router = makeRouter()
  await router.push('/cohort')
  const wrapper = mount(CohortView, {
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  })
  await until(() => wrapper.find('.cohort-page[data-state="ready"]').exists(), 15_000)
  return { wrapper, fingerprint: await fingerprintOf(key.publicKey) }
}

const fact = (wrapper: VueWrapper, name: string) =>
  wrapper.get(`[data-testid="cohort-summary"] [data-fact="${name}"] dd`).text()

describe('known reviewers in the cohort', { timeout: 30_000 }, () => {
  it('verifies a review signed with a listed key, and can count the verified ones only', async () => {
    const { wrapper, fingerprint } = await mountSigned()
    const summary = () => wrapper.get('[data-testid="reviewers-summary"]')
    expect(summary().attributes()).toMatchObject({ 'data-reviewed': '2', 'data-verified': '0' })
    expect(wrapper.get(`tr[data-fingerprint="${fingerprint}"]`).attributes('data-known')).toBe(
      'false',
    )
    expect(wrapper.get('[data-testid="filter-verified"]').attributes('disabled')).toBeDefined()

    // A list with a line that holds no fingerprint is refused whole, and says which line.
    await wrapper
      .get('[data-testid="reviewers-text"]')
      .setValue(`林主任, ${fingerprint}\n陳經理, 不知道`)
    await wrapper.get('[data-testid="reviewers-use"]').trigger('click')
    await until(() => wrapper.find('[data-testid="reviewers-refused"]').exists())
    expect(wrapper.get('[data-testid="reviewers-refused"]').text()).toContain(
      '第 2 行「陳經理, 不知道」找不到指紋',
    )
    expect(summary().attributes('data-verified')).toBe('0')

    await wrapper
      .get('[data-testid="reviewers-text"]')
      .setValue(`林主任, ${fingerprint.toLowerCase()}`)
    await wrapper.get('[data-testid="reviewers-use"]').trigger('click')
    await until(() => summary().attributes('data-verified') === '1')
    expect(summary().text()).toContain(
      '有主管檢視 2 份：已驗證 1 份、以清單外的金鑰簽署 0 份、未簽署 1 份',
    )
    expect(wrapper.get(`tr[data-fingerprint="${fingerprint}"]`).text()).toContain('林主任')

    expect(fact(wrapper, 'reviewed')).toBe('2')
    await wrapper.get('[data-testid="filter-verified"]').setValue(true)
    await until(() => fact(wrapper, 'reviewed') === '1')
    expect(fact(wrapper, 'assessments')).toBe('5')
    await wrapper.get('[data-testid="filter-reviewed"]').setValue(true)
    await until(() => fact(wrapper, 'assessments') === '1')
    wrapper.unmount()
  })
})
