import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  checkAssessmentFile,
  openAssessmentText,
  unlockAssessmentFile,
  type CheckedAssessmentFile,
} from '@/domain/files/read'
import { assessmentFileText, sealAssessmentFile } from '@/domain/files/assessment-file'
import { protect } from '@/domain/io/protect'
import { canonicalJson } from '@/domain/io/canonical'
import { standardContentHash } from '@/domain/standard/identity'
import { describeFailure } from '@/i18n/problems'
import type { ParseResult } from '@/domain/io/problems'
import type { Standard } from '@/domain/standard/schema'
import { makeStandard } from '../fixtures/standard'
import { makeAssessmentFile, REVIEW } from '../fixtures/assessment-file'

const standard = makeStandard()
const standards = (id: string): Standard | undefined => (id === standard.id ? standard : undefined)

async function read(
  text: string,
  passphrase?: string,
): Promise<ParseResult<CheckedAssessmentFile>> {
  let opened = openAssessmentText('x.gaplens.json', text)
  if (opened.ok && opened.kind === 'protected')
    opened = await unlockAssessmentFile('x.gaplens.json', opened.envelope, passphrase ?? '')
  if (!opened.ok) return opened
  if (opened.kind !== 'plain') throw new Error('still protected')
  return checkAssessmentFile('x.gaplens.json', opened.raw, standards, standardContentHash)
}

function message(result: ParseResult<unknown>, lang: 'zh-TW' | 'en' = 'zh-TW'): string {
  if (result.ok) throw new Error('expected a refusal')
  return describeFailure(result, lang)
}

describe('reading an assessment file', () => {
  it('accepts what it exports, with or without a review', async () => {
    for (const review of [null, REVIEW]) {
      const file = await makeAssessmentFile({ review })
      const result = await read(assessmentFileText(file))
      expect(result.ok).toBe(true)
      if (result.ok) {
        expect(result.value.file).toEqual(file)
        expect(result.value.standardDiffers).toBe(false)
      }
    }
  })

  it('reads a version 1 file, made before plans, as a file with no plan', async () => {
    for (const name of ['version-1', 'version-1-reviewed']) {
      const text = readFileSync(`tests/fixtures/${name}.gaplens.json`, 'utf8')
      expect(JSON.parse(text).formatVersion).toBe(1)
      const result = await read(text)
      if (!result.ok) throw new Error(message(result))
      expect(result.value.file.formatVersion).toBe(2)
      expect(result.value.file.assessment.plan).toEqual([])
      expect(result.value.file.assessment.ratings.length).toBeGreaterThan(0)
      if (name === 'version-1-reviewed') expect(result.value.file.review?.plan).toEqual([])
      else expect(result.value.file.review).toBeNull()
    }
  })

  it('refuses a version 1 file changed after it was written, as any other', async () => {
    const text = readFileSync('tests/fixtures/version-1.gaplens.json', 'utf8')
    const result = await read(text.replace('"rating": 4', '"rating": 5'))
    expect(result.ok || result.problem.code).toBe('integrity-mismatch')
  })

  it('export → import → export gives the same canonical content', async () => {
    const file = await makeAssessmentFile({ review: REVIEW })
    const result = await read(assessmentFileText(file))
    if (!result.ok) throw new Error(message(result))
    const { integrity: _i, ...content } = result.value.file
    const again = await sealAssessmentFile(content)
    expect(canonicalJson(again)).toBe(canonicalJson(file))
  })

  it('refuses a rating changed in a text editor, and says so', async () => {
    const text = assessmentFileText(await makeAssessmentFile())
    const edited = text.replace('"rating": 2', '"rating": 5')
    expect(edited).not.toBe(text)
    const result = await read(edited)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem.code).toBe('integrity-mismatch')
    expect(message(result)).toMatch(/匯出後有人改過它/)
    expect(message(result, 'en')).toMatch(/changed after it was exported/)
  })

  it('keeps the hash when only the indentation changes', async () => {
    const file = await makeAssessmentFile()
    expect((await read(JSON.stringify(file))).ok).toBe(true)
  })

  it('says a file of a newer format version is newer, and an unknown one unsupported', async () => {
    const file = { ...(await makeAssessmentFile()), formatVersion: 3 }
    const newer = await read(JSON.stringify(file))
    expect(newer.ok || newer.problem.code).toBe('version-newer')
    expect(message(newer)).toMatch(/第 3 版格式，比這個 App 能讀的第 2 版新/)
    const odd = await read(JSON.stringify({ ...file, formatVersion: 'one' }))
    expect(odd.ok || odd.problem.code).toBe('version-unsupported')
  })

  it('names the standard that is not on this device: title, code and version', async () => {
    const other = makeStandard({ id: 'XYZ9999-001v2', code: 'XYZ9999-001v2', title: '別的職業' })
    const result = await read(assessmentFileText(await makeAssessmentFile({ standard: other })))
    expect(result.ok || result.problem.code).toBe('standard-missing')
    expect(message(result)).toContain('「別的職業」（XYZ9999-001v2')
  })

  it('notes a standard whose items differ from the ones rated on', async () => {
    const changed = structuredClone(standard)
    changed.duties[0]!.tasks[0]!.indicators[0]!.text = '改過的行為指標。'
    const file = await makeAssessmentFile({ standard: changed })
    const result = await read(assessmentFileText(file))
    expect(result.ok && result.value.standardDiffers).toBe(true)
  })

  it('does not note a standard whose notes or format alone differ', async () => {
    const file = await makeAssessmentFile({
      standard: {
        ...standard,
        description: '改過的描述。',
        editorial: [{ where: 'T1', source: '', decision: '加註。', lang: 'zh-Hant-TW' }],
      },
    })
    const result = await read(assessmentFileText(file))
    expect(result.ok && result.value.standardDiffers).toBe(false)
  })

  it('refuses item codes the standard lacks, values off the scale, repeated items', async () => {
    const base = await makeAssessmentFile()
    const content = structuredClone(base) as Record<string, unknown> & typeof base
    const { integrity: _i, ...unsealed } = content
    unsealed.assessment.ratings.push(
      { item: 'K99', rating: 3, note: '', evidence: '', updatedAt: base.exportedAt },
      { item: 'S02', rating: 6, note: '', evidence: '', updatedAt: base.exportedAt },
      { item: 'K01', rating: 3, note: '', evidence: '', updatedAt: base.exportedAt },
    )
    const result = await read(JSON.stringify(await sealAssessmentFile(unsealed)))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect([result.problem, ...result.more].map((p) => p.code).sort()).toEqual([
      'duplicate',
      'off-scale',
      'unknown-item',
    ])
    const text = message(result)
    expect(text).toContain('項目 K99')
    expect(text).toContain('評分 6 不在量尺「五級熟練度」上')
    expect(text).not.toMatch(/assessment\.ratings|Invalid/)
  })

  it('keeps __proto__ and constructor keys inert and refuses them as unknown', async () => {
    const text = assessmentFileText(await makeAssessmentFile())
    for (const key of ['__proto__', 'constructor']) {
      const hostile = text.replace('"subject": {', `"subject": { "${key}": { "polluted": true },`)
      const { integrity: _i, ...content } = JSON.parse(hostile)
      const resealed = await sealAssessmentFile(content)
      const result = await read(JSON.stringify(resealed))
      expect(result.ok).toBe(false)
      expect(message(result)).toContain('不認得的欄位')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  })

  it('refuses text that is not JSON, another kind of file, and deep nesting', async () => {
    expect(message(await read('{"format": "gaplens-assessment",'))).toMatch(/不是有效的 JSON/)
    expect(message(await read('{"format":"gaplens-backup","version":1}'))).toContain(
      '不是 GapLens 的自評檔',
    )
    let deep = '1'
    for (let i = 0; i < 5000; i++) deep = `[${deep}]`
    expect(message(await read(`{"format":"gaplens-assessment","x":${deep}}`))).toContain('巢狀')
  })

  it('opens a protected file with the right passphrase only; a flipped byte fails', async () => {
    const file = await makeAssessmentFile({ review: REVIEW })
    const envelope = await protect(assessmentFileText(file), '春天的通關密語')
    const text = JSON.stringify(envelope)
    const wrong = await read(text, '不對')
    expect(wrong.ok || wrong.problem.code).toBe('protected-failed')
    expect(message(wrong)).toContain('通關密語不正確')
    const right = await read(text, '春天的通關密語')
    expect(right.ok && right.value.file).toEqual(file)
    const chars = [...envelope.ciphertext]
    chars[10] = chars[10] === 'A' ? 'B' : 'A'
    const flipped = await read(
      JSON.stringify({ ...envelope, ciphertext: chars.join('') }),
      '春天的通關密語',
    )
    expect(flipped.ok || flipped.problem.code).toBe('protected-failed')
    const truncated = await read(text.slice(0, text.length - 30), '春天的通關密語')
    expect(truncated.ok).toBe(false)
  })
})
