/** @vitest-environment happy-dom */
/**
 * The export dialog: JSON (sealed, protected if asked, the passphrase typed twice) or CSV,
 * downloaded through the browser with the file's name shown.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ExportDialog from '@/components/files/ExportDialog.vue'
import { saveResponse } from '@/db/assessments'
import { PROTECTED_FORMAT } from '@/domain/io/protect'
import { locale } from '@/i18n'
import { freshDatabase, startFixtureAssessment, until } from './helpers'

const downloads = vi.hoisted(() => ({
  made: [] as { fileName: string; text: string; type: string }[],
}))
vi.mock('@/composables/useDownload', () => ({
  downloadText: (fileName: string, text: string, type: string) =>
    downloads.made.push({ fileName, text, type }),
}))

freshDatabase()
beforeEach(() => {
  locale.value = 'zh-TW'
  downloads.made.length = 0
})

const at = '2026-11-24T02:00:00.000Z'

async function mountDialog() {
  const { pinia, record } = await startFixtureAssessment()
  await saveResponse(record.id, 'P1.1.1', { rating: 2, note: '=1+1', evidence: '', updatedAt: at })
  await saveResponse(record.id, 'K01', { rating: 'na', note: '', evidence: '', updatedAt: at })
  const wrapper = mount(ExportDialog, {
    props: {
      open: true,
      assessmentId: record.id,
      title: record.title,
      names: { subject: '王小明', standard: '測試職業' },
    },
    global: { plugins: [pinia] },
    attachTo: document.body,
  })
  return { wrapper, record }
}

describe('the export dialog', () => {
  it('downloads a sealed JSON file by default and names it', async () => {
    const { wrapper, record } = await mountDialog()
    const named = wrapper.get('[data-testid="export-file-name"]').text()
    expect(named).toMatch(/^檔名：王小明-測試職業-\d{4}-\d{2}-\d{2}\.gaplens\.json$/)
    await wrapper.get('form').trigger('submit')
    await until(() => wrapper.find('[data-testid="export-done"]').exists())
    const file = downloads.made.at(-1)!
    expect(file.fileName).toMatch(/^王小明-測試職業-\d{4}-\d{2}-\d{2}\.gaplens\.json$/)
    expect(file.type).toBe('application/json')
    const parsed = JSON.parse(file.text)
    expect(parsed.format).toBe('gaplens-assessment')
    expect(parsed.assessment.id).toBe(record.id)
    expect(parsed.assessment.ratings).toEqual([
      expect.objectContaining({ item: 'P1.1.1', rating: 2, note: '=1+1' }),
      expect.objectContaining({ item: 'K01', rating: 'na' }),
    ])
    expect(parsed.integrity.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(wrapper.get('[data-testid="export-done"]').text()).toContain(file.fileName)
    expect(named).toBe(`檔名：${file.fileName}`)
  })

  it('refuses passphrases that do not match, and says so; nothing is downloaded', async () => {
    const { wrapper } = await mountDialog()
    await wrapper.get('[data-testid="export-protect"]').setValue(true)
    expect(wrapper.text()).toContain('通關密語遺失就無法開啟這個檔案')
    await wrapper.get('[data-testid="export-passphrase"]').setValue('correct horse')
    await wrapper.get('[data-testid="export-passphrase-again"]').setValue('correct hose')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[data-testid="export-problem"]').text()).toBe('兩次輸入的通關密語不相同。')
    expect(downloads.made).toHaveLength(0)

    // An empty passphrase is refused too.
    await wrapper.get('[data-testid="export-passphrase"]').setValue('')
    await wrapper.get('[data-testid="export-passphrase-again"]').setValue('')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[data-testid="export-problem"]').text()).toContain('請輸入通關密語')
    expect(downloads.made).toHaveLength(0)
  })

  it('protects the JSON file when the two passphrases match', async () => {
    const { wrapper } = await mountDialog()
    await wrapper.get('[data-testid="export-protect"]').setValue(true)
    await wrapper.get('[data-testid="export-passphrase"]').setValue('correct horse')
    await wrapper.get('[data-testid="export-passphrase-again"]').setValue('correct horse')
    await wrapper.get('form').trigger('submit')
    await until(() => downloads.made.length === 1, 10_000)
    const parsed = JSON.parse(downloads.made[0]!.text)
    expect(parsed.format).toBe(PROTECTED_FORMAT)
    expect(downloads.made[0]!.text).not.toContain('=1+1')
    expect(wrapper.find('[data-testid="export-problem"]').exists()).toBe(false)
  })

  it('downloads CSV: BOM, CRLF, a formula-like note made inert', async () => {
    const { wrapper } = await mountDialog()
    await wrapper.get('[data-format="csv"]').setValue(true)
    expect(wrapper.get('[data-testid="export-file-name"]').text()).toMatch(/\.csv$/)
    // Protection is a JSON matter: it is not offered for CSV.
    expect(wrapper.find('[data-testid="export-protect"]').exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    await until(() => downloads.made.length === 1)
    const file = downloads.made[0]!
    expect(file.fileName).toMatch(/\.csv$/)
    expect(file.type).toContain('text/csv')
    expect(file.text.startsWith('\uFEFF')).toBe(true)
    expect(file.text).toContain('\r\n')
    expect(file.text).toContain("'=1+1")
  })

  it('keeps Tab within the dialog', async () => {
    const { wrapper } = await mountDialog()
    const download = wrapper.get('[data-testid="export-download"]')
    ;(download.element as HTMLElement).focus()
    await download.trigger('keydown', { key: 'Tab' })
    expect(document.activeElement).toBe(wrapper.get('[data-format="json"]').element)
    await wrapper.get('[data-format="json"]').trigger('keydown', { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(download.element)
    wrapper.unmount()
  })

  it('speaks English when the interface does', async () => {
    locale.value = 'en'
    const { wrapper } = await mountDialog()
    expect(wrapper.get('h2').text()).toBe('Export the assessment file')
    await wrapper.get('[data-testid="export-protect"]').setValue(true)
    await wrapper.get('[data-testid="export-passphrase"]').setValue('a')
    await wrapper.get('[data-testid="export-passphrase-again"]').setValue('b')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[data-testid="export-problem"]').text()).toBe(
      'The two passphrases are not the same.',
    )
  })
})
