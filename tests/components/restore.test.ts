/** @vitest-environment happy-dom */
/**
 * Restoring a backup from Settings, as a person does it (the panel, its dialog, the backup
 * store; the restore runs on this thread here, as it does where there is no worker): hostile
 * backups each give their message, the person chooses add or replace and what to do with what
 * the device cannot show, and a restore that fails half-way leaves the device as it was.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import BackupPanel from '@/components/settings/BackupPanel.vue'
import { exportBackup, RESTORE_CHUNK } from '@/db/backup'
import { buildBackup, type BackupTables } from '@/domain/files/backup'
import { locale } from '@/i18n'
import { useBackupStore } from '@/stores/backup'
import { freshDatabase, freshPinia, until } from './helpers'
import { AT, backupTables, makeAssessmentRecord, makeResponseRecord } from '../fixtures/records'

const database = freshDatabase()
const DIR = 'tests/fixtures/backups'

interface Expected {
  name: string
  about: string
  /** 'refused': the file is refused whole; 'checked': the dialog names what it found. */
  outcome: 'refused' | 'checked'
  says: string
  saysEn: string
}
const corpus = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected[]

const LATER = '2026-11-20T09:00:00.000Z'
const assessment = (id: string, title: string, updatedAt = AT) =>
  makeAssessmentRecord(id, { title, updatedAt })
const response = makeResponseRecord

function backupText(tables: Partial<BackupTables>): string {
  return JSON.stringify(buildBackup(backupTables(tables), '2026-11-02T00:00:00.000Z'))
}

beforeEach(() => {
  locale.value = 'zh-TW'
})
afterEach(() => {
  vi.restoreAllMocks()
})

async function mountPanel(): Promise<VueWrapper> {
  const pinia = await freshPinia()
  const wrapper = mount(BackupPanel, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

/** Chooses a file in the panel's restore input and waits for the check to end. */
async function choose(wrapper: VueWrapper, name: string, text: string, size?: number) {
  const file = new File([text], name, { type: 'application/json' })
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size })
  const input = wrapper.get('[data-testid="restore-input"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await until(() => {
    const phase = useBackupStore().phase
    return phase !== 'idle' && phase !== 'checking'
  }, 10_000)
  await flushPromises()
}

async function confirm(wrapper: VueWrapper) {
  await wrapper.get('[data-testid="restore-confirm"]').trigger('click')
  await until(() => ['done', 'failed'].includes(useBackupStore().phase), 10_000)
  await flushPromises()
}

const titles = async () => (await database().assessments.toArray()).map((a) => a.title).sort()

describe('hostile backups, each with its message', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const wrapper = await mountPanel()
    await database().assessments.add(assessment('mine', '我自己的'))
    await choose(wrapper, c.name, readFileSync(join(DIR, c.name), 'utf8'))
    const where = () =>
      c.outcome === 'refused'
        ? wrapper.get('[data-testid="restore-refused"]').text()
        : wrapper.get('[data-testid="restore-dialog"]').text()
    expect(wrapper.find('[data-testid="restore-dialog"]').exists()).toBe(c.outcome === 'checked')
    expect(where()).toContain(c.says)
    expect(where()).not.toMatch(/Maximum call stack|tables\.|Invalid input/)
    locale.value = 'en'
    await flushPromises()
    expect(where()).toContain(c.saysEn)
    // Nothing is written before the person confirms.
    expect(await titles()).toEqual(['我自己的'])
    wrapper.unmount()
  })

  it('refuses a backup over 50 MB by its size, unread', async () => {
    const wrapper = await mountPanel()
    const text = vi.fn()
    const file = new File(['{}'], 'huge.json')
    Object.defineProperty(file, 'size', { value: 60 * 1024 * 1024 })
    Object.defineProperty(file, 'text', { value: text })
    const input = wrapper.get('[data-testid="restore-input"]')
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    await until(() => wrapper.find('[data-testid="restore-refused"]').exists())
    expect(wrapper.get('[data-testid="restore-refused"]').text()).toBe(
      '無法還原「huge.json」：檔案大小 60 MB，超過上限 50 MB。目前的資料沒有任何變動。',
    )
    expect(text).not.toHaveBeenCalled()
  })
})

describe('the backup file', () => {
  it('downloads the whole database as the file a restore reads', async () => {
    const wrapper = await mountPanel()
    await database().assessments.add(assessment('a', '甲'))
    await database().responses.add(response('a', 'K01', 4))
    const made: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      made.push(blob as Blob)
      return 'blob:backup'
    })
    const button = wrapper.findAll('button').find((b) => b.text().includes('下載備份'))!
    await button.trigger('click')
    await until(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"]').text()).toMatch(
      /^已下載備份「gaplens-backup-\d{4}-\d{2}-\d{2}\.json」。$/,
    )
    const text = await made[0]!.text()
    const { exportedAt } = JSON.parse(text) as { exportedAt: string }
    expect(text).toBe(`${JSON.stringify(await exportBackup(exportedAt), null, 2)}\n`)
  })
})

describe('add or replace', () => {
  it('adds a backup to what is here: new ones added, the newer copy of each kept', async () => {
    const wrapper = await mountPanel()
    const db = database()
    await db.assessments.bulkAdd([
      assessment('mine', '我自己的'),
      assessment('both-old-here', '這裡較舊', AT),
      assessment('both-new-here', '這裡較新', LATER),
    ])
    await db.responses.bulkAdd([response('both-old-here', 'K01', 1), response('mine', 'K01', 2)])
    await choose(
      wrapper,
      'supervisor.json',
      backupText({
        assessments: [
          assessment('theirs', '備份的'),
          assessment('both-old-here', '備份較新', LATER),
          assessment('both-new-here', '備份較舊', AT),
        ],
        responses: [response('both-old-here', 'P1.1.1', 4), response('theirs', 'K02', 5)],
      }),
    )
    const dialog = wrapper.get('[data-testid="restore-dialog"]')
    expect(dialog.text()).toContain('有 3 份自評、2 筆評分')
    expect(dialog.text()).toContain('兩邊都有的自評或主管檢視（2 份）保留較新的版本')
    expect(dialog.find('[data-testid="replace-warning"]').exists()).toBe(false)
    await confirm(wrapper)
    expect(wrapper.get('[data-testid="restore-done"]').text()).toBe(
      '已從「supervisor.json」加入 1 份自評與 0 份主管檢視；1 份換成備份中較新的版本，1 份保留這台裝置上較新的版本。',
    )
    expect(await titles()).toEqual(['備份的', '備份較新', '我自己的', '這裡較新'])
    // The newer copy came whole: its responses, not the device's older ones.
    expect(await db.responses.where('assessmentId').equals('both-old-here').toArray()).toEqual([
      response('both-old-here', 'P1.1.1', 4),
    ])
    expect(await db.responses.where('assessmentId').equals('mine').count()).toBe(1)
  })

  it('says what replacing deletes before it does, then holds only the backup', async () => {
    const wrapper = await mountPanel()
    await database().assessments.bulkAdd([assessment('a', '甲'), assessment('b', '乙')])
    await choose(wrapper, 'b.json', backupText({ assessments: [assessment('c', '丙')] }))
    await wrapper.get('input[data-mode="replace"]').setValue(true)
    expect(wrapper.get('[data-testid="replace-warning"]').text()).toBe(
      '這台裝置上目前的 2 份自評與 0 份主管檢視會全部刪除，無法復原。若要保留，請先取消並下載備份。',
    )
    expect(wrapper.get('[data-testid="restore-confirm"]').text()).toBe('全部取代')
    await confirm(wrapper)
    expect(wrapper.get('[data-testid="restore-done"]').text()).toContain(
      '取代了這台裝置上原有的資料',
    )
    expect(await titles()).toEqual(['丙'])
  })

  it('cancelled, it changes nothing', async () => {
    const wrapper = await mountPanel()
    await database().assessments.add(assessment('a', '甲'))
    await choose(wrapper, 'b.json', backupText({ assessments: [assessment('c', '丙')] }))
    const cancel = wrapper
      .get('[data-testid="restore-dialog"]')
      .findAll('button')
      .find((b) => b.text() === '取消')!
    await cancel.trigger('click')
    expect(wrapper.find('[data-testid="restore-dialog"]').exists()).toBe(false)
    expect(await titles()).toEqual(['甲'])
  })
})

describe('what the device cannot show, as the person chooses', () => {
  const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8')

  it('leaves out the assessments of a standard the device lacks, when asked to', async () => {
    const wrapper = await mountPanel()
    await choose(wrapper, 'missing-standard.json', fixture('missing-standard.json'))
    await wrapper.get('input[data-choice="missing-skip"]').setValue(true)
    await confirm(wrapper)
    expect(await titles()).toEqual(['王小明・測試職業'])
    expect(await database().reviews.count()).toBe(0)
    expect((await database().responses.toArray()).map((r) => r.itemKey)).toEqual(['K01'])
  })

  it('keeps them by default, to show as missing their standard', async () => {
    const wrapper = await mountPanel()
    await choose(wrapper, 'missing-standard.json', fixture('missing-standard.json'))
    await confirm(wrapper)
    expect(wrapper.get('[data-testid="restore-done"]').text()).toBe(
      '已從「missing-standard.json」加入 2 份自評與 1 份主管檢視。',
    )
    expect(await titles()).toEqual(['王小明・外星職業', '王小明・測試職業'])
    expect(await database().reviews.count()).toBe(1)
  })

  it('leaves out ratings of codes the standard does not have, when asked to', async () => {
    const wrapper = await mountPanel()
    await choose(wrapper, 'unknown-items.json', fixture('unknown-items.json'))
    await wrapper.get('input[data-choice="unknown-skip"]').setValue(true)
    await confirm(wrapper)
    expect((await database().responses.toArray()).map((r) => r.itemKey)).toEqual(['P1.1.1'])
  })

  it('never stores an added standard it refused', async () => {
    const wrapper = await mountPanel()
    await choose(wrapper, 'garbage-standard.json', fixture('garbage-standard.json'))
    await confirm(wrapper)
    expect(await database().standards.count()).toBe(0)
    expect(await titles()).toEqual(['王小明・壞掉的職業', '王小明・測試職業'])
  })
})

describe('all or nothing', () => {
  it('a full disk half-way through leaves the device as it was, and says what to do', async () => {
    const wrapper = await mountPanel()
    const db = database()
    await db.assessments.add(assessment('mine', '我自己的'))
    await db.responses.add(response('mine', 'K01', 2))
    const before = await exportBackup(AT)
    // 300 assessments of 9 responses: the responses go in two chunks, and the second fails,
    // after every table before it was cleared and written and the first chunk put.
    const many = Array.from({ length: 300 }, (_, i) => assessment(`b${i}`, `備份 ${i}`))
    const keys = ['P1.1.1', 'P1.1.2', 'P1.1.3', 'P1.2.1', 'P2.1.1', 'K01', 'K02', 'S01', 'S02']
    const responses = many.flatMap((a) => keys.map((k) => response(a.id, k, 3)))
    expect(responses.length).toBeGreaterThan(RESTORE_CHUNK)
    await choose(wrapper, 'b.json', backupText({ assessments: many, responses }))
    await wrapper.get('input[data-mode="replace"]').setValue(true)
    const put = db.responses.bulkPut.bind(db.responses)
    let calls = 0
    vi.spyOn(db.responses, 'bulkPut').mockImplementation((...args: Parameters<typeof put>) => {
      calls += 1
      if (calls < 2) return put(...args)
      const full = Object.assign(new Error('QuotaExceededError'), {
        name: 'AbortError',
        inner: { name: 'QuotaExceededError' },
      })
      return Promise.reject(full) as ReturnType<typeof put>
    })
    await confirm(wrapper)
    expect(calls).toBe(2)
    const message = wrapper.get('[data-testid="restore-refused"]').text()
    expect(message).toContain('無法還原「b.json」，目前的資料沒有任何變動。這台裝置的儲存空間已滿')
    expect(message).not.toContain('QuotaExceededError')
    expect(await exportBackup(AT)).toEqual(before)
  })
})
