/**
 * Known reviewers: the trainer's list read from a paste or a small CSV, each review of a cohort
 * verified or not by its signing key, and the filter that leaves unverified reviews out of the
 * supervisor figures. The fingerprint of a stored file's key is the one the reader showed.
 */
import { describe, expect, it } from 'vitest'
import { buildCohort, memberMaker, type CohortMember } from '@/domain/cohort/cohort'
import { getScale } from '@/domain/assessment/scales'
import { filterCohort, isEmptyFilter } from '@/domain/cohort/filters'
import { knownKeys, readKnownReviewers, reviewKeys } from '@/domain/cohort/reviewers'
import { fingerprintFinder } from '@/domain/cohort/fingerprints'
import { selfVsSupervisor } from '@/domain/cohort/self-vs-supervisor'
import { cohortSummary } from '@/domain/cohort/summary'
import { fingerprintOf, makeSigningKey } from '@/domain/io/sign'
import { signReview } from '@/domain/files/signature'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

const A = '3F2A 9C01 77B4 E0D5'
const B = '0000 1111 2222 AAAA'

describe('a list of known reviewers', () => {
  it('reads names and fingerprints however they are written; skips a header, blanks and #', () => {
    const read = readKnownReviewers(
      [
        '\uFEFFname,fingerprint',
        '林主任, 3f2a 9c01 77b4 e0d5',
        '',
        '# 舊的',
        '"陳, 經理"\t0000-1111-2222-aaaa',
        'BBBB:CCCC:DDDD:EEEE',
      ].join('\r\n'),
    )
    expect(read).toEqual({
      ok: true,
      reviewers: [
        { name: '林主任', fingerprint: A },
        { name: '陳, 經理', fingerprint: B },
        { name: '', fingerprint: 'BBBB CCCC DDDD EEEE' },
      ],
    })
  })

  it('refuses a list with a line that has no fingerprint, naming every such line', () => {
    expect(readKnownReviewers(`林主任, ${A}\n陳經理, 12345\n王, abc`)).toEqual({
      ok: false,
      problems: [
        { code: 'reviewers-no-fingerprint', line: 2, text: '陳經理, 12345' },
        { code: 'reviewers-no-fingerprint', line: 3, text: '王, abc' },
      ],
    })
    expect(readKnownReviewers('# only a note\n')).toEqual({
      ok: false,
      problems: [{ code: 'reviewers-empty', line: 1 }],
    })
    expect(readKnownReviewers('x'.repeat(500_001))).toMatchObject({
      ok: false,
      problems: [{ code: 'reviewers-too-large' }],
    })
  })
})

describe('verified reviews', () => {
  const cohort = buildCohort(cohortStandard(), getScale('proficiency-5'), fiveFiles())
  /** 王小明's review signed with key A; a second reviewed file, 李大同's, signed with B. */
  const members: CohortMember[] = cohort.members.map((m, i) =>
    i === 0
      ? { ...m, fingerprint: A }
      : i === 1
        ? {
            ...m,
            reviewed: true,
            supervisor: m.self.map((v) => (v > 1 ? v - 1 : v)) as Int8Array,
            fingerprint: B,
            reviewer: '陳經理',
          }
        : m,
  )
  const signed = { ...cohort, members }
  const known = knownKeys([{ name: '林主任', fingerprint: A }])

  it('says which keys signed the reviews, and which the list knows', () => {
    expect(reviewKeys(members, [{ name: '林主任', fingerprint: A }])).toEqual({
      reviewed: 2,
      verified: 1,
      unsigned: 0,
      keys: [
        { fingerprint: B, reviews: 1, known: null, reviewers: ['陳經理'] },
        { fingerprint: A, reviews: 1, known: '林主任', reviewers: ['陳主管'] },
      ],
    })
  })

  it('leaves the unverified reviews out of the supervisor figures, and keeps the people', () => {
    expect(selfVsSupervisor(signed).reviewed).toBe(2)
    const verified = filterCohort(signed, { verifiedOnly: true }, known)
    expect(verified.members).toHaveLength(5)
    expect(cohortSummary(verified).reviewed).toBe(1)
    expect(selfVsSupervisor(verified).reviewed).toBe(1)
    expect(verified.members[1]).toMatchObject({
      reviewed: false,
      supervisor: null,
      fingerprint: '',
    })
    // With "reviewed only": the one verified review's file alone.
    const only = filterCohort(signed, { verifiedOnly: true, reviewedOnly: true }, known)
    expect(only.members.map((m) => m.id)).toEqual(['a-1'])
    // With no list, no review is verified.
    expect(cohortSummary(filterCohort(signed, { verifiedOnly: true })).reviewed).toBe(0)
    expect(isEmptyFilter({ verifiedOnly: true })).toBe(false)
  })

  it('finds a stored file’s key fingerprint as the reader does, once per key', async () => {
    const key = await makeSigningKey()
    const file = fiveFiles()[0]!
    const review = await signReview({ ...file, review: file.review! }, key)
    const find = fingerprintFinder()
    const fingerprint = await find({ ...file, review })
    expect(fingerprint).toBe(await fingerprintOf(key.publicKey))
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/)
    expect(await find(fiveFiles()[1]!)).toBe('')
    // A member keeps the fingerprint of its review; a file without a review has none.
    const { make } = memberMaker(cohortStandard(), getScale('proficiency-5'))
    expect(make({ ...file, review }, fingerprint)).toMatchObject({
      fingerprint,
      reviewer: '陳主管',
    })
    expect(make(fiveFiles()[1]!, fingerprint)).toMatchObject({ fingerprint: '', reviewer: '' })
  })
})
