import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseStandardFile } from '@/domain/standard/parse'
import type { Standard } from '@/domain/standard/schema'
import { problemsOf } from '@/domain/io/problems'
import { describeFailure, describeProblem } from '@/i18n/problems'
import { LEVEL_DESCRIPTORS } from '@/domain/levels'
import { makeStandard } from '../fixtures/standard'
import { STANDARD_SCHEMA_PATH, standardJsonSchemaText } from '../tools/json-schema'

const dir = new URL('../../data/standards/', import.meta.url)
// Every file in the folder: adding a standard the README's way must need no change here.
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
const SEED_IDS = ['TTM4221-002v4', 'THM3514-lodging-ecommerce']

function load(file: string): Standard {
  const result = parseStandardFile(file, readFileSync(new URL(file, dir), 'utf8'))
  if (!result.ok) throw new Error(`${file}: ${describeFailure(result, 'en')}`)
  return result.value
}

describe('data/standards', () => {
  it('holds the seed standards among its files, each id once', () => {
    const ids = files.map((file) => load(file).id)
    expect(ids).toEqual(expect.arrayContaining(SEED_IDS))
    expect(new Set(ids).size).toBe(files.length)
  })

  it.each(files)('%s validates against the schema', (file) => {
    const result = parseStandardFile(file, readFileSync(new URL(file, dir), 'utf8'))
    expect(result.ok ? 'valid' : describeFailure(result, 'en')).toBe('valid')
  })

  it.each(files)('%s is named after its id and records its editorial judgements', (file) => {
    const standard = load(file)
    expect(`${standard.id}.json`).toBe(file)
    expect(standard.editorial.length).toBeGreaterThan(0)
  })

  it('data/schema/standard.schema.json is generated from the current schema (npm run schema)', () => {
    expect(readFileSync(STANDARD_SCHEMA_PATH, 'utf8')).toBe(standardJsonSchemaText())
  })
})

describe('a broken standard file', () => {
  const good = makeStandard()
  const text = (value: unknown) => JSON.stringify(value)
  /** A refused file's name, its problems, and how they read in each language. */
  const refused = (file: string, body: string) => {
    const result = parseStandardFile(file, body)
    if (result.ok) throw new Error('accepted a broken file')
    return {
      file: result.file,
      problems: problemsOf(result),
      codes: problemsOf(result).map((p) => p.code),
      zh: describeFailure(result, 'zh-TW'),
      en: describeFailure(result, 'en'),
    }
  }

  it('accepts the fixture as a control', () => {
    expect(parseStandardFile('ok.json', text(good)).ok).toBe(true)
  })

  it('is rejected when it is not JSON, naming the file', () => {
    const failure = refused('broken.json', '{"formatVersion": 1,')
    expect(failure.file).toBe('broken.json')
    expect(failure.codes).toEqual(['not-json'])
    expect(failure.zh).toBe('檔案內容不是有效的 JSON（第 1 行第 21 字附近）')
  })

  it('is rejected when it is not an object', () => {
    const failure = refused('list.json', '[1, 2]')
    expect(failure.codes).toEqual(['not-an-object'])
    expect(failure.en).toBe('the file does not hold a JSON object')
  })

  it('is rejected with a wrong format version', () => {
    const failure = refused('v9.json', text({ ...good, formatVersion: 9 }))
    expect(failure.problems).toEqual([
      { code: 'version-newer', params: { kind: 'standard', found: 9, supported: 2 }, place: [] },
    ])
    expect(failure.zh).toBe(
      '這個職能基準檔是第 9 版格式，比這個 App 能讀的第 2 版新；請先更新 GapLens',
    )
  })

  it('is rejected when a field is missing, naming the field', () => {
    const { title: _title, ...rest } = good
    const failure = refused('x.json', text(rest))
    expect(failure.zh).toBe('缺少職業名稱')
    expect(failure.en).toBe('the occupation title is missing')
  })

  it('is rejected when a task names an unknown K item, naming task and code', () => {
    const broken = structuredClone(good)
    broken.duties[0]!.tasks[0]!.knowledge.push('K99')
    expect(refused('x.json', text(broken)).zh).toBe('主要職責 T1 › 工作任務 T1.1：找不到知識 K99')
  })

  it('is rejected when a K item is used by no task', () => {
    const broken = structuredClone(good)
    broken.knowledge.push({ code: 'K03', text: '孤立的知識' })
    expect(refused('x.json', text(broken)).en).toBe('knowledge item K03: no task uses K03')
  })

  it('is rejected when a level is out of range', () => {
    const broken = structuredClone(good)
    broken.duties[0]!.tasks[0]!.indicators[0]!.level = 7
    expect(refused('x.json', text(broken)).zh).toBe(
      '主要職責 T1 › 工作任務 T1.1 › 行為指標 P1.1.1：職能級別 7 超過上限 6',
    )
  })

  it('is rejected when a footnote anchor is not in its text or a footnote hangs nowhere', () => {
    const broken = structuredClone(good)
    broken.duties[0]!.tasks[0]!.indicators[0]!.footnotes = [{ n: 1, after: '不存在' }]
    expect(refused('x.json', text(broken)).en).toBe(
      'duty T1 › task T1.1 › indicator P1.1.1 › footnote mark 1: footnote 1 is marked after “不存在”, but the text has no “不存在”',
    )
    const orphan = structuredClone(good)
    orphan.footnotes.push({ n: 3, text: '無處可掛' })
    expect(refused('x.json', text(orphan)).zh).toBe('【註3】：沒有任何地方標注【註3】')
  })

  it('is rejected when a code repeats or a task sits under the wrong duty', () => {
    const broken = structuredClone(good)
    broken.duties[1]!.tasks[0]!.code = 'T1.1'
    const failure = refused('x.json', text(broken))
    // The attitude matrix named T2.1, which is gone now.
    expect(failure.codes).toEqual(['duplicate', 'task-outside-duty', 'unknown-reference'])
    expect(failure.zh.split('；')).toEqual([
      '主要職責 T2 › 工作任務 T1.1：T1.1 重複出現',
      '主要職責 T2 › 工作任務 T1.1：工作任務 T1.1 的代碼應以「T2.」開頭',
      '態度 A01：找不到工作任務 T2.1',
    ])
  })
})

describe('a version 1 file (one industry, editorial notes without a language)', () => {
  /** A version 2 standard written back as version 1 was. */
  const asV1 = (standard: Standard) => {
    const { industries, editorial, ...rest } = standard
    return {
      ...rest,
      formatVersion: 1,
      industry: industries[0],
      editorial: editorial.map(({ lang: _lang, ...note }) => note),
    }
  }
  const read = (value: unknown) => {
    const result = parseStandardFile('v1.json', JSON.stringify(value))
    if (!result.ok) throw new Error(describeFailure(result, 'en'))
    return result.value
  }

  it('reads as version 2: its industry the one of the list, its notes in English', () => {
    const note = { where: 'T1.1', source: '任務一', decision: 'Kept as published.', lang: 'en' }
    const v2 = makeStandard({ editorial: [note] })
    const lifted = read(asV1(v2))
    expect(lifted.formatVersion).toBe(2)
    expect(lifted.industries).toEqual([{ name: '測試行業', code: 'X99' }])
    expect(lifted.editorial).toEqual([note])
    expect(lifted).toStrictEqual(v2)
  })

  it.each(files)('%s written as version 1 reads as the bundled file', (file) => {
    const bundled = load(file)
    expect(read(asV1(bundled))).toStrictEqual(bundled)
  })

  it('a version 1 file with dates and notes on every version entry reads as it was', () => {
    const versions = [
      {
        version: 'V1',
        code: 'TST1234-001v1',
        title: '測試',
        status: '最新版本',
        note: '略',
        date: '2024-12-15',
      },
    ]
    expect(read(asV1(makeStandard({ versions }))).versions).toEqual(versions)
  })

  it('a version 1 file without its industry is refused in the terms of version 2', () => {
    const { industry: _industry, ...broken } = asV1(makeStandard())
    const result = parseStandardFile('v1.json', JSON.stringify(broken))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(describeFailure(result, 'zh-TW')).toBe('行業別至少要有一項')
    expect(describeFailure(result, 'en')).toBe('the industries must not be empty')
  })

  it('a problem in a further industry is placed on it', () => {
    const broken = makeStandard({
      industries: [
        { name: '測試行業', code: 'X99' },
        { name: '第二行業', code: '' },
      ],
    })
    const result = parseStandardFile('x.json', JSON.stringify(broken))
    expect(result.ok ? 'valid' : describeFailure(result, 'zh-TW')).toBe(
      '行業別 › 第 2 筆：代碼不可空白',
    )
  })
})

describe('footnote marks of version 2, placed on their records', () => {
  /** Every problem of a file, each as a sentence. */
  const refused = (value: unknown, locale: 'zh-TW' | 'en') => {
    const result = parseStandardFile('x.json', JSON.stringify(value))
    return result.ok
      ? 'valid'
      : problemsOf(result)
          .map((p) => describeProblem(p, locale))
          .join('; ')
  }

  it('on an output, a task title, an attitude and the description', () => {
    const good = makeStandard()
    const broken = structuredClone(good)
    broken.duties[0]!.tasks[0]!.outputs[0]!.footnotes = [{ n: 1, after: '不存在' }]
    broken.duties[0]!.tasks[0]!.titleFootnotes = [{ n: 9 }]
    broken.attitudes[0]!.footnotes = [{ n: 2, after: '被動' }]
    broken.descriptionFootnotes = [{ n: 3 }]
    expect(refused(broken, 'en').split('; ')).toEqual([
      'Footnote marks in the work description › footnote mark 3: there is no footnote 3',
      'Duty T1 › task T1.1 › footnote marks in the title › footnote mark 9: there is no footnote 9',
      'Duty T1 › task T1.1 › work output O1.1.1 › footnote mark 1: footnote 1 is marked after “不存在”, but the text has no “不存在”',
      'Attitude A01 › footnote mark 2: footnote 2 is marked after “被動”, but the text has no “被動”',
    ])
    expect(refused(broken, 'zh-TW').split('; ')[1]).toBe(
      '主要職責 T1 › 工作任務 T1.1 › 名稱的註釋標注 › 【註9】標注：沒有【註9】這則註釋',
    )
  })
})

describe('official level descriptors', () => {
  it('equal the table in shared/icap-levels.md', () => {
    const md = readFileSync(new URL('../../../shared/icap-levels.md', import.meta.url), 'utf8')
    const rows = [...md.matchAll(/^\| ([1-6]) \| (.+?) \|$/gm)].map((m) => [
      Number(m[1]),
      m[2]!.replace(/\s*\(one copy reads.*\)$/, '').trim(),
    ])
    expect(rows).toHaveLength(6)
    expect(Object.fromEntries(rows)).toEqual(LEVEL_DESCRIPTORS)
  })
})
