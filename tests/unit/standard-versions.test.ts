import { describe, expect, it } from 'vitest'
import {
  baseCode,
  diffStandards,
  familyOf,
  groupFamilies,
  newerVersion,
  versionNumber,
} from '@/domain/standard/versions'
import { nextVersionOf, versionOf } from '../fixtures/standard-versions'

describe('the code versions share', () => {
  it('drops the version suffix, in either case', () => {
    expect(baseCode('TTM4221-002v4')).toBe('TTM4221-002')
    expect(baseCode('TTM4221-002V10')).toBe('TTM4221-002')
    expect(baseCode('TTM4221-002')).toBe('TTM4221-002')
  })

  it('gives no family to a standard without a code', () => {
    expect(baseCode(null)).toBeNull()
  })

  it('reads the version number from the code, else from the version table', () => {
    expect(versionNumber(versionOf('A', 'TTM4221-002v10'))).toBe(10)
    expect(versionNumber(versionOf('A', 'X-1', 'V7'))).toBe(7)
    expect(versionNumber(versionOf('A', null))).toBe(1)
  })
})

describe('families of versions', () => {
  const v9 = versionOf('TTM4221-002v9', 'TTM4221-002v9')
  const v10 = versionOf('TTM4221-002v10', 'TTM4221-002V10')
  const v4 = versionOf('TTM4221-002v4', 'TTM4221-002v4')
  const own = versionOf('ACME-sales', null)

  it('puts V10 before V9 (numbers, not letters) and keeps other standards apart', () => {
    const families = groupFamilies([v4, v9, own, v10])
    expect(families.map((f) => f.members.map((s) => s.id))).toEqual([
      ['TTM4221-002v10', 'TTM4221-002v9', 'TTM4221-002v4'],
      ['ACME-sales'],
    ])
    expect(families[0]!.baseCode).toBe('TTM4221-002')
    expect(families[1]!.baseCode).toBeNull()
  })

  it('finds a newer version only where one is present', () => {
    expect(newerVersion([v4, v9, v10], v9)?.id).toBe('TTM4221-002v10')
    expect(newerVersion([v4, v9, v10], v10)).toBeUndefined()
    expect(newerVersion([v4, own], own)).toBeUndefined()
    expect(familyOf([v4, v9, own], own).members.map((s) => s.id)).toEqual(['ACME-sales'])
  })

  it('never makes a family of two standards without a code', () => {
    const other = versionOf('ACME-support', null)
    expect(groupFamilies([own, other])).toHaveLength(2)
  })
})

describe('what changed between two versions', () => {
  const v1 = versionOf('TST-001v1', 'TST-001v1', 'V1')
  const v2 = nextVersionOf(v1, 'TST-001v2', 'TST-001v2')

  it('sorts every item into unchanged, changed, added and removed', () => {
    const diff = diffStandards(v1, v2)
    expect(diff.unchanged).toEqual(['P1.1.1', 'P2.1.1', 'K01', 'S01', 'A01'])
    expect(diff.changed.map((c) => c.key)).toEqual(['P1.1.2', 'P1.1.3'])
    expect(diff.added.map((i) => i.key)).toEqual(['P2.1.2'])
    expect(diff.removed.map((i) => i.key)).toEqual(['K02'])
  })

  it('keeps the old and new text of a changed item, and counts a level change', () => {
    const [text, level] = diffStandards(v1, v2).changed
    expect(text).toMatchObject({
      old: { text: '指標二。', level: 3 },
      new: { text: '指標二，改寫。', level: 3 },
      text: true,
      level: false,
    })
    expect(level).toMatchObject({ old: { level: 4 }, new: { level: 5 }, text: false, level: true })
  })

  it('lists the titles that changed', () => {
    expect(diffStandards(v1, v2).titles).toEqual([
      { kind: 'task', code: 'T2.1', old: '任務二', new: '任務二（新名）' },
    ])
  })

  it('names duties and tasks that came or went', () => {
    const v3 = structuredClone(v2)
    v3.duties[1]!.code = 'T3'
    v3.duties[1]!.tasks[0]!.code = 'T3.1'
    expect(diffStandards(v2, v3).titles).toEqual([
      { kind: 'duty', code: 'T3', old: null, new: '第二職責' },
      { kind: 'task', code: 'T3.1', old: null, new: '任務二（新名）' },
      { kind: 'duty', code: 'T2', old: '第二職責', new: null },
      { kind: 'task', code: 'T2.1', old: '任務二（新名）', new: null },
    ])
  })

  it('takes a re-typed line break for no change, and anything else for one', () => {
    const spaced = structuredClone(v1)
    spaced.knowledge[0]!.text = ' 知識一\n'
    spaced.attitudes[0]!.description = '自動自發地做事。'
    const diff = diffStandards(v1, spaced)
    expect(diff.unchanged).toContain('K01')
    expect(diff.changed.map((c) => c.key)).toEqual(['A01'])
    expect(diff.changed[0]!.new.text).toBe('主動積極：自動自發地做事。')
  })

  it('finds nothing changed between a standard and itself', () => {
    const diff = diffStandards(v1, v1)
    expect(diff.changed).toEqual([])
    expect(diff.added).toEqual([])
    expect(diff.removed).toEqual([])
    expect(diff.titles).toEqual([])
    expect(diff.unchanged).toHaveLength(8)
  })
})
