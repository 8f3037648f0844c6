import { describe, expect, it } from 'vitest'
import { analyse } from '@/domain/assessment/gaps'
import { getScale } from '@/domain/assessment/scales'
import { BOM, parseCsv, toCsv } from '@/domain/io/csv'
import { buildCohort } from '@/domain/cohort/cohort'
import { filterCohort } from '@/domain/cohort/filters'
import { pseudonyms, displayName, UNKNOWN_PERSON } from '@/domain/cohort/anonymise'
import {
  COHORT_SUMMARY_COLUMNS,
  COHORT_TIDY_COLUMNS,
  cohortSummaryCsv,
  cohortTidyCsv,
  cohortTidyCsvParts,
} from '@/domain/cohort/csv'
import { cohortStandard, fiveFiles, PEOPLE } from '../fixtures/cohort/five'

const standard = cohortStandard()
const scale = getScale('proficiency-5')
const files = fiveFiles()
const cohort = buildCohort(standard, scale, files)
const label = (n: string) => `成員 ${n}`

function table(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])))
}

describe('the tidy CSV', () => {
  const text = cohortTidyCsv(cohort)
  const rows = table(text)

  it('has the columns, the BOM, CRLF and a row per person, item and duty', () => {
    expect(text.startsWith(BOM)).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/)
    expect(parseCsv(text)[0]).toEqual([...COHORT_TIDY_COLUMNS])
    // 11 items; K01 and A01 in two duties: 13 rows a person.
    expect(rows).toHaveLength(5 * 13)
  })

  it('writes each cell as the maths has it', () => {
    const row = (id: string, item: string, duty: string) =>
      rows.find((r) => r.assessment_id === id && r.item === item && r.duty === duty)!
    expect(row('a-1', 'K01', 'T2')).toEqual({
      person: '王小明',
      department: '業務部',
      job_title: '專員',
      assessment_id: 'a-1',
      round: '1',
      date: '2026-03-02',
      standard_code: 'TST1234-001v1',
      standard_version: 'V1',
      duty: 'T2',
      task: 'T2.1',
      item: 'K01',
      type: 'K',
      level: '3',
      target: '4',
      self: '2',
      supervisor: '4',
      na: 'false',
      gap: '2',
      supervisor_na: 'false',
    })
    // K02 serves T1.1 (level 4) and T1.2 (level 2) of one duty: one row, the higher level.
    expect(row('a-1', 'K02', 'T1')).toMatchObject({ task: 'T1.1 T1.2', level: '4' })
    expect(row('a-1', 'S02', 'T2')).toMatchObject({ supervisor: '', supervisor_na: 'true' })
    // 陳美玲: K02 n/a, P1.1.2 unrated, no review.
    expect(row('c-2', 'K02', 'T1')).toMatchObject({ self: '', na: 'true', gap: '' })
    expect(row('c-2', 'P1.1.2', 'T1')).toMatchObject({ self: '', na: 'false', supervisor_na: '' })
    expect(row('c-2', 'A02', 'role')).toMatchObject({ task: 'role', self: '3', gap: '1' })
    // 張三's own target of 3 for S02.
    expect(row('e-1', 'S02', 'T2')).toMatchObject({ target: '3', self: '2', gap: '1' })
  })

  it('makes a name that begins with = inert', () => {
    expect(rows.filter((r) => r.person === "'=張三")).toHaveLength(13)
    expect(text).not.toMatch(/(^|,)=張三/m)
  })

  it('gives per duty the figures of one assessment', () => {
    files.forEach((file) => {
      const responses = new Map(file.assessment.ratings.map((r) => [r.item, r]))
      const { byDuty } = analyse(standard, scale, file.assessment.targets, responses)
      for (const duty of byDuty) {
        const gaps = rows
          .filter((r) => r.assessment_id === file.assessment.id && r.duty === duty.key)
          .filter((r) => r.gap !== '')
          .map((r) => Number(r.gap))
        expect(gaps.length).toBe(duty.rated)
        const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null
        if (duty.meanGap === null) expect(mean).toBeNull()
        else expect(mean).toBeCloseTo(duty.meanGap, 12)
      }
    })
    // 王小明 in T1: gaps 0 1 2 0 2 1 0 0 over 8 rated items → 6/8.
    const t1 = rows.filter((r) => r.assessment_id === 'a-1' && r.duty === 'T1')
    expect(t1.reduce((sum, r) => sum + Number(r.gap), 0) / t1.length).toBe(0.75)
  })

  it('comes in parts that join to the same text as toCsv writes', () => {
    const parts = [...cohortTidyCsvParts(cohort)]
    expect(parts.join('')).toBe(text)
    const [header, ...body] = parseCsv(text)
    expect(toCsv(header!, body)).toBe(text)
  })

  it('follows a filter', () => {
    const sales = table(cohortTidyCsv(filterCohort(cohort, { departments: ['業務部'] })))
    expect(new Set(sales.map((r) => r.assessment_id))).toEqual(new Set(['a-1', 'b-1']))
  })
})

describe('anonymised mode', () => {
  it('numbers people by a stable order that is not the input order', () => {
    const names = pseudonyms(cohort.members, label)
    expect([...names.values()].sort()).toEqual([
      '成員 001',
      '成員 002',
      '成員 003',
      '成員 004',
      '成員 005',
    ])
    const reversed = pseudonyms([...cohort.members].reverse(), label)
    expect(reversed).toEqual(names)
    const english = pseudonyms(cohort.members, (n) => `Person ${n}`)
    expect(english.get('employee:E01')).toBe(names.get('employee:E01')!.replace('成員', 'Person'))
  })

  it('pads to the number of people', () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ personKey: `k${i}` }))
    const names = pseudonyms(many, label)
    expect(names.size).toBe(1200)
    expect(new Set(names.values()).size).toBe(1200)
    expect([...names.values()].every((n) => /^成員 \d{4}$/.test(n))).toBe(true)
  })

  it('never falls back to a name', () => {
    const m = cohort.members[0]!
    expect(displayName(m)).toBe('王小明')
    expect(displayName(m, new Map())).toBe(UNKNOWN_PERSON)
  })

  it('leaves no name in the tidy CSV', () => {
    const names = pseudonyms(cohort.members, label)
    const text = cohortTidyCsv(cohort, { pseudonyms: names })
    for (const person of PEOPLE) expect(text).not.toContain(person.name.replace('=', ''))
    const rows = table(text)
    expect(new Set(rows.map((r) => r.person))).toEqual(new Set(names.values()))
    const a = rows.find((r) => r.assessment_id === 'a-1')!
    expect(a.person).toBe(names.get('employee:E01'))
  })
})

describe('the summary CSV', () => {
  it('has a row per item with its counts, share and mean gap', () => {
    const text = cohortSummaryCsv(cohort)
    expect(parseCsv(text)[0]).toEqual([...COHORT_SUMMARY_COLUMNS])
    const rows = table(text)
    expect(rows).toHaveLength(11)
    // K01: 3 of 5 below, mean 6/5; S02: 4 of 5, 7/5; P1.1.2: one unrated, 2 of 4, 3/4.
    expect(rows.find((r) => r.item === 'K01')).toMatchObject({
      duties: 'T1 T2',
      tasks: 'T1.1 T2.1',
      rated: '5',
      below: '3',
      share_below: '0.6',
      mean_gap: '1.2',
    })
    expect(rows.find((r) => r.item === 'S02')).toMatchObject({ below: '4', mean_gap: '1.4' })
    expect(rows.find((r) => r.item === 'P1.1.2')).toMatchObject({
      unrated: '1',
      share_below: '0.5',
      mean_gap: '0.75',
    })
    expect(rows.find((r) => r.item === 'A02')).toMatchObject({ duties: 'role', na: '1' })
    for (const person of PEOPLE) expect(text).not.toContain(person.name.replace('=', ''))
  })
})
