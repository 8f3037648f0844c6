import { describe, expect, it } from 'vitest'
import { buildBackup, parseBackup, type BackupTables } from '@/domain/files/backup'
import { problemsOf } from '@/domain/io/problems'
import { describeFailure } from '@/i18n/problems'

const tables: BackupTables = {
  settings: [{ key: 'welcome', value: true }],
  standards: [],
  assessments: [
    {
      id: 'a1',
      standardId: 'TTM4221-002v4',
      title: '王小明・旅遊業營運主管',
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
      note: '有帶團經驗',
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
const good = buildBackup(tables, '2026-11-02T00:00:00.000Z')
const text = (value: unknown) => JSON.stringify(value)

/** The problems of a refused backup, and how they read in each language. */
function refused(body: string) {
  const result = parseBackup('backup.json', body)
  if (result.ok) throw new Error('accepted a bad backup')
  expect(result.file).toBe('backup.json')
  const problems = problemsOf(result)
  return {
    codes: problems.map((p) => p.code),
    problems,
    zh: describeFailure(result, 'zh-TW'),
    en: describeFailure(result, 'en'),
  }
}

describe('backup file', () => {
  it('round-trips: build → text → parse gives the same backup', () => {
    const result = parseBackup('backup.json', text(good))
    expect(result.ok && result.value).toEqual(good)
  })

  it('rejects text that is not JSON', () => {
    const bad = refused('{"format": "gaplens-backup", ')
    expect(bad.codes).toEqual(['not-json'])
    expect(bad.zh).toMatch(/^檔案內容不是有效的 JSON/)
    expect(bad.en).toMatch(/^the file is not valid JSON/)
  })

  it('rejects a foreign file', () => {
    for (const body of [text({ name: 'some other app', data: [] }), text([1, 2, 3]), '"a"']) {
      const bad = refused(body)
      expect(bad.problems).toEqual([
        { code: 'wrong-kind', params: { expected: 'backup' }, place: [] },
      ])
      expect(bad.zh).toBe('這不是 GapLens 的備份檔')
      expect(bad.en).toBe('this is not a GapLens backup')
    }
  })

  it('rejects another version, naming it', () => {
    expect(refused(text({ ...good, version: 4 })).problems).toEqual([
      { code: 'version-newer', params: { kind: 'backup', found: 4, supported: 3 }, place: [] },
    ])
    const none = refused(text({ ...good, version: undefined }))
    expect(none.problems).toEqual([
      {
        code: 'version-unsupported',
        params: { kind: 'backup', found: null, supported: 3 },
        place: [],
      },
    ])
    expect(none.zh).toBe('這個備份檔沒有標示格式版本（這個 App 讀第 3 版）')
  })

  it('reads a version-2 backup (before plans) and lifts it to version 3', () => {
    const { planActions: _p, reviewPlanActions: _rp, reviewerKeys: _k, ...v2Tables } = tables
    const result = parseBackup('old.json', text({ ...good, version: 2, tables: v2Tables }))
    if (!result.ok) throw new Error(describeFailure(result, 'en'))
    expect(result.value.version).toBe(3)
    expect(result.value.tables.assessments).toEqual(tables.assessments)
    expect(result.value.tables.planActions).toEqual([])
    expect(result.value.tables.reviewPlanActions).toEqual([])
    expect(result.value.tables.reviewerKeys).toEqual([])
  })

  it('reads a version-1 backup (before reviews) and lifts it to version 3', () => {
    const {
      reviews: _r,
      reviewRatings: _rr,
      receivedReviews: _rv,
      planActions: _p,
      reviewPlanActions: _rp,
      reviewerKeys: _k,
      ...v1Tables
    } = tables
    const result = parseBackup('old.json', text({ ...good, version: 1, tables: v1Tables }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.version).toBe(3)
    expect(result.value.tables.assessments).toEqual(tables.assessments)
    expect(result.value.tables.reviews).toEqual([])
    expect(result.value.tables.receivedReviews).toEqual([])
    // A version-1 file with the review tables is not one the old version wrote: still checked.
    const broken = parseBackup(
      'old.json',
      text({ ...good, version: 1, tables: { ...v1Tables, responses: 'x' } }),
    )
    expect(broken.ok).toBe(false)
  })

  it('rejects a malformed record, naming where in the person’s words', () => {
    const broken = structuredClone(good)
    ;(broken.tables.responses[0] as { rating: unknown }).rating = 'excellent'
    const rating = refused(text(broken))
    expect(rating.codes).toEqual(['invalid-field'])
    expect(rating.zh).toBe('自評「王小明・旅遊業營運主管」 › 項目 P1.1.1：評分應為數字或「na」')
    expect(rating.en).toBe(
      'assessment “王小明・旅遊業營運主管” › item P1.1.1: the rating should be a number or “na”',
    )
    const noName = structuredClone(good)
    noName.tables.assessments[0]!.subject.name = ''
    expect(refused(text(noName)).zh).toBe('自評「王小明・旅遊業營運主管」 › 受評者：姓名不可空白')
  })

  it('rejects ratings of no assessment, repeated items and values off the scale', () => {
    const orphan = structuredClone(good)
    orphan.tables.responses[0]!.assessmentId = 'zz'
    expect(refused(text(orphan)).zh).toBe('項目 P1.1.1：找不到自評 zz')
    const twice = structuredClone(good)
    twice.tables.responses.push(structuredClone(twice.tables.responses[0]!))
    expect(refused(text(twice)).zh).toBe(
      '自評「王小明・旅遊業營運主管」 › 項目 P1.1.1：P1.1.1 重複出現',
    )
    const off = structuredClone(good)
    off.tables.responses[0]!.rating = 6
    expect(refused(text(off)).en).toBe(
      'assessment “王小明・旅遊業營運主管” › item P1.1.1: the rating 6 is not on the scale “Five proficiency steps”',
    )
  })

  it('rejects a setting, a standard or an assessment that appears twice, which restore could not write', () => {
    const settings = structuredClone(good)
    settings.tables.settings.push({ key: 'welcome', value: false })
    expect(refused(text(settings)).zh).toBe('設定 welcome：welcome 重複出現')
    const standards = structuredClone(good)
    const stored = { id: 'X1', file: 'x.json', addedAt: '2026-11-01T08:00:00.000Z', body: '{}' }
    standards.tables.standards.push(stored, structuredClone(stored))
    expect(refused(text(standards)).en).toBe('added standard X1: X1 appears more than once')
    const assessments = structuredClone(good)
    assessments.tables.assessments.push({ ...good.tables.assessments[0]!, title: '另一份' })
    expect(refused(text(assessments)).zh).toBe('自評「另一份」 › 識別碼：a1 重複出現')
  })
})
