/**
 * Two assessments opened one right after the other (a quick move between two): whichever
 * answers last, the rating page holds the one opened last, and a rating made there is stored
 * on it. The first assessment's read is held back here until the second has opened.
 */
import { describe, expect, it, vi } from 'vitest'
import { loadResponses } from '@/db/assessments'
import { useAssessmentsStore } from '@/stores/assessments'
import { useRatingStore } from '@/stores/rating'
import { freshDatabase, startFixtureAssessment } from './helpers'

const held = vi.hoisted(() => ({ id: '', until: Promise.resolve() }))

vi.mock('@/db/assessments', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/assessments')>()
  return {
    ...real,
    async getAssessment(id: string) {
      const record = await real.getAssessment(id)
      if (id === held.id) await held.until
      return record
    },
  }
})

freshDatabase()

describe('opening one assessment right after another', () => {
  it('keeps the one opened last, and its ratings go to it', async () => {
    const { record: first } = await startFixtureAssessment({ name: '王小明' })
    const second = await useAssessmentsStore().create({
      standardId: 'TST1234-001v1',
      scaleId: 'proficiency-5',
      subject: { name: '陳美玲', employeeId: '', department: '', jobTitle: '' },
    })
    let release = () => {}
    held.id = first.id
    held.until = new Promise<void>((resolve) => (release = resolve))

    const rating = useRatingStore()
    const opened = [rating.open(first.id), rating.open(second.id)]
    await opened[1]
    expect(rating.assessment?.id).toBe(second.id)
    // The first read answers last.
    release()
    await opened[0]
    expect(rating.assessment?.id).toBe(second.id)
    expect(rating.status).toBe('ready')

    await rating.rate('P1.1.1', 4)
    expect((await loadResponses(second.id)).get('P1.1.1')?.rating).toBe(4)
    expect((await loadResponses(first.id)).size).toBe(0)
  })
})
