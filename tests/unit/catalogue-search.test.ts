/**
 * Searching the catalogue's index: by title, code, field, occupation or industry, with parts of
 * words, in any width and case; filters by field and level; superseded versions under their
 * current one.
 */
import { describe, expect, it } from 'vitest'
import {
  fieldChoices,
  levelChoices,
  prepareCatalogue,
  searchCatalogue,
  type CatalogueFilters,
} from '@/domain/catalogue/search'
import type { CatalogueEntry } from '@/domain/catalogue/entry'
import { entryOf, makeTranscription } from '../fixtures/catalogue'

function entry(id: string, overrides: Partial<CatalogueEntry>): CatalogueEntry {
  return entryOf(makeTranscription({ id }), {
    id,
    occupation: { name: '其他職業', code: '9999' },
    industries: [{ name: '其他服務業', code: 'S9609' }],
    ...overrides,
  })
}

const ENTRIES: CatalogueEntry[] = [
  entry('FAC1211-001v2.parsed', {
    title: '會計主管',
    code: 'FAC1211-001v2',
    level: 4,
    field: { name: '金融財務／會計', code: 'FAC' },
    fieldCodes: ['FAC'],
    occupation: { name: '會計專業人員', code: '2411' },
    industries: [{ name: '專業、科學及技術服務業／企業總管理機構及管理顧問業', code: 'M7010' }],
  }),
  entry('FAC3313-001v2.parsed', {
    title: '會計助理',
    code: 'FAC3313-001v2',
    level: 2,
    field: { name: '金融財務／會計', code: 'FAC' },
    fieldCodes: ['FAC'],
    occupation: { name: '助理專業人員', code: '3313' },
    industries: [{ name: '專業、科學及技術服務業／會計服務業', code: 'M6920' }],
  }),
  entry('BHR2423-001v3.parsed', {
    title: '人資專員',
    code: 'BHR2423-001v3',
    level: 3,
    field: { name: '企業經營管理／人力資源管理', code: 'BHR' },
    fieldCodes: ['BHR'],
    occupation: { name: '人事及職業專業人員', code: '2423' },
    industries: [{ name: '支援服務業／人力供應業', code: 'N7800' }],
  }),
  entry('BHR2423-001v2.parsed', {
    title: '人資專員',
    code: 'BHR2423-001v2',
    level: 3,
    historic: true,
    version: 'V2',
    field: { name: '企業經營管理／人力資源管理', code: 'BHR' },
    fieldCodes: ['BHR'],
  }),
  entry('parsed-0badc0de', {
    title: '臺灣會計稽核人員',
    code: null,
    level: 3,
    historic: true,
    field: { name: '金融財務／會計', code: 'FAC' },
    fieldCodes: ['FAC', 'BHR'],
  }),
]

const prepared = prepareCatalogue(ENTRIES)
const search = (filters: Partial<CatalogueFilters>) =>
  searchCatalogue(prepared, { query: '', field: '', level: null, ...filters }).map(
    (g) => g.entry.id,
  )

describe('searching the catalogue', () => {
  it('finds by part of a title, the best match first', () => {
    expect(search({ query: '會計' })).toEqual([
      'FAC1211-001v2.parsed',
      'FAC3313-001v2.parsed',
      'parsed-0badc0de',
    ])
    // A word the title begins with ranks above one inside it.
    expect(search({ query: '稽核' })).toEqual(['parsed-0badc0de'])
  })

  it('finds by code, occupation code and industry code, in any width or case', () => {
    expect(search({ query: 'fac' })).toHaveLength(3)
    expect(search({ query: '3313' })).toEqual(['FAC3313-001v2.parsed'])
    expect(search({ query: 'Ｍ７０１０' })).toEqual(['FAC1211-001v2.parsed'])
    expect(search({ query: '台灣' })).toEqual(['parsed-0badc0de'])
  })

  it('wants every word, anywhere in a standard', () => {
    expect(search({ query: '會計 顧問' })).toEqual(['FAC1211-001v2.parsed'])
    expect(search({ query: '會計 人力' })).toEqual([])
  })

  it('filters by field (any of a standard’s fields) and by level', () => {
    expect(search({ field: 'BHR' })).toEqual(['BHR2423-001v3.parsed', 'parsed-0badc0de'])
    expect(search({ level: 2 })).toEqual(['FAC3313-001v2.parsed'])
    expect(search({ query: '會計', level: 4 })).toEqual(['FAC1211-001v2.parsed'])
  })

  it('lists a superseded version under its current one, and finds the pair by either', () => {
    const groups = searchCatalogue(prepared, { query: 'v2', field: 'BHR', level: null })
    expect(groups.map((g) => [g.entry.id, g.older.map((o) => o.id)])).toEqual([
      ['BHR2423-001v3.parsed', ['BHR2423-001v2.parsed']],
    ])
    // One with no current version listed stands alone, still marked.
    expect(prepared.groups.find((g) => g.entry.id === 'parsed-0badc0de')?.entry.historic).toBe(true)
  })

  it('offers the fields under their clusters, named as most standards name them', () => {
    expect(fieldChoices(ENTRIES)).toEqual([
      { name: '企業經營管理', fields: [{ code: 'BHR', name: '人力資源管理', count: 1 }] },
      { name: '金融財務', fields: [{ code: 'FAC', name: '會計', count: 2 }] },
    ])
    expect(levelChoices(ENTRIES)).toEqual([2, 3, 4])
  })
})
