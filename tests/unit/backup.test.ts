import { describe, expect, it } from 'vitest'
import { buildBackup, parseBackup, type BackupTables } from '@/domain/backup'

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
}
const good = buildBackup(tables, '2026-11-02T00:00:00.000Z')
const text = (value: unknown) => JSON.stringify(value)

function problem(body: string): string {
  const result = parseBackup('backup.json', body)
  if (result.ok) throw new Error('accepted a bad backup')
  expect(result.file).toBe('backup.json')
  return result.problem
}

describe('backup file', () => {
  it('round-trips: build → text → parse gives the same backup', () => {
    const result = parseBackup('backup.json', text(good))
    expect(result.ok && result.value).toEqual(good)
  })

  it('rejects text that is not JSON', () => {
    expect(problem('{"format": "gaplens-backup", ')).toMatch(/not valid JSON/)
  })

  it('rejects a foreign file', () => {
    expect(problem(text({ name: 'some other app', data: [] }))).toMatch(/not a GapLens backup/)
    expect(problem(text([1, 2, 3]))).toMatch(/not a GapLens backup/)
    expect(problem('"just a string"')).toMatch(/not a GapLens backup/)
  })

  it('rejects another version, naming it', () => {
    expect(problem(text({ ...good, version: 2 }))).toBe(
      'backup version 2 is not supported (this app reads version 1)',
    )
    expect(problem(text({ ...good, version: undefined }))).toMatch(/backup version null/)
  })

  it('rejects a malformed record, naming where', () => {
    const broken = structuredClone(good)
    ;(broken.tables.responses[0] as { rating: unknown }).rating = 'excellent'
    expect(problem(text(broken))).toMatch(/^tables\.responses\.0\.rating/)
    const noName = structuredClone(good)
    noName.tables.assessments[0]!.subject.name = ''
    expect(problem(text(noName))).toMatch(/tables\.assessments\.0\.subject\.name/)
  })

  it('rejects ratings of no assessment, repeated items and values off the scale', () => {
    const orphan = structuredClone(good)
    orphan.tables.responses[0]!.assessmentId = 'zz'
    expect(problem(text(orphan))).toContain('belongs to no assessment (zz)')
    const twice = structuredClone(good)
    twice.tables.responses.push(structuredClone(twice.tables.responses[0]!))
    expect(problem(text(twice))).toContain('item P1.1.1 of a1 appears twice')
    const off = structuredClone(good)
    off.tables.responses[0]!.rating = 6
    expect(problem(text(off))).toContain('rating 6 of P1.1.1 is not on the scale proficiency-5')
  })

  it('rejects a setting or a standard that appears twice, which restore could not write', () => {
    const settings = structuredClone(good)
    settings.tables.settings.push({ key: 'welcome', value: false })
    expect(problem(text(settings))).toContain('setting welcome appears twice')
    const standards = structuredClone(good)
    const stored = { id: 'X1', file: 'x.json', addedAt: '2026-11-01T08:00:00.000Z', body: '{}' }
    standards.tables.standards.push(stored, structuredClone(stored))
    expect(problem(text(standards))).toContain('standard X1 appears twice')
  })
})
