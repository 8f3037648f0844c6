/**
 * A cohort read back a page at a time (as its worker does): every file once, across pages,
 * none of another cohort, each made a member on the cohort's standard.
 */
import { describe, expect, it } from 'vitest'
import { storeCohortFiles } from '@/db/cohort'
import { poolKey } from '@/domain/cohort/pool'
import { cohortFromAnswer, loadAnswer, loadCohort, loadMembers } from '@/workers/cohort-load'
import { buildCohort } from '@/domain/cohort/cohort'
import { cohortOverview } from '@/domain/cohort/overview'
import { getScale } from '@/domain/assessment/scales'
import { freshDatabase } from './helpers'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

const database = freshDatabase()

describe('reading a cohort in pages', { timeout: 30_000 }, () => {
  it('makes a member of every file of the cohort, and of no other', async () => {
    const [first, second] = fiveFiles()
    // 1,201 files: two full pages of 500 and a last one of 201.
    const ours = Array.from({ length: 1201 }, (_, i) => ({
      ...first!,
      assessment: { ...first!.assessment, id: `a-${String(i).padStart(4, '0')}` },
    }))
    const other = {
      ...second!,
      assessment: { ...second!.assessment, scale: 'icap-level-6' as const },
    }
    await storeCohortFiles(
      [...ours, other].map((content, i) => ({
        cohortKey: poolKey(content),
        assessmentId: content.assessment.id,
        hash: `h${i}`,
        fileName: `${i}.json`,
        importedAt: '2026-11-29T00:00:00.000Z',
        content,
      })),
    )
    const members = await loadMembers(
      {
        dbName: database().name,
        key: poolKey(first!),
        standard: cohortStandard(),
        scale: 'proficiency-5',
      },
      database(),
    )
    expect(members).toHaveLength(1201)
    expect(new Set(members.map((m) => m.id)).size).toBe(1201)
    expect(members[0]!.id).toBe('a-0000')
    expect(members.at(-1)!.id).toBe('a-1200')
    expect(members[0]!.person).toBe(first!.assessment.subject.name)
    expect([...members[0]!.self.slice(0, 4)]).toEqual([4, 3, 2, 5])
  })

  it('answers with the members packed and the overview, which the page turns back into both', async () => {
    const files = fiveFiles()
    await storeCohortFiles(
      files.map((content, i) => ({
        cohortKey: poolKey(content),
        assessmentId: content.assessment.id,
        hash: `h${i}`,
        fileName: `${i}.json`,
        importedAt: '2026-11-29T00:00:00.000Z',
        content,
      })),
    )
    const job = {
      key: poolKey(files[0]!),
      standard: cohortStandard(),
      scale: 'proficiency-5' as const,
    }
    const { answer, transfer } = await loadAnswer({ ...job, dbName: database().name }, database())
    expect(transfer.length).toBeGreaterThan(0)
    const moved = structuredClone(answer, { transfer })
    const { cohort, overview } = await cohortFromAnswer(moved, job.standard, job.scale)
    // The store orders a cohort by assessment id, as the worker reads it.
    const sorted = [...files].sort((a, b) => (a.assessment.id < b.assessment.id ? -1 : 1))
    const expected = buildCohort(cohortStandard(), getScale('proficiency-5')!, sorted)
    expect(cohort.members.map((m) => m.id)).toEqual(expected.members.map((m) => m.id))
    expect(overview.stats).toEqual(cohortOverview(expected).stats)
    expect(overview.heatmap).toEqual(cohortOverview(expected).heatmap)
    expect((await loadCohort(job)).overview.summary).toEqual(cohortOverview(expected).summary)
  })

  it('says why a cohort could not be read', async () => {
    await expect(
      cohortFromAnswer(
        { error: { name: 'QuotaExceededError', message: 'full' } },
        cohortStandard(),
        'proficiency-5',
      ),
    ).rejects.toMatchObject({ name: 'QuotaExceededError', message: 'full' })
  })
})
