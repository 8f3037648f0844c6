import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  BACKUP_MAX_BYTES,
  buildBackup,
  parseBackup,
  type BackupTables,
} from '@/domain/files/backup'
import { parseStandardFile } from '@/domain/standard/parse'
import { checkAgainst } from '@/domain/io/issues'
import { checkSize } from '@/domain/io/size'
import { problemsOf, type FileProblem, type ParseResult } from '@/domain/io/problems'
import { describeFailure, describePlace, describeProblem, formatSize } from '@/i18n/problems'
import type { Locale } from '@/i18n'
import { makeStandard } from '../fixtures/standard'

const TITLE = '王小明・旅遊業營運主管・2026-11-20'
const tables: BackupTables = {
  settings: [{ key: 'welcome', value: true }],
  standards: [],
  assessments: [
    {
      id: 'a1',
      standardId: 'TTM4221-002v4',
      title: TITLE,
      subject: { name: '王小明', employeeId: 'E01', department: '', jobTitle: '' },
      scaleId: 'proficiency-5',
      targets: { duties: {}, tasks: { 'T1.1': 3 } },
      round: 1,
      previousId: null,
      createdAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      lastItemKey: 'P1.1.1',
    },
  ],
  responses: [
    {
      assessmentId: 'a1',
      itemKey: 'P1.1.1',
      rating: 4,
      note: '',
      evidence: '',
      updatedAt: '2026-11-01T09:00:00.000Z',
    },
    {
      assessmentId: 'a1',
      itemKey: 'K01',
      rating: 'na',
      note: '',
      evidence: '',
      updatedAt: '2026-11-01T09:00:00.000Z',
    },
  ],
  reviews: [],
  reviewRatings: [],
  receivedReviews: [],
  planActions: [],
  reviewPlanActions: [],
  reviewerKeys: [],
}
const goodBackup = buildBackup(tables, '2026-11-02T00:00:00.000Z')
const goodStandard = makeStandard()
const json = (value: unknown) => JSON.stringify(value)

function problems<T>(result: ParseResult<T>): FileProblem[] {
  if (result.ok) throw new Error('the file was accepted')
  return problemsOf(result)
}
const only = <T>(result: ParseResult<T>): FileProblem => {
  const found = problems(result)
  expect(found.map((p) => p.code)).toHaveLength(1)
  return found[0]!
}
const sentences = (p: FileProblem) => ({
  'zh-TW': describeProblem(p, 'zh-TW'),
  en: describeProblem(p, 'en'),
})

/** A sentence must never show the schema's own words. */
function expectNoSchemaPath(text: string): void {
  expect(text).not.toMatch(/tables\.|duties\.|responses\.|Invalid input|[a-z]+\.\d+\.[a-z]+/)
}

const duty = (code: string) => ({
  kind: 'record',
  record: 'duty',
  label: { text: code, quoted: false },
})
const task = (code: string) => ({
  kind: 'record',
  record: 'task',
  label: { text: code, quoted: false },
})
const indicator = (code: string) => ({
  kind: 'record',
  record: 'indicator',
  label: { text: code, quoted: false },
})
const assessment = { kind: 'record', record: 'assessment', label: { text: TITLE, quoted: true } }
const item = (key: string) => ({
  kind: 'record',
  record: 'item',
  label: { text: key, quoted: false },
})
const field = (name: string) => ({ kind: 'field', field: name })

describe('problems in a standard file', () => {
  it('a blank indicator text: the duty, task and indicator by their codes, and the text', () => {
    const broken = structuredClone(goodStandard)
    broken.duties[1]!.tasks[0]!.indicators[0]!.text = '  '
    const p = only(parseStandardFile('x.json', json(broken)))
    expect(p).toEqual({
      code: 'invalid-field',
      params: { issue: { kind: 'empty', of: 'text' } },
      place: [duty('T2'), task('T2.1'), indicator('P2.1.1'), field('text')],
    })
    expect(sentences(p)).toEqual({
      'zh-TW': '主要職責 T2 › 工作任務 T2.1 › 行為指標 P2.1.1：文字不可空白',
      en: 'Duty T2 › task T2.1 › indicator P2.1.1: the text is empty',
    })
  })

  it('an unknown K code: the task that names it, and the code', () => {
    const broken = structuredClone(goodStandard)
    broken.duties[0]!.tasks[1]!.knowledge.push('K99')
    const p = only(parseStandardFile('x.json', json(broken)))
    expect(p).toEqual({
      code: 'unknown-reference',
      params: { target: 'knowledge', name: 'K99' },
      place: [duty('T1'), task('T1.2')],
    })
    expect(sentences(p)).toEqual({
      'zh-TW': '主要職責 T1 › 工作任務 T1.2：找不到知識 K99',
      en: 'Duty T1 › task T1.2: there is no knowledge item K99',
    })
  })

  it('a level out of range names the indicator, the level and the bound', () => {
    const broken = structuredClone(goodStandard)
    broken.duties[0]!.tasks[0]!.indicators[2]!.level = 7
    const p = only(parseStandardFile('x.json', json(broken)))
    expect(p.params).toEqual({
      issue: { kind: 'out-of-range', value: 7, minimum: null, maximum: 6 },
    })
    expect(p.place).toEqual([
      duty('T1'),
      task('T1.1'),
      indicator('P1.1.3'),
      field('competencyLevel'),
    ])
    expect(sentences(p)['zh-TW']).toBe(
      '主要職責 T1 › 工作任務 T1.1 › 行為指標 P1.1.3：職能級別 7 超過上限 6',
    )
  })

  it('a missing field and a wrong type are named as the standard names them', () => {
    const { title: _title, ...noTitle } = goodStandard
    const missing = only(parseStandardFile('x.json', json(noTitle)))
    expect(missing).toEqual({
      code: 'invalid-field',
      params: { issue: { kind: 'missing' } },
      place: [field('occupationTitle')],
    })
    expect(sentences(missing)).toEqual({
      'zh-TW': '缺少職業名稱',
      en: 'The occupation title is missing',
    })

    const wrong = only(parseStandardFile('x.json', json({ ...goodStandard, level: '3' })))
    expect(wrong.params).toEqual({
      issue: { kind: 'wrong-type', expected: ['number'], values: [] },
    })
    expect(sentences(wrong)).toEqual({
      'zh-TW': '基準級別應為數字',
      en: 'The standard level should be a number',
    })
  })

  it('a record without its code is named by its position', () => {
    const broken = structuredClone(goodStandard) as unknown as { duties: { code?: string }[] }
    delete broken.duties[1]!.code
    const p = only(parseStandardFile('x.json', json(broken)))
    expect(p.place).toEqual([
      { kind: 'record', record: 'duty', label: { position: 2 } },
      field('code'),
    ])
    expect(sentences(p)).toEqual({
      'zh-TW': '第 2 項主要職責：缺少代碼',
      en: 'Duty no. 2: the code is missing',
    })
  })

  it('a newer format version asks for a newer app; an unknown one is named', () => {
    const newer = only(parseStandardFile('x.json', json({ ...goodStandard, formatVersion: 9 })))
    expect(newer).toEqual({
      code: 'version-newer',
      params: { kind: 'standard', found: 9, supported: 2 },
      place: [],
    })
    expect(sentences(newer)['zh-TW']).toContain('第 9 版')
    expect(sentences(newer).en).toContain('format version 9')
    const odd = only(parseStandardFile('x.json', json({ ...goodStandard, formatVersion: 'one' })))
    expect(odd.code).toBe('version-unsupported')
    expect(sentences(odd).en).toBe(
      'Format version "one" is not supported (this app reads version 2)',
    )
  })

  it('footnotes, repeated codes and unused items are placed on their records', () => {
    const broken = structuredClone(goodStandard)
    broken.duties[0]!.tasks[0]!.indicators[1]!.footnotes = [{ n: 1, after: '不存在' }]
    broken.knowledge.push({ code: 'K03', text: '孤立的知識' })
    const found = problems(parseStandardFile('x.json', json(broken)))
    expect(found.map((p) => describeProblem(p, 'zh-TW'))).toEqual([
      '主要職責 T1 › 工作任務 T1.1 › 行為指標 P1.1.2 › 【註1】標注：【註1】標在「不存在」之後，但文字中沒有「不存在」',
      '知識 K03：沒有任何工作任務用到 K03',
    ])
  })
})

describe('problems in a backup', () => {
  it('a note too long: the assessment by its title, the item and 備註', () => {
    const broken = structuredClone(goodBackup)
    broken.tables.responses[1]!.note = '記'.repeat(20_001)
    const p = only(parseBackup('b.json', json(broken)))
    expect(p).toEqual({
      code: 'invalid-field',
      params: {
        issue: { kind: 'too-long', maximum: 20_000, length: 20_001, unit: 'characters' },
      },
      place: [assessment, item('K01'), field('note')],
    })
    expect(sentences(p)).toEqual({
      'zh-TW': `自評「${TITLE}」 › 項目 K01：備註太長：20001 字，上限 20000 字`,
      en: `Assessment “${TITLE}” › item K01: the note is too long: 20001 characters, at most 20000`,
    })
  })

  it('a rating off the scale names the value and the scale in the interface language', () => {
    const broken = structuredClone(goodBackup)
    broken.tables.responses[0]!.rating = 6
    const p = only(parseBackup('b.json', json(broken)))
    expect(p).toEqual({
      code: 'off-scale',
      params: { value: 6, scale: 'proficiency-5' },
      place: [assessment, item('P1.1.1')],
    })
    expect(sentences(p)).toEqual({
      'zh-TW': `自評「${TITLE}」 › 項目 P1.1.1：評分 6 不在量尺「五級熟練度」上`,
      en: `Assessment “${TITLE}” › item P1.1.1: the rating 6 is not on the scale “Five proficiency steps”`,
    })
  })

  it('a rating of the wrong type says what it should be', () => {
    const broken = structuredClone(goodBackup)
    ;(broken.tables.responses[0] as { rating: unknown }).rating = 'excellent'
    const p = only(parseBackup('b.json', json(broken)))
    expect(p).toEqual({
      code: 'invalid-field',
      params: { issue: { kind: 'wrong-type', expected: ['number'], values: ['na'] } },
      place: [assessment, item('P1.1.1'), field('rating')],
    })
    expect(sentences(p)['zh-TW']).toBe(`自評「${TITLE}」 › 項目 P1.1.1：評分應為數字或「na」`)
  })

  it('a missing name is 姓名 of the 受評者', () => {
    const broken = structuredClone(goodBackup) as unknown as {
      tables: { assessments: { subject: { name?: string } }[] }
    }
    delete broken.tables.assessments[0]!.subject.name
    const p = only(parseBackup('b.json', json(broken)))
    expect(p.place).toEqual([assessment, field('subject'), field('personName')])
    expect(sentences(p)).toEqual({
      'zh-TW': `自評「${TITLE}」 › 受評者：缺少姓名`,
      en: `Assessment “${TITLE}” › person assessed: the name is missing`,
    })
  })

  it('a rating of no assessment is named by its item, and the missing assessment by its id', () => {
    const broken = structuredClone(goodBackup)
    broken.tables.responses[0]!.assessmentId = 'zz'
    const p = only(parseBackup('b.json', json(broken)))
    expect(p).toEqual({
      code: 'unknown-reference',
      params: { target: 'assessment', name: 'zz' },
      place: [item('P1.1.1')],
    })
    expect(sentences(p).en).toBe('Item P1.1.1: there is no assessment zz')
  })

  it('a newer backup version asks for a newer app', () => {
    const p = only(parseBackup('b.json', json({ ...goodBackup, version: 4 })))
    expect(p).toEqual({
      code: 'version-newer',
      params: { kind: 'backup', found: 4, supported: 3 },
      place: [],
    })
    expect(sentences(p)['zh-TW']).toBe(
      '這個備份檔是第 4 版格式，比這個 App 能讀的第 3 版新；請先更新 GapLens',
    )
  })

  it('text that is not JSON says where it stops', () => {
    const p = only(parseBackup('b.json', '{\n  "format": "gaplens-backup",\n  "version": 1,'))
    expect(p.code).toBe('not-json')
    expect(p.params).toEqual({ line: 3, column: 16 })
    expect(sentences(p)['zh-TW']).toBe('檔案內容不是有效的 JSON（第 3 行第 16 字附近）')
  })
})

describe('the sentences', () => {
  const broken = structuredClone(goodBackup)
  broken.tables.responses[0]!.rating = 6
  ;(broken.tables.responses[1] as { rating: unknown }).rating = 'excellent'
  broken.tables.responses[1]!.note = '記'.repeat(20_001)
  broken.tables.assessments[0]!.subject.name = ''
  broken.tables.assessments[0]!.targets.tasks['T1.1'] = 9
  const standard = structuredClone(goodStandard)
  standard.duties[0]!.tasks[0]!.indicators[0]!.text = ''
  standard.duties[0]!.tasks[0]!.indicators[1]!.level = 0
  standard.duties[1]!.tasks[0]!.outputs[0]!.code = 'O2.11'
  standard.footnotes[0]!.text = ''
  const failures = [
    parseBackup('b.json', json(broken)),
    parseStandardFile('s.json', json(standard)),
  ]

  it.each(['zh-TW', 'en'] as Locale[])('in %s carry the codes and never a schema path', (lang) => {
    for (const result of failures) {
      if (result.ok) throw new Error('accepted')
      for (const p of problemsOf(result)) {
        const text = describeProblem(p, lang)
        expectNoSchemaPath(text)
        for (const step of p.place)
          if (step.kind === 'record' && 'text' in step.label)
            expect(text).toContain(step.label.text)
      }
    }
  })

  it('show at most three problems and say how many more', () => {
    const result = failures[1]!
    if (result.ok) throw new Error('accepted')
    // The emptied text also loses the words its footnote follows: five problems in all.
    expect(problemsOf(result)).toHaveLength(5)
    const zh = describeFailure(result, 'zh-TW')
    expect(zh.split('；')).toHaveLength(3)
    expect(zh).toMatch(/（另有 2 個問題）$/)
    expect(describeFailure(result, 'en')).toMatch(/ \(and 2 more\)$/)
  })

  it('a place reads as steps', () => {
    expect(describePlace([duty('T1'), task('T1.3'), indicator('P1.3.2')] as never, 'zh-TW')).toBe(
      '主要職責 T1 › 工作任務 T1.3 › 行為指標 P1.3.2',
    )
  })
})

describe('field issues from any schema', () => {
  // The mapping is generic: a file type brings its schema and the names of its records.
  const Schema = z.strictObject({
    kind: z.enum(['self', 'review']),
    code: z.string().min(3),
    items: z.array(z.string()).max(1),
    count: z.number().min(1),
    when: z.iso.date(),
  })
  const layout = {
    keys: {
      kind: { field: 'scale' as const },
      code: { field: 'code' as const },
      items: { field: 'tasks' as const },
      count: { field: 'round' as const },
      when: { field: 'date' as const },
    },
  }
  it('maps each zod issue to a kind a person can read', () => {
    const result = checkAgainst(
      'f.json',
      { kind: 'boss', code: 'ab', items: ['a', 'b'], count: 0, when: '2026-02-30', extra: 1 },
      Schema,
      layout,
    )
    const found = problems(result).map((p) => (p.code === 'invalid-field' ? p.params.issue : p))
    expect(found).toEqual([
      { kind: 'not-allowed', allowed: ['self', 'review'] },
      { kind: 'too-short', minimum: 3, unit: 'characters' },
      { kind: 'too-long', maximum: 1, length: 2, unit: 'entries' },
      { kind: 'out-of-range', value: 0, minimum: 1, maximum: null },
      { kind: 'bad-format', format: 'date', value: '2026-02-30' },
      { kind: 'unknown-key', keys: ['extra'] },
    ])
    const en = problems(result).map((p) => describeProblem(p, 'en'))
    expect(en).toEqual([
      'The scale should be “self” or “review”',
      'The code must have at least 3 characters',
      'Too many entries in the tasks: 2, at most 1',
      'The round 0 is below the minimum 1',
      'The date “2026-02-30” is not a valid date (write it like 2026-11-20)',
      'Unknown fields: “extra”',
    ])
  })
})

describe('the size guard', () => {
  it('lets a file within the limit through and refuses a larger one by its size', () => {
    expect(checkSize({ name: 'ok.json', size: BACKUP_MAX_BYTES }, BACKUP_MAX_BYTES)).toBeNull()
    const refused = checkSize({ name: 'big.json', size: BACKUP_MAX_BYTES + 1 }, BACKUP_MAX_BYTES)
    expect(refused).toMatchObject({
      ok: false,
      file: 'big.json',
      problem: {
        code: 'too-large',
        params: { size: BACKUP_MAX_BYTES + 1, limit: BACKUP_MAX_BYTES },
      },
    })
  })

  it('says the size and the limit as a person reads them', () => {
    expect(BACKUP_MAX_BYTES).toBe(50 * 1024 * 1024)
    const refused = checkSize({ name: 'big.json', size: 72.45 * 1024 * 1024 }, BACKUP_MAX_BYTES)!
    expect(describeFailure(refused, 'zh-TW')).toBe('檔案大小 72.5 MB，超過上限 50 MB')
    expect(describeFailure(refused, 'en')).toBe('the file is 72.5 MB, over the limit of 50 MB')
    expect(formatSize('en', 812)).toBe('812 bytes')
    expect(formatSize('zh-TW', 41_164)).toBe('40.2 KB')
    // One byte over the limit does not read as the limit.
    expect(formatSize('en', BACKUP_MAX_BYTES + 1)).toBe('50.1 MB')
  })
})
