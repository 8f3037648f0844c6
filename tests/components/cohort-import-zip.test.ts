/**
 * Hostile .zip files through the cohort import, each refused with the sentence it must give in
 * the interface language (not the reader's English), and the limits that hold for a batch of
 * archives together, not for each one.
 */
import { describe, expect, it } from 'vitest'
import { strToU8 } from 'fflate'
import { MAX_ASSESSMENT_FILE_BYTES, assessmentFileText } from '@/domain/files/assessment-file'
import { locale } from '@/i18n'
import { useCohortStore } from '@/stores/cohort'
import { MAX_ARCHIVE_BYTES, MAX_ARCHIVE_ENTRIES } from '@/workers/zip'
import { freshDatabase, freshPinia } from './helpers'
import { makeFile } from './cohort-files'
import { craftZip, deflated, hostileZips, type CraftedEntry } from '../fixtures/hostile-zips'

const database = freshDatabase()

/** What each refusal must say in zh-TW, after the file's name. */
const SAID: Record<string, string> = {
  'not-a-zip.zip':
    '這不是 .zip 壓縮檔（找不到 zip 的目錄）：也許只是檔名以 .zip 結尾，或沒有下載完整；請重新壓縮或重新下載後再匯入',
  'broken-directory.zip':
    '.zip 壓縮檔已損毀（目錄或檔案的標頭不完整）；請重新壓縮或重新下載後再匯入',
  'broken-header.zip/a.json':
    '.zip 壓縮檔已損毀（目錄或檔案的標頭不完整）；請重新壓縮或重新下載後再匯入',
  'garbage.zip/a.json': '.zip 壓縮檔已損毀（目錄或檔案的標頭不完整）；請重新壓縮或重新下載後再匯入',
  'grows.zip/a.json':
    '這個檔案解壓後的大小與 .zip 記載的不符：壓縮檔已損毀或被刻意改過，所以沒有解開它；請用原始檔案重新壓縮後再匯入',
  'shrinks.zip/a.json':
    '這個檔案解壓後的大小與 .zip 記載的不符：壓縮檔已損毀或被刻意改過，所以沒有解開它；請用原始檔案重新壓縮後再匯入',
  'empty-blocks.zip/a.json':
    '這個檔案解壓後的大小與 .zip 記載的不符：壓縮檔已損毀或被刻意改過，所以沒有解開它；請用原始檔案重新壓縮後再匯入',
  'stored-lies.zip/a.json':
    '這個檔案解壓後的大小與 .zip 記載的不符：壓縮檔已損毀或被刻意改過，所以沒有解開它；請用原始檔案重新壓縮後再匯入',
  'encrypted.zip/a.json':
    '這個檔案在 .zip 裡以 zip 密碼加密，GapLens 無法開啟；請解壓縮後直接匯入檔案，或不設密碼重新壓縮',
  'bzip2.zip/a.json':
    '這個檔案在 .zip 裡的壓縮方式（第 12 種）GapLens 無法讀取；請用一般的 zip 壓縮（Deflate）重新壓縮',
  'many.zip':
    '這批的 .zip 合計超過 20,000 個項目，超過一次匯入的上限，所以這個 .zip 沒有匯入；請分成幾批匯入',
}

const zipFile = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name)

describe('hostile .zip files', () => {
  it('are each refused with the sentence they must give, in zh-TW and in English, and nothing is stored', async () => {
    await freshPinia()
    const store = useCohortStore()
    const hostile = hostileZips()
    const good = assessmentFileText(await makeFile(1))
    await store.importFiles([
      ...hostile.map((z) => zipFile(z.bytes, z.name)),
      zipFile(craftZip([deflated('good.json', good)]), 'good.zip'),
    ])
    expect(store.status).toBe('done')
    expect(store.progress).toMatchObject({ kept: 1, rejected: hostile.length })
    expect(await database().cohortFiles.count()).toBe(1)
    expect(store.failures.map((f) => [f.file, f.problem.code])).toEqual(
      hostile.map((z) => [z.refused, z.code]),
    )
    expect(Object.fromEntries(store.rejected.map((r) => [r.name, r.reason]))).toEqual(SAID)

    locale.value = 'en'
    try {
      const said = Object.fromEntries(store.rejected.map((r) => [r.name, r.reason]))
      expect(said['grows.zip/a.json']).toBe(
        'this file does not unpack to the size the .zip says: the archive is damaged or was altered on purpose, so it was not unpacked; zip the original files again',
      )
      expect(said['many.zip']).toBe(
        'the .zip files of this batch hold more than 20,000 entries, more than one import takes, so this .zip was not imported; import them in smaller batches',
      )
      // Every reason in English (after the file's name and a colon), none in Chinese.
      for (const reason of Object.values(said)) expect(reason).not.toMatch(/[\u4e00-\u9fff]/)
    } finally {
      locale.value = 'zh-TW'
    }
  }, 30_000)
})

describe('limits that hold for the batch, not for each archive', () => {
  /** Entries that each claim the largest size an entry may have, and hold a few bytes. */
  const claiming = (count: number, prefix: string): CraftedEntry[] =>
    Array.from({ length: count }, (_, i) =>
      deflated(`${prefix}-${i}.json`, '{}', MAX_ASSESSMENT_FILE_BYTES),
    )

  it('a .zip that would take the batch past what its archives may unpack to is refused whole', async () => {
    await freshPinia()
    const store = useCohortStore()
    // Each archive alone is within the limit (12 × 50 MB = 600 MB of 1,000 MB), not both.
    const perArchive = 12
    expect(perArchive * MAX_ASSESSMENT_FILE_BYTES).toBeLessThan(MAX_ARCHIVE_BYTES)
    expect(2 * perArchive * MAX_ASSESSMENT_FILE_BYTES).toBeGreaterThan(MAX_ARCHIVE_BYTES)
    await store.importFiles([
      zipFile(craftZip(claiming(perArchive, 'a')), 'first.zip'),
      zipFile(craftZip(claiming(perArchive, 'b')), 'second.zip'),
    ])
    expect(store.progress).toEqual({
      done: perArchive + 1,
      total: perArchive + 1,
      rejected: perArchive + 1,
      kept: 0,
    })
    // The first archive's entries were opened (and each found to lie); the second was not.
    expect(store.failures.slice(0, perArchive).map((f) => f.problem.code)).toEqual(
      Array(perArchive).fill('zip-entry-size'),
    )
    expect(store.rejected.at(-1)).toEqual({
      name: 'second.zip',
      reason:
        '這批的 .zip 解壓後合計 1,200 MB，超過一次匯入的上限 1,000 MB，所以這個 .zip 沒有匯入；請分成幾批匯入',
    })
  }, 30_000)

  it('a .zip that would take the batch past its entries is refused whole', async () => {
    await freshPinia()
    const store = useCohortStore()
    // Entries larger than a file may be: each refused by its size, none read.
    const oversized = (count: number, prefix: string) =>
      craftZip(
        Array.from({ length: count }, (_, i) => ({
          name: `${prefix}-${i}.json`,
          data: strToU8('x'),
          size: MAX_ASSESSMENT_FILE_BYTES + 1,
        })),
      )
    const first = MAX_ARCHIVE_ENTRIES - 100
    await store.importFiles([
      zipFile(oversized(first, 'a'), 'first.zip'),
      zipFile(oversized(101, 'b'), 'second.zip'),
    ])
    expect(store.progress).toMatchObject({ done: first + 1, rejected: first + 1, kept: 0 })
    expect(store.failures[0]!.problem.code).toBe('too-large')
    expect(store.rejected.at(-1)).toEqual({ name: 'second.zip', reason: SAID['many.zip'] })
  }, 60_000)
})
