import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { GapLensDB } from '@/db/db'
import { cohortFiles, cohortKeyOf, deleteCohort, listCohorts, storeCohortFiles } from '@/db/cohort'
import type { CohortFileRecord } from '@/domain/cohort/records'
import type { AssessmentFileContent } from '@/domain/files/assessment-file'
import { freshDatabase } from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()

async function record(
  changes: { id?: string; exportedAt?: string; scale?: 'proficiency-5' | 'icap-level-6' } = {},
): Promise<CohortFileRecord> {
  const { integrity, ...file } = await makeAssessmentFile({ id: changes.id ?? 'a-1' })
  const content: AssessmentFileContent = {
    ...file,
    exportedAt: changes.exportedAt ?? file.exportedAt,
    assessment: { ...file.assessment, scale: changes.scale ?? file.assessment.scale },
  }
  return {
    cohortKey: cohortKeyOf(content),
    assessmentId: content.assessment.id,
    // A changed export time is another file: another hash.
    hash: changes.exportedAt
      ? `${integrity.hash.slice(0, 40)}${changes.exportedAt}`
      : integrity.hash,
    fileName: `${content.assessment.id}.gaplens.json`,
    importedAt: '2026-12-01T00:00:00.000Z',
    content,
  }
}

describe('the cohort table', () => {
  it('keeps one record per assessment: the same file changes nothing, a later export replaces', async () => {
    const first = await record()
    expect(await storeCohortFiles([first])).toEqual(['added'])
    expect(await storeCohortFiles([first])).toEqual(['unchanged'])
    const later = await record({ exportedAt: '2026-11-30T00:00:00Z' })
    const earlier = await record({ exportedAt: '2026-01-01T00:00:00.000Z' })
    expect(await storeCohortFiles([later, earlier])).toEqual(['replaced', 'unchanged'])
    const stored = await cohortFiles(first.cohortKey)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.content.exportedAt).toBe('2026-11-30T00:00:00Z')
  })

  it('puts another scale in its own cohort, lists cohorts with counts, and deletes one', async () => {
    await storeCohortFiles([await record({ id: 'a' }), await record({ id: 'b' })])
    await storeCohortFiles([await record({ id: 'a', scale: 'icap-level-6' })])
    const cohorts = await listCohorts()
    expect(cohorts.map((c) => [c.scale, c.count])).toEqual([
      ['icap-level-6', 1],
      ['proficiency-5', 2],
    ])
    expect(cohorts[0]!.standard.id).toBe('TST1234-001v1')
    expect(await deleteCohort(cohorts[1]!.key)).toBe(2)
    expect((await listCohorts()).map((c) => c.count)).toEqual([1])
    expect(await database().cohortFiles.count()).toBe(1)
  })

  it('keys a cohort by standard id, version and scale, so no part runs into the next', async () => {
    const { content } = await record()
    const a = cohortKeyOf({
      ...content,
      standard: { ...content.standard, id: 'X|V1', version: null },
    })
    const b = cohortKeyOf({ ...content, standard: { ...content.standard, id: 'X', version: 'V1' } })
    expect(a).not.toBe(b)
  })
})

describe('database version 4', () => {
  const opened: Dexie[] = []
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close()
      await Dexie.delete(db.name)
    }
  })

  it('opens a database made by version 3 with its data intact and the cohort empty', async () => {
    const dbName = `gaplens-test-${crypto.randomUUID()}`
    // Version 3 exactly as the review released it.
    const v3 = new Dexie(dbName)
    v3.version(1).stores({ settings: '&key', standards: '&id' })
    v3.version(2).stores({
      assessments: '&id, standardId, updatedAt',
      responses: '&[assessmentId+itemKey], assessmentId',
    })
    v3.version(3).stores({
      reviews: '&id, assessmentId, updatedAt',
      reviewRatings: '&[reviewId+itemKey], reviewId',
      receivedReviews: '&assessmentId',
    })
    await v3.table('reviews').put({ id: 'r', assessmentId: 'a', updatedAt: 'x' })
    v3.close()

    const db = new GapLensDB(dbName)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(6)
    expect((await db.reviews.get('r'))?.assessmentId).toBe('a')
    expect(await db.cohortFiles.count()).toBe(0)
    const r = await record()
    await storeCohortFiles([r], db)
    expect(await db.cohortFiles.where('cohortKey').equals(r.cohortKey).count()).toBe(1)
  })
})
