import { describe, expect, it } from 'vitest'
import {
  AssessmentFileSchema,
  contentHash,
  sealAssessmentFile,
} from '@/domain/files/assessment-file'
import {
  assessmentBlock,
  assessmentFileName,
  fileContent,
  reviewBlock,
  selfRatingsOf,
} from '@/domain/files/build'
import { assessmentCsv, ASSESSMENT_CSV_COLUMNS } from '@/domain/files/assessment-csv'
import { standardContentHash, standardVersion } from '@/domain/standard/identity'
import {
  disagreements,
  isFlagged,
  matchesReviewFilter,
  ratingDifference,
} from '@/domain/review/compare'
import { rateableItems } from '@/domain/assessment/items'
import { getScale } from '@/domain/assessment/scales'
import type { AssessmentRecord, ItemResponse } from '@/domain/assessment/records'
import { parseCsv } from '@/domain/io/csv'
import { makeStandard } from '../fixtures/standard'

const at = '2026-11-24T02:00:00.000Z'
const standard = makeStandard()
const order = rateableItems(standard).map((i) => i.key)

function response(rating: ItemResponse['rating'], note = '', evidence = ''): ItemResponse {
  return { rating, note, evidence, updatedAt: at }
}

const record: AssessmentRecord = {
  id: 'a-1',
  standardId: standard.id,
  title: '王小明・測試職業・2026-11-24',
  subject: { name: '王小明', employeeId: 'E01', department: '業務部', jobTitle: '專員' },
  scaleId: 'proficiency-5',
  targets: { duties: { T2: 3 }, tasks: {} },
  round: 1,
  previousId: null,
  createdAt: at,
  updatedAt: at,
  lastItemKey: null,
}

describe('standard identity', () => {
  it('reads the version from the table entry with its own code, else the code suffix', () => {
    expect(standardVersion(standard)).toBe('V1')
    expect(standardVersion({ ...standard, versions: [], code: 'TTM4221-002v4' })).toBe('V4')
    expect(standardVersion({ ...standard, versions: [], code: null })).toBeNull()
  })

  it('hashes the content, not the editor hint, and changes with one character', async () => {
    const hash = await standardContentHash(standard)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(
      await standardContentHash({ ...standard, $schema: '../schema/standard.schema.json' }),
    ).toBe(hash)
    expect(await standardContentHash({ ...standard, title: '測試職業。' })).not.toBe(hash)
  })
})

describe('the assessment file, built', () => {
  const responses = new Map<string, ItemResponse>([
    ['K01', response(2, '還在學')],
    ['P1.1.1', response(4)],
    ['P1.1.2', response('na')],
    ['S01', response(null, '', '證照影本')],
    ['S02', response(null)],
  ])

  it('carries rated, n/a and annotated items in reading order, and leaves out the empty', () => {
    const ratings = selfRatingsOf(responses, order)
    expect(ratings.map((r) => r.item)).toEqual(['P1.1.1', 'P1.1.2', 'K01', 'S01'])
    expect(ratings.find((r) => r.item === 'P1.1.2')!.rating).toBe('na')
    expect(ratings.find((r) => r.item === 'S01')).toMatchObject({
      rating: null,
      evidence: '證照影本',
    })
  })

  it('is sealed with the hash of its canonical content and passes its own schema', async () => {
    const identity = {
      id: standard.id,
      code: standard.code,
      version: standardVersion(standard),
      title: standard.title,
      contentHash: await standardContentHash(standard),
    }
    const content = fileContent(
      identity,
      assessmentBlock(record, selfRatingsOf(responses, order)),
      null,
      at,
    )
    const file = await sealAssessmentFile(content)
    expect(AssessmentFileSchema.safeParse(file).success).toBe(true)
    expect(file.integrity.hash).toBe(await contentHash(content))
    const changed = structuredClone(content)
    changed.assessment.ratings[0]!.rating = 5
    expect(await contentHash(changed)).not.toBe(file.integrity.hash)
  })

  it('refuses unknown keys, __proto__ among them, and text beyond the limits', async () => {
    const identity = { id: 'x', code: null, version: null, title: 't', contentHash: 'a'.repeat(64) }
    const file = await sealAssessmentFile(
      fileContent(identity, assessmentBlock(record, []), null, at),
    )
    const withProto = JSON.parse(JSON.stringify(file).replace('{', '{"__proto__":{"polluted":1},'))
    expect(AssessmentFileSchema.safeParse(withProto).success).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const longNote = structuredClone(file)
    longNote.assessment.ratings.push({
      item: 'K01',
      rating: 1,
      note: 'x'.repeat(20_001),
      evidence: '',
      updatedAt: at,
    })
    expect(AssessmentFileSchema.safeParse(longNote).success).toBe(false)
  })

  it('names the file after the person, the standard and the local day, safely', () => {
    expect(assessmentFileName('王小明', '旅宿電商運營人員', new Date(2026, 10, 24, 7, 30))).toBe(
      '王小明-旅宿電商運營人員-2026-11-24.gaplens.json',
    )
    expect(assessmentFileName('a/b:c', 'x*y?', new Date(2026, 0, 2), 'csv')).toBe(
      'a b c-x y-2026-01-02.csv',
    )
  })

  it('keeps only the review items with a rating or a comment', () => {
    const block = reviewBlock(
      {
        reviewer: { name: '陳主管', jobTitle: '經理' },
        comment: '整體不錯',
        startedAt: at,
        updatedAt: at,
      },
      new Map([
        ['K01', { rating: 4, comment: '', updatedAt: at }],
        ['P1.1.1', { rating: null, comment: '請補佐證', updatedAt: at }],
        ['S02', { rating: null, comment: '', updatedAt: at }],
      ]),
      order,
    )
    expect(block.ratings.map((r) => r.item)).toEqual(['P1.1.1', 'K01'])
  })
})

describe('self against supervisor', () => {
  it('takes the difference only between two scale values, and flags two steps or more', () => {
    expect(ratingDifference(2, 4)).toBe(2)
    expect(ratingDifference(4, 3)).toBe(-1)
    expect(ratingDifference('na', 3)).toBeNull()
    expect(ratingDifference(3, null)).toBeNull()
    expect(isFlagged(5, 3)).toBe(true)
    expect(isFlagged(4, 3)).toBe(false)
    expect(isFlagged(null, 1)).toBe(false)
  })

  it('lists disagreements widest first, and filters flagged and unreviewed items', () => {
    const items = rateableItems(standard)
    const self: Record<string, number> = { 'P1.1.1': 1, K01: 5, S01: 3 }
    const sup: Record<string, number> = { 'P1.1.1': 3, K01: 1, S01: 4 }
    const found = disagreements(
      items,
      (k) => self[k],
      (k) => sup[k],
    )
    expect(found.map((d) => [d.key, d.difference])).toEqual([
      ['K01', -4],
      ['P1.1.1', 2],
    ])
    expect(matchesReviewFilter('flagged', 1, 3)).toBe(true)
    expect(matchesReviewFilter('flagged', 3, 4)).toBe(false)
    expect(matchesReviewFilter('unreviewed', 3, null)).toBe(true)
    expect(matchesReviewFilter('unreviewed', 3, 'na')).toBe(false)
  })
})

describe('the assessment CSV', () => {
  it('has one row per item with self, supervisor, difference and flag', () => {
    const text = assessmentCsv({
      standard,
      version: 'V1',
      scale: getScale('proficiency-5'),
      targets: record.targets,
      responses: new Map([
        ['P1.1.1', response(2, '=cmd|"/c calc"!A1')],
        ['K01', response('na')],
      ]),
      review: {
        rating: (k) => ({ 'P1.1.1': 4, K01: 'na' as const })[k],
        comment: (k) => (k === 'P1.1.1' ? '同意，再加強' : ''),
      },
    })
    const rows = parseCsv(text)
    expect(rows[0]).toEqual([...ASSESSMENT_CSV_COLUMNS])
    expect(rows).toHaveLength(1 + order.length)
    const col = (name: string) => ASSESSMENT_CSV_COLUMNS.indexOf(name as never)
    const p111 = rows.find((r) => r[col('item_code')] === 'P1.1.1')!
    expect(p111[col('self_rating')]).toBe('2')
    expect(p111[col('gap')]).toBe('2')
    expect(p111[col('supervisor_rating')]).toBe('4')
    expect(p111[col('difference')]).toBe('2')
    expect(p111[col('flag')]).toBe('true')
    expect(p111[col('note')]).toBe('\'=cmd|"/c calc"!A1')
    const k01 = rows.find((r) => r[col('item_code')] === 'K01')!
    expect(k01[col('na')]).toBe('true')
    expect(k01[col('supervisor_na')]).toBe('true')
    expect(k01[col('gap')]).toBe('')
    const p211 = rows.find((r) => r[col('item_code')] === 'P2.1.1')!
    expect(p211[col('target')]).toBe('3')
    expect(p211[col('duty')]).toBe('T2')
  })
})
