import { describe, expect, it } from 'vitest'
import { assessmentFileText, sealAssessmentFile } from '@/domain/files/assessment-file'
import {
  checkAssessmentFile,
  openAssessmentText,
  type CheckedAssessmentFile,
} from '@/domain/files/read'
import { checkReviewSignature, signReview } from '@/domain/files/signature'
import { fingerprintOf, makeSigningKey } from '@/domain/io/sign'
import { keyStanding } from '@/domain/review/keys'
import { standardContentHash } from '@/domain/standard/identity'
import { describeFailure } from '@/i18n/problems'
import type { ParseResult } from '@/domain/io/problems'
import { makeStandard } from '../fixtures/standard'
import { makeAssessmentFile, REVIEW } from '../fixtures/assessment-file'

const standard = makeStandard()

async function read(text: string): Promise<ParseResult<CheckedAssessmentFile>> {
  const opened = openAssessmentText('x.gaplens.json', text)
  if (!opened.ok || opened.kind !== 'plain') throw new Error('not a plain file')
  return checkAssessmentFile(
    'x.gaplens.json',
    opened.raw,
    (id) => (id === standard.id ? standard : undefined),
    standardContentHash,
  )
}

/** A reviewed file whose review the key signed, sealed as the app writes it. */
async function signedFile(key: Awaited<ReturnType<typeof makeSigningKey>>) {
  const { integrity: _i, ...content } = await makeAssessmentFile({ review: REVIEW })
  const review = await signReview({ ...content, review: content.review! }, key)
  return sealAssessmentFile({ ...content, review })
}

/** The file's content changed, then sealed again: what a person with a text editor can do. */
async function resealed(
  file: Awaited<ReturnType<typeof signedFile>>,
  change: (content: Record<string, unknown> & typeof file) => void,
) {
  const { integrity: _i, ...content } = structuredClone(file)
  change(content as never)
  return assessmentFileText(await sealAssessmentFile(content))
}

describe("a supervisor's signed review", () => {
  it('verifies, and names its key by a fingerprint a person can compare', async () => {
    const key = await makeSigningKey()
    const result = await read(assessmentFileText(await signedFile(key)))
    if (!result.ok) throw new Error(describeFailure(result, 'zh-TW'))
    const fingerprint = await fingerprintOf(key.publicKey)
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/)
    expect(result.value.signature).toEqual({ state: 'signed', fingerprint })
  })

  it('a rating changed and the hash made again: refused, in the person’s words', async () => {
    const file = await signedFile(await makeSigningKey())
    const forged = await resealed(file, (c) => {
      c.review!.ratings[0]!.rating = 5
    })
    const result = await read(forged)
    expect(result.ok || result.problem.code).toBe('signature-broken')
    if (!result.ok) {
      expect(describeFailure(result, 'zh-TW')).toContain('主管「陳主管」的簽章與檢視的內容不符')
      expect(describeFailure(result, 'en')).toContain('does not match the review')
    }
  })

  it('moved onto another assessment or standard: refused', async () => {
    const file = await signedFile(await makeSigningKey())
    const elsewhere = await resealed(file, (c) => {
      c.assessment.id = 'someone-else'
    })
    expect(((await read(elsewhere)) as { problem?: { code: string } }).problem?.code).toBe(
      'signature-broken',
    )
  })

  it('stays verifiable when the employee sends it on in a file of their own, rated further', async () => {
    const file = await signedFile(await makeSigningKey())
    const later = await resealed(file, (c) => {
      c.assessment.ratings[0]!.rating = 3
      c.exportedAt = '2026-12-01T00:00:00.000Z'
    })
    const result = await read(later)
    expect(result.ok && result.value.signature?.state).toBe('signed')
  })

  it('a review without a signature (a forgery written by hand, or from an older app) opens, marked unsigned', async () => {
    const { integrity: _i, ...content } = await makeAssessmentFile({ review: REVIEW })
    const forged = {
      ...content,
      review: {
        ...content.review!,
        reviewer: { name: '不存在的主管', jobTitle: '' },
        ratings: content.assessment.ratings.map((r) => ({
          item: r.item,
          rating: 5,
          comment: '',
          updatedAt: r.updatedAt,
        })),
      },
    }
    const result = await read(assessmentFileText(await sealAssessmentFile(forged)))
    expect(result.ok && result.value.signature).toEqual({ state: 'unsigned' })
    if (result.ok) expect(keyStanding(result.value.signature!, [])).toBe('unsigned')
  })

  it("another key under a known reviewer's name is told apart from the key seen before", async () => {
    const theirs = await makeSigningKey()
    const impostor = await makeSigningKey()
    const seen = [
      { name: '陳主管', fingerprint: await fingerprintOf(theirs.publicKey), firstSeen: '' },
    ]
    const fromTheirs = await signedFile(theirs)
    const fromImpostor = await signedFile(impostor)
    const check = (f: typeof fromTheirs) => checkReviewSignature({ ...f, review: f.review! })
    expect(keyStanding(await check(fromTheirs), seen)).toBe('known')
    expect(keyStanding(await check(fromImpostor), seen)).toBe('different')
    expect(keyStanding(await check(fromImpostor), [])).toBe('first')
  })
})
