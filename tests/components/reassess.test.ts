/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import AssessmentsView from '@/views/AssessmentsView.vue'
import RateView from '@/views/RateView.vue'
import { saveResponse } from '@/db/assessments'
import { exportBackup } from '@/db/backup'
import { parseBackup } from '@/domain/files/backup'
import type { ItemResponse } from '@/domain/assessment/records'
import { useAssessmentsStore } from '@/stores/assessments'
import { useStandardsStore } from '@/stores/standards'
import { locale } from '@/i18n'
import V4 from '../../data/standards/TTM4221-002v4.json?raw'
import V5 from '../fixtures/TTM4221-002v5.json?raw'
import { freshDatabase, makeRouter, sourcesOf, until } from './helpers'

const database = freshDatabase()

const at = '2025-03-01T08:00:00.000Z'
const response = (rating: ItemResponse['rating'], note = ''): ItemResponse => ({
  rating,
  note,
  evidence: note ? '佐證' : '',
  updatedAt: at,
})

/** A pinia with both versions loaded, and a round on v4 rated on six items. */
async function ratedOnV4() {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load(sourcesOf({ 'v4.json': V4, 'v5.json': V5 }))
  const store = useAssessmentsStore()
  const old = await store.create({
    standardId: 'TTM4221-002v4',
    scaleId: 'proficiency-5',
    subject: { name: '林美華', employeeId: 'E01', department: '業務部', jobTitle: '經理' },
  })
  const ratings: [string, ItemResponse][] = [
    ['P1.1.1', response(4, '帶過團')],
    ['P1.1.2', response(3)], // changed in v5
    ['P3.1.7', response(2)], // changed in v5
    ['P2.4.2', response(5)], // removed in v5
    ['K01', response('na')],
    ['S01', response(null, '還沒想好')],
  ]
  for (const [key, r] of ratings) await saveResponse(old.id, key, r)
  return { pinia, store, old }
}

beforeEach(() => {
  locale.value = 'zh-TW'
})

describe('reassessing on a newer version', () => {
  it('starts a new round on v5 carrying the unchanged ratings only', async () => {
    const { store, old } = await ratedOnV4()
    const round = await store.reassess(old.id, 'TTM4221-002v5')

    expect(round).toMatchObject({
      standardId: 'TTM4221-002v5',
      round: 2,
      previousId: old.id,
      subject: old.subject,
      scaleId: old.scaleId,
    })
    expect(round.title).toBe(old.title)
    const rows = await database().responses.where('assessmentId').equals(round.id).toArray()
    expect(
      Object.fromEntries(rows.map((r) => [r.itemKey, [r.rating, r.note, r.evidence]])),
    ).toEqual({
      'P1.1.1': [4, '帶過團', '佐證'],
      K01: ['na', '', ''],
      S01: [null, '還沒想好', '佐證'],
    })
    const stored = await database().assessments.get(round.id)
    expect(stored?.carriedFrom).toMatchObject({
      assessmentId: old.id,
      standardId: 'TTM4221-002v4',
      carried: 2,
    })
    expect(stored?.carriedFrom?.changed.map((c) => [c.key, c.old.text, c.new.text])).toEqual([
      ['P1.1.2', '依據供應商報價預算進行談判。', '依據供應商報價與預算進行談判，並記錄談判結果。'],
      ['P3.1.7', '使用相關媒體關係支持行銷活動。', '運用社群媒體與相關媒體關係支持行銷活動。'],
    ])
    expect(stored?.carriedFrom?.added.map((i) => i.key)).toEqual(['K28'])
    expect(stored?.carriedFrom?.removed.map((i) => i.key)).toEqual(['P2.4.2'])
  })

  it('leaves the earlier round untouched on its own version', async () => {
    const { store, old } = await ratedOnV4()
    const record = await database().assessments.get(old.id)
    const before = await database().responses.where('assessmentId').equals(old.id).toArray()
    await store.reassess(old.id, 'TTM4221-002v5')
    expect(await database().assessments.get(old.id)).toEqual(record)
    expect(await database().responses.where('assessmentId').equals(old.id).toArray()).toEqual(
      before,
    )
    expect(store.assessments).toHaveLength(2)
  })

  it('stores nothing when the write fails (all or nothing)', async () => {
    const { store, old } = await ratedOnV4()
    vi.spyOn(database().responses, 'bulkAdd').mockRejectedValueOnce(new Error('disk'))
    await expect(store.reassess(old.id, 'TTM4221-002v5')).rejects.toThrow('disk')
    expect((await database().assessments.toArray()).map((a) => a.id)).toEqual([old.id])
    vi.restoreAllMocks()
  })

  it('refuses a standard that is not on this device, storing nothing', async () => {
    const { store, old } = await ratedOnV4()
    await expect(store.reassess(old.id, 'TTM4221-002v9')).rejects.toThrow()
    expect(await database().assessments.count()).toBe(1)
  })

  it('does not pass the notice on to a plain next round', async () => {
    const { store, old } = await ratedOnV4()
    const round = await store.reassess(old.id, 'TTM4221-002v5')
    const third = await store.newRound(round.id)
    expect(third.standardId).toBe('TTM4221-002v5')
    expect((await database().assessments.get(third.id))?.carriedFrom).toBeUndefined()
  })

  it('keeps a backup with a carried round valid', async () => {
    const { store, old } = await ratedOnV4()
    const round = await store.reassess(old.id, 'TTM4221-002v5')
    const backup = await exportBackup()
    const read = parseBackup('backup.json', JSON.stringify(backup))
    expect(read.ok).toBe(true)
    if (read.ok)
      expect(read.value.tables.assessments.find((a) => a.id === round.id)?.carriedFrom).toEqual(
        round.carriedFrom,
      )
  })
})

describe("the reassess button and the carried round's page", () => {
  it('offers to reassess a v4 assessment, and opens the new round with its notice', async () => {
    const { pinia, old } = await ratedOnV4()
    const router = makeRouter()
    await router.push('/assessments')
    const list = mount(AssessmentsView, { global: { plugins: [pinia, router] } })
    await until(() => list.find(`[data-reassess-for="${old.id}"]`).exists())
    const bar = list.get(`[data-reassess-for="${old.id}"]`)
    expect(bar.text()).toContain('TTM4221-002v5')
    await bar.get('[data-testid="reassess"]').trigger('click')
    await until(() => router.currentRoute.value.name === 'rate')
    const id = String(router.currentRoute.value.params.id)
    // Once carried, the older round links to the new one rather than offering a second.
    await until(() => !list.find('[data-testid="reassess"]').exists())
    expect(list.get(`[data-reassess-for="${old.id}"] a`).text()).toBe('已在 V5 重新自評')
    list.unmount()

    const page = mount(RateView, { props: { id }, global: { plugins: [pinia, router] } })
    await until(() => page.find('[data-testid="carry-over"]').exists())
    const notice = page.get('[data-testid="carry-over"]')
    expect(notice.text()).toContain('已沿用 2 項評分')
    const keys = (list: string) =>
      notice
        .findAll(`[data-list="${list}"] [data-carry-key]`)
        .map((li) => li.attributes('data-carry-key'))
    expect(keys('changed')).toEqual(['P1.1.2', 'P3.1.7'])
    expect(keys('added')).toEqual(['K28'])
    expect(keys('removed')).toEqual(['P2.4.2'])
    const changed = notice.get('[data-list="changed"] [data-carry-key="P1.1.2"]').text()
    expect(changed).toContain('依據供應商報價預算進行談判。')
    expect(changed).toContain('依據供應商報價與預算進行談判，並記錄談判結果。')
    await until(() => page.find('.rating-card[data-item-key="K28"]').exists())
    const mark = (key: string) =>
      page
        .find(`.rating-card[data-item-key="${key}"] [data-carry-mark]`)
        .attributes('data-carry-mark')
    expect(mark('P1.1.2')).toBe('changed')
    expect(mark('K28')).toBe('added')
    expect(page.find('.rating-card[data-item-key="P1.1.1"] [data-carry-mark]').exists()).toBe(false)
    expect(page.find('.rating-card[data-item-key="P2.4.2"]').exists()).toBe(false)
    page.unmount()
    // Two whole pages mounted one after the other: longer than one component on a busy machine.
  }, 30_000)

  it('offers nothing for an assessment on the newest version', async () => {
    const { pinia, store, old } = await ratedOnV4()
    const round = await store.reassess(old.id, 'TTM4221-002v5')
    const router = makeRouter()
    await router.push('/assessments')
    const list = mount(AssessmentsView, { global: { plugins: [pinia, router] } })
    await until(() => list.findAll('[data-assessment-id]').length === 2)
    expect(list.find(`[data-reassess-for="${round.id}"]`).exists()).toBe(false)
    list.unmount()
  })
})
