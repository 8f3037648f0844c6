/** @vitest-environment happy-dom */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import AddStandardView from '@/views/AddStandardView.vue'
import { useStandardsStore, type StandardSource } from '@/stores/standards'
import { useAssessmentsStore } from '@/stores/assessments'
import { locale } from '@/i18n'
import { makeStandard } from '../fixtures/standard'
import { freshDatabase, makeRouter, sourcesOf, until } from './helpers'

// Beside the project, as CI has it (happy-dom's import.meta.url is not a file URL).
const seed = readFileSync(
  resolve(process.cwd(), '../shared/seeds/004_3208f0be47afb425.txt'),
  'utf8',
)
const bundled = (): StandardSource[] => sourcesOf({ 'a.json': makeStandard() })

/** A new page load: a new Pinia whose standards are the bundled fixture and those kept. */
async function reload() {
  setActivePinia(createPinia())
  const store = useStandardsStore()
  const { addedSources } = await import('@/stores/standards')
  await store.load([...bundled(), ...(await addedSources())])
  return store
}

describe('standards a person adds', () => {
  freshDatabase()

  it('are kept, offered after a reload, marked as added, and refused twice', async () => {
    let store = await reload()
    const mine = makeStandard({ id: 'MINE-1', code: null, title: '自訂職業' })
    expect(await store.add(mine, 'mine.json')).toEqual({ ok: true })
    expect(store.isAdded('MINE-1')).toBe(true)
    expect(store.isAdded('TST1234-001v1')).toBe(false)

    store = await reload()
    expect(store.get('MINE-1')).toEqual(mine)
    expect(store.isAdded('MINE-1')).toBe(true)
    expect(store.failures).toEqual([])
    // The same id again, or a bundled one's, is refused and names the standard kept.
    expect(await store.add({ ...mine, title: '另一個' }, 'again.json')).toEqual({
      ok: false,
      reason: 'same-id',
      title: '自訂職業',
    })
    expect(await store.add(makeStandard(), 'b.json')).toMatchObject({
      ok: false,
      reason: 'same-id',
    })
  })

  it('are removed only when no assessment uses them, which the refusal lists', async () => {
    const store = await reload()
    const mine = makeStandard({ id: 'MINE-2', code: null })
    await store.add(mine, 'mine.json')
    const assessment = await useAssessmentsStore().create({
      standardId: 'MINE-2',
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    const refused = await store.remove('MINE-2')
    expect(refused).toEqual({
      ok: false,
      uses: [{ kind: 'assessment', id: assessment.id, title: assessment.title }],
    })
    expect(store.get('MINE-2')).toBeDefined()
    // A bundled standard is never removed.
    expect((await store.remove('TST1234-001v1')).ok).toBe(false)

    await useAssessmentsStore().remove(assessment.id)
    expect(await store.remove('MINE-2')).toEqual({ ok: true })
    expect(store.get('MINE-2')).toBeUndefined()
    expect((await reload()).get('MINE-2')).toBeUndefined()
  })
})

describe('an added standard in the backup', () => {
  freshDatabase()

  it('goes out with the backup and comes back with a restore', async () => {
    const store = await reload()
    const mine = makeStandard({ id: 'MINE-3', code: null, title: '備份中的職業' })
    await store.add(mine, 'mine.json')
    const { exportBackup, writeRestore } = await import('@/db/backup')
    const { parseBackup } = await import('@/domain/files/backup')
    const backup = await exportBackup()
    expect(backup.tables.standards.map((s) => s.id)).toEqual(['MINE-3'])

    await store.remove('MINE-3')
    expect((await reload()).get('MINE-3')).toBeUndefined()
    const read = parseBackup('backup.json', JSON.stringify(backup))
    if (!read.ok) throw new Error('backup refused')
    await writeRestore({ mode: 'replace', tables: read.value.tables })
    const after = await reload()
    expect(after.get('MINE-3')).toEqual(mine)
    expect(after.isAdded('MINE-3')).toBe(true)
  })
})

describe('the add page', () => {
  freshDatabase()

  async function mountPage() {
    locale.value = 'zh-TW'
    await reload()
    const router = makeRouter()
    await router.push('/standards/add')
    const wrapper = mount(AddStandardView, { global: { plugins: [router] } })
    await flushPromises()
    return wrapper
  }

  it('previews a pasted standard with what it found and its judgements, then keeps it', async () => {
    const wrapper = await mountPage()
    await wrapper.get('[data-testid="paste-input"]').setValue(seed)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const preview = wrapper.get('[data-testid="draft-preview"]')
    expect(preview.text()).toContain('旅宿電商運營人員')
    expect(wrapper.get('[data-count="duties"] dd').text()).toBe('3')
    expect(wrapper.get('[data-count="tasks"] dd').text()).toBe('10')
    expect(wrapper.find('[data-kind="no-code"]').exists()).toBe(true)
    expect(wrapper.findAll('[data-judgement]').length).toBeGreaterThan(5)

    // Answering a judgement reads the text again: the id proposed for no code is the person's.
    const idInput = wrapper.get('[data-kind="no-code"] input:not([placeholder])')
    await idInput.setValue('THM3514-mine')
    await idInput.trigger('change')
    await flushPromises()
    await wrapper.get('[data-testid="draft-title"]').setValue('旅宿電商運營人員（自訂）')
    await wrapper.get('[data-testid="draft-save"]').trigger('click')
    await until(() => wrapper.find('[data-testid="standard-saved"]').exists())
    expect(wrapper.get('[data-testid="standard-saved"]').text()).toContain(
      '旅宿電商運營人員（自訂）',
    )
    const kept = useStandardsStore().get('THM3514-mine')
    expect(kept?.title).toBe('旅宿電商運營人員（自訂）')
    expect(kept?.editorial.at(-1)).toMatchObject({ where: '職業名稱', lang: 'zh-Hant-TW' })
    expect(useStandardsStore().isAdded('THM3514-mine')).toBe(true)
  })

  it('says why a paste is not a standard, by line, and keeps nothing', async () => {
    const wrapper = await mountPage()
    await wrapper.get('[data-testid="paste-input"]').setValue('會議紀錄\n出席：王小明\n')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const problems = wrapper.get('[data-testid="draft-problems"]').text()
    expect(problems).toContain('第 1 行：找不到「主要職責／工作任務」表格的表頭')
    expect(wrapper.find('[data-testid="draft-preview"]').exists()).toBe(false)
    expect(useStandardsStore().standards).toHaveLength(1)
  })

  it('opens a JSON file and refuses a broken one in the interface language', async () => {
    const wrapper = await mountPage()
    await wrapper.get('input[value="json"]').setValue(true)
    const input = wrapper.get('[data-testid="standard-json-input"]')
    const choose = async (name: string, body: string) => {
      const file = new File([body], name, { type: 'application/json' })
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
      await input.trigger('change')
      await flushPromises()
      await new Promise((r) => setTimeout(r, 0))
      await flushPromises()
    }
    const broken = makeStandard({ id: 'J-1', code: null })
    broken.duties[0]!.tasks[0]!.indicators[0]!.level = 9
    await choose('broken.json', JSON.stringify(broken))
    expect(wrapper.get('[data-testid="draft-problems"]').text()).toContain('P1.1.1')

    await choose(
      'good.json',
      JSON.stringify(makeStandard({ id: 'J-2', code: null, title: '檔案職業' })),
    )
    expect(wrapper.get('[data-testid="draft-preview"]').text()).toContain('檔案職業')
    expect(wrapper.find('[data-judgement]').exists()).toBe(false)
    await wrapper.get('[data-testid="draft-save"]').trigger('click')
    await until(() => wrapper.find('[data-testid="standard-saved"]').exists())
    expect(useStandardsStore().get('J-2')?.title).toBe('檔案職業')
  })
})
