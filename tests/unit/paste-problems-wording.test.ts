import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePastedStandard, type PasteProblem } from '@/domain/standard/import/paste'
import { describePasteProblem } from '@/i18n/paste-problems'

const seed = readFileSync(
  resolve(process.cwd(), '../shared/seeds/000_cfa054c06da8b3b9.txt'),
  'utf8',
)
const problems = (text: string): PasteProblem[] => {
  const r = parsePastedStandard(text)
  if (r.ok) throw new Error('read')
  return r.problems
}

describe('a refused paste is said in the interface language, its line first', () => {
  it('an empty paste and a text of another kind', () => {
    const [empty] = problems('')
    expect(describePasteProblem(empty!, 'zh-TW')).toBe('第 1 行：沒有貼上任何文字')
    expect(describePasteProblem(empty!, 'en')).toBe('Line 1: Nothing was pasted')
    const [other] = problems('會議紀錄\n出席：王小明')
    expect(describePasteProblem(other!, 'zh-TW')).toMatch(/^第 1 行：找不到「主要職責／工作任務」/)
  })

  it('a level of 9 names its value and the line it is on', () => {
    const lines = seed.split('\n')
    const at = lines.findIndex((l) => /\tP1\.1\.1/.test(l) || /^T1\tT1\.1/.test(l))
    expect(at).toBeGreaterThan(0)
    lines[at] = lines[at]!.replace(/\t([1-6])\t/, '\t9\t')
    const found = problems(lines.join('\n')).find((p) => p.code === 'paste-bad-level')
    expect(found?.line).toBe(at + 1)
    expect(describePasteProblem(found!, 'zh-TW')).toBe(`第 ${at + 1} 行：級別「9」不在 1 到 6 之間`)
    expect(describePasteProblem(found!, 'en')).toBe(
      `Line ${at + 1}: The level “9” is not between 1 and 6`,
    )
  })

  it('a missing header field is named in the person’s words, and sizes are grouped', () => {
    const missing: PasteProblem = {
      code: 'paste-missing-field',
      params: { field: 'title' },
      line: 3,
    }
    expect(describePasteProblem(missing, 'zh-TW')).toBe('第 3 行：找不到「職業名稱」')
    expect(describePasteProblem(missing, 'en')).toBe(
      'Line 3: “Occupation title (職業名稱)” was not found',
    )
    const big = problems('x'.repeat(2_000_001))[0]!
    expect(describePasteProblem(big, 'en')).toContain('2,000,001 characters, at most 2,000,000')
  })
})
