import { describe, expect, it } from 'vitest'
import type { StoredStandard } from '@/domain/files/backup'
import { checkAddedStandards } from '@/domain/files/backup-standards'
import {
  chosenTables,
  mergePlan,
  missingStandards,
  unknownItems,
  SHOWN_ITEMS,
  type DeviceIndex,
  type KnownStandard,
} from '@/domain/files/restore-plan'
import { problemsOf } from '@/domain/io/problems'
import { utf8Length } from '@/domain/io/size'
import { STANDARD_FILE_MAX_BYTES } from '@/domain/standard/import/draft'
import { makeStandard } from '../fixtures/standard'
import { AT, backupTables, makeAssessmentRecord, makeResponseRecord } from '../fixtures/records'

const LATER = '2026-11-20T09:00:00.000Z'
const assessment = (id: string, standardId: string, updatedAt = AT) =>
  makeAssessmentRecord(id, { standardId, updatedAt })
const response = (assessmentId: string, itemKey: string) =>
  makeResponseRecord(assessmentId, itemKey)
const tables = backupTables
const TST: KnownStandard = {
  id: 'TST1234-001v1',
  title: '測試職業',
  code: 'TST1234-001v1',
  keys: ['P1.1.1', 'K01', 'S01'],
}
const known = new Map([[TST.id, TST]])
const nothingHere: DeviceIndex = {
  assessments: new Map(),
  reviews: new Map(),
  standards: new Set(),
  settings: new Set(),
  received: new Set(),
}

describe('what a backup needs that the device lacks', () => {
  it('counts the records of each missing standard, named where the backup names it', () => {
    const t = tables({
      assessments: [assessment('a', 'GONE-1'), assessment('b', 'GONE-1'), assessment('c', TST.id)],
    })
    const hints = new Map([['GONE-1', { title: '消失的職業', code: 'GONE1234-001v1' }]])
    expect(missingStandards(t, known, hints)).toEqual([
      { id: 'GONE-1', title: '消失的職業', code: 'GONE1234-001v1', assessments: 2, reviews: 0 },
    ])
    expect(missingStandards(t, known)[0]).toMatchObject({ title: null, code: null })
  })

  it('lists the codes a standard does not have, the first few, and counts them all', () => {
    const codes = Array.from({ length: SHOWN_ITEMS + 3 }, (_, i) => `K${50 + i}`)
    const t = tables({
      assessments: [assessment('a', TST.id), assessment('b', 'GONE-1')],
      responses: [
        response('a', 'K01'),
        ...codes.map((k) => response('a', k)),
        response('b', 'K90'),
      ],
    })
    const [found, ...others] = unknownItems(t, known)
    expect(others).toEqual([])
    expect(found!.standard).toEqual({ id: TST.id, title: '測試職業', code: 'TST1234-001v1' })
    expect(found!.items).toEqual(codes.slice(0, SHOWN_ITEMS))
    expect(found!.distinct).toBe(codes.length)
    // The missing standard's ratings are not judged: there is nothing to judge them by.
    expect(found!.ratings).toBe(codes.length)
  })
})

describe('the person’s choices', () => {
  const t = tables({
    assessments: [assessment('a', TST.id), assessment('gone', 'GONE-1')],
    responses: [response('a', 'K01'), response('a', 'K99'), response('gone', 'X1')],
    receivedReviews: [],
  })

  it('keeps everything when asked to', () => {
    expect(chosenTables(t, known, { missingStandards: 'keep', unknownItems: 'keep' })).toEqual(t)
  })

  it('leaves out a missing standard’s assessments with their responses', () => {
    const chosen = chosenTables(t, known, { missingStandards: 'skip', unknownItems: 'keep' })
    expect(chosen.assessments.map((a) => a.id)).toEqual(['a'])
    expect(chosen.responses.map((r) => r.itemKey)).toEqual(['K01', 'K99'])
  })

  it('leaves out ratings of codes their standard lacks, and only those', () => {
    const chosen = chosenTables(t, known, { missingStandards: 'keep', unknownItems: 'skip' })
    expect(chosen.responses.map((r) => r.itemKey)).toEqual(['K01', 'X1'])
  })
})

describe('adding to what is on the device', () => {
  it('adds what is new, takes a newer copy whole, and keeps the device’s newer one', () => {
    const device: DeviceIndex = {
      ...nothingHere,
      assessments: new Map([
        ['older-here', AT],
        ['newer-here', LATER],
      ]),
      settings: new Set(['shown']),
    }
    const plan = mergePlan(
      tables({
        settings: [
          { key: 'shown', value: 'backup' },
          { key: 'new', value: 1 },
        ],
        assessments: [
          assessment('new', TST.id),
          assessment('older-here', TST.id, LATER),
          assessment('newer-here', TST.id, AT),
        ],
        responses: [
          response('new', 'K01'),
          response('older-here', 'K01'),
          response('newer-here', 'K01'),
        ],
      }),
      device,
    )
    expect(plan.assessments).toEqual({ added: 1, updated: 1, kept: 1 })
    expect(plan.put.assessments.map((a) => a.id)).toEqual(['new', 'older-here'])
    expect(plan.put.responses.map((r) => r.assessmentId)).toEqual(['new', 'older-here'])
    expect(plan.replacedAssessments).toEqual(['older-here'])
    expect(plan.put.settings).toEqual([{ key: 'new', value: 1 }])
  })

  it('the same backup twice adds nothing the second time', () => {
    const t = tables({ assessments: [assessment('a', TST.id)], responses: [response('a', 'K01')] })
    const device = { ...nothingHere, assessments: new Map([['a', AT]]) }
    const plan = mergePlan(t, device)
    expect(plan.assessments).toEqual({ added: 0, updated: 0, kept: 1 })
    expect(plan.put.assessments).toEqual([])
    expect(plan.put.responses).toEqual([])
  })
})

describe('the standards a backup brings', () => {
  const stored = (id: string, body: string): StoredStandard => ({
    id,
    file: `${id}.json`,
    body,
    addedAt: AT,
  })

  it('takes a good one, and refuses garbage, an app’s own id, and one of 40 MB by its size', () => {
    const good = makeStandard({ id: 'MINE-1', code: null, title: '我的職業' })
    const huge = `{"title":"${'職'.repeat(14 * 1024 * 1024)}"}`
    expect(utf8Length(huge)).toBeGreaterThan(40 * 1024 * 1024)
    const { valid, refused } = checkAddedStandards(
      [
        stored('MINE-1', JSON.stringify(good)),
        stored('JUNK', 'garbage'),
        stored('TST1234-001v1', JSON.stringify(makeStandard())),
        stored('HUGE', huge),
      ],
      new Set(['TST1234-001v1']),
    )
    expect(valid.map((v) => v.standard)).toEqual([good])
    expect(refused.map((r) => [r.id, problemsOf(r.failure)[0]!.code])).toEqual([
      ['JUNK', 'not-json'],
      ['TST1234-001v1', 'same-id-as-other-file'],
      ['HUGE', 'too-large'],
    ])
    const tooLarge = problemsOf(refused[2]!.failure)[0]!
    expect(tooLarge.params).toEqual({ size: utf8Length(huge), limit: STANDARD_FILE_MAX_BYTES })
    // Named by what its body says of itself, where it can be read.
    expect(refused[1]).toMatchObject({ title: '測試職業', code: 'TST1234-001v1' })
  })
})

describe('counting UTF-8', () => {
  it('counts bytes as the file would hold them', () => {
    for (const text of ['', 'abc', '職能', 'é', '😀', 'a職😀é'])
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
  })
})
