import { describe, expect, it } from 'vitest'
import {
  applyCorrections,
  correctionsOf,
  summarise,
  type CorrectionWords,
} from '@/domain/standard/import/draft'
import { makeStandard } from '../fixtures/standard'

const words: CorrectionWords = {
  lang: 'zh-Hant-TW',
  field: (name) => `欄位 ${name}`,
  decision: (value) => `改為「${value}」`,
  none: '（空白）',
}

describe('what the preview says was found', () => {
  it('counts every part and the indicators per level', () => {
    const s = makeStandard()
    const summary = summarise(s)
    const indicators = s.duties.flatMap((d) => d.tasks.flatMap((t) => t.indicators))
    expect(summary.indicators).toBe(indicators.length)
    expect(summary.byLevel.reduce((n, l) => n + l.indicators, 0)).toBe(indicators.length)
    // T1.1 has indicators at levels 3 and 4 in the fixture.
    expect(summary.twoLevelTasks).toBeGreaterThanOrEqual(1)
    expect(summary.byLevel.map((l) => l.level)).toEqual(
      [...new Set(indicators.map((p) => p.level))].sort(),
    )
    expect(summary.versions).toBe(s.versions.length)
    expect(summary.notes).toBe(
      s.notes.general.length + s.notes.qualifications.length + s.notes.supplementary.length,
    )
  })
})

describe('corrections made in the preview', () => {
  it('changes nothing and records nothing when nothing was corrected', () => {
    const s = makeStandard()
    const r = applyCorrections(s, correctionsOf(s), words)
    expect(r.ok && r.value).toEqual(s)
  })

  it('applies a corrected title, level and second industry, each recorded in its language', () => {
    const s = makeStandard()
    const c = correctionsOf(s)
    c.title = '更正後的職業'
    c.level = 4
    c.industries.push({ name: '第二行業', code: 'Y88' })
    const r = applyCorrections(s, c, words)
    if (!r.ok) throw new Error('refused')
    expect(r.value.title).toBe('更正後的職業')
    expect(r.value.level).toBe(4)
    expect(r.value.industries).toHaveLength(2)
    const added = r.value.editorial.slice(s.editorial.length)
    expect(added).toEqual([
      {
        where: '欄位 title',
        source: s.title,
        decision: '改為「更正後的職業」',
        lang: 'zh-Hant-TW',
      },
      { where: '欄位 level', source: String(s.level), decision: '改為「4」', lang: 'zh-Hant-TW' },
      {
        where: '欄位 industries',
        source: '測試行業 X99',
        decision: '改為「測試行業 X99、第二行業 Y88」',
        lang: 'zh-Hant-TW',
      },
    ])
  })

  it('moves the id with a corrected code, and keeps our own id for a standard without one', () => {
    const s = makeStandard()
    const c = correctionsOf(s)
    c.code = 'TST1234-001v2'
    const r = applyCorrections(s, c, words)
    expect(r.ok && [r.value.id, r.value.code]).toEqual(['TST1234-001v2', 'TST1234-001v2'])

    const own = makeStandard({ id: 'TST1234-abc', code: null })
    const none = applyCorrections(own, correctionsOf(own), words)
    expect(none.ok && [none.value.id, none.value.code]).toEqual(['TST1234-abc', null])
    const cleared = correctionsOf(s)
    cleared.code = ''
    const r2 = applyCorrections(s, cleared, words)
    expect(r2.ok && [r2.value.id, r2.value.code]).toEqual([s.id, null])
    expect(r2.ok && r2.value.editorial.at(-1)?.decision).toBe('改為「（空白）」')
  })

  it('refuses an emptied title through the one reader, naming the field', () => {
    const s = makeStandard()
    const c = correctionsOf(s)
    c.title = ''
    const r = applyCorrections(s, c, words, 'x.json')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem.place?.at(-1)).toMatchObject({ field: 'occupationTitle' })
  })
})
