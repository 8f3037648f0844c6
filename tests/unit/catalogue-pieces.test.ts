/**
 * The small pieces of the catalogue: cleaning the parser's texts, ids, the index's guard, what
 * the offline cache holds, and a transcription beside its published text among versions.
 */
import { describe, expect, it } from 'vitest'
import {
  CleanLog,
  cleanText,
  isoDate,
  requirementLines,
  splitOutputs,
} from '@/domain/catalogue/text'
import { fingerprint, isTranscription, transcriptionId } from '@/domain/catalogue/ids'
import { readCatalogueIndex } from '@/domain/catalogue/entry'
import { offlineState, sizeText } from '@/domain/catalogue/offline'
import { groupFamilies, newerVersion } from '@/domain/standard/versions'
import { makeStandard } from '../fixtures/standard'
import { entryOf, indexOf, makeTranscription } from '../fixtures/catalogue'

describe('cleaning the parser’s texts', () => {
  it('takes out whole and broken footnote marks, and says where', () => {
    const log = new CleanLog()
    expect(cleanText('服務細節【註2】。', 'P1.1.3', log)).toBe('服務細節。')
    expect(cleanText('耗電密度（EUI）【註 1】，提出', 'P2.1.1', log)).toBe('耗電密度（EUI），提出')
    expect(cleanText('選用【註化妝品3】及相關用品', 'P3.1.1', log)).toBe('選用化妝品及相關用品')
    expect(cleanText('修護計畫方案【3】', 'T1.1', log)).toBe('修護計畫方案')
    expect(log.places.get('footnote-marks')).toEqual(['P1.1.3', 'P2.1.1', 'P3.1.1', 'T1.1'])
  })

  it('removes the PDF’s spaces inside Chinese text, keeping those beside Latin words', () => {
    const log = new CleanLog()
    expect(cleanText('確認網站類型 。', 'P1', log)).toBe('確認網站類型。')
    expect(cleanText('MV影片 、 詞曲影片', 'O1', log)).toBe('MV影片、詞曲影片')
    expect(cleanText('機構圖、Layout 圖等', 'O2', log)).toBe('機構圖、Layout 圖等')
    expect(cleanText('（ TotalRadiatedPower ）', 'O3', log)).toBe('（TotalRadiatedPower）')
    expect(cleanText('  兩個\n  段落  ')).toBe('兩個段落')
    expect(log.places.get('spaces')).toEqual(['P1', 'O1', 'O3'])
  })

  it('splits outputs at 、 only outside brackets', () => {
    expect(splitOutputs('甲、乙（如：丙、丁）、戊')).toEqual(['甲', '乙（如：丙、丁）', '戊'])
    expect(splitOutputs('計算書與評估報告/ 設計說明')).toEqual(['計算書與評估報告/ 設計說明'])
  })

  it('reads dates, and the requirements’ lines without the PDF’s page marks', () => {
    expect(isoDate('2019/1/17')).toBe('2019-01-17')
    expect(isoDate('2019/2/30')).toBeNull()
    expect(isoDate('')).toBeNull()
    expect(
      requirementLines(
        '第4頁，總共5頁 說明與補充事項 • 高中職以上畢業。 \uf06c（以下擇一） \uf09f 具一年經驗。',
      ),
    ).toEqual({ lines: ['高中職以上畢業。', '（以下擇一）', '具一年經驗。'], removed: true })
  })
})

describe('ids of transcriptions', () => {
  it('are stable, and never the bare code a published text takes', () => {
    expect(fingerprint('會計主管')).toBe(fingerprint('會計主管'))
    expect(fingerprint('會計主管')).not.toBe(fingerprint('會計助理'))
    expect(fingerprint('')).toBe('811c9dc5')
    expect(transcriptionId('FAC1211-001v2', '會計主管', false)).toBe('FAC1211-001v2.parsed')
    expect(transcriptionId('FAC1211-001v2', '會計主管', true)).toBe(
      `FAC1211-001v2.parsed-${fingerprint('會計主管')}`,
    )
    expect(transcriptionId(null, '會計主管', false)).toBe(`parsed-${fingerprint('會計主管')}`)
    expect(transcriptionId('BAS 3332/001', '會展', false)).toBe('BAS-3332-001.parsed')
    expect(isTranscription(makeTranscription())).toBe(true)
    expect(isTranscription(makeStandard())).toBe(false)
  })
})

describe('the index’s guard', () => {
  it('reads the index the build writes, and refuses anything else', () => {
    const index = indexOf([entryOf(makeTranscription())])
    expect(readCatalogueIndex(JSON.parse(JSON.stringify(index)))).toEqual(index)
    expect(readCatalogueIndex({ ...index, formatVersion: 2 })).toBeNull()
    expect(readCatalogueIndex('<html>')).toBeNull()
    const outside = entryOf(makeTranscription(), { file: '../../etc/passwd.json' })
    expect(readCatalogueIndex(indexOf([outside]))).toBeNull()
  })
})

describe('the catalogue offline', () => {
  it('counts what a cache holds, lacks, and holds of an earlier build', () => {
    const a = entryOf(makeTranscription({ id: 'A.parsed' }), {
      file: 'catalogue/standards/A.parsed.1.json',
    })
    const b = entryOf(makeTranscription({ id: 'B.parsed' }), {
      file: 'catalogue/standards/B.parsed.2.json',
    })
    const bundled = entryOf(makeStandard(), { file: null, bundled: 'TST1234-001v1' })
    const state = offlineState(indexOf([a, b, bundled]), [
      'https://intranet/hr/gaplens/catalogue/standards/A.parsed.1.json',
      'https://intranet/hr/gaplens/catalogue/standards/A.parsed.0.json',
      'https://intranet/hr/gaplens/assets/index.js',
    ])
    expect(state).toEqual({
      cached: 1,
      missing: ['catalogue/standards/B.parsed.2.json'],
      stale: ['https://intranet/hr/gaplens/catalogue/standards/A.parsed.0.json'],
    })
    expect(sizeText(8_636_504)).toBe('8.6 MB')
    expect(sizeText(420)).toBe('1 kB')
  })
})

describe('a transcription beside its published text', () => {
  it('is older than the published text of the same version, which is offered to reassess on', () => {
    const transcription = makeTranscription({ id: 'TST1234-001v1.parsed', code: 'TST1234-001v1' })
    const published = makeStandard()
    const [family] = groupFamilies([transcription, published])
    expect(family!.members.map((s) => s.id)).toEqual(['TST1234-001v1', 'TST1234-001v1.parsed'])
    expect(newerVersion([transcription, published], transcription)?.id).toBe('TST1234-001v1')
    expect(newerVersion([transcription, published], published)).toBeUndefined()
  })
})
