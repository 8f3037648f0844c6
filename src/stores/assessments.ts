import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef, ref, toRaw } from 'vue'
import {
  createAssessment,
  deleteAssessment,
  listAssessments,
  responsesByAssessment,
  updateAssessment,
} from '@/db/assessments'
import { startNewRound, startRoundOn } from '@/db/rounds'
import type { NewAssessment } from '@/domain/assessment/rounds'
import type { AssessmentRecord, ResponseRecord } from '@/domain/assessment/records'
import { rateableItems } from '@/domain/assessment/items'
import { carryOver, carryTargets } from '@/domain/assessment/carry'
import { diffStandards } from '@/domain/standard/versions'
import { progress, type Progress } from '@/domain/assessment/ratings'
import { useRatingStore } from './rating'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

/** The list of assessments kept on this device, with their progress. */
export const useAssessmentsStore = defineStore('assessments', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()
  const rating = useRatingStore()
  const assessments = shallowRef<AssessmentRecord[]>([])
  const responses = shallowRef<Map<string, ResponseRecord[]>>(new Map())
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')

  const progressById = computed(() => {
    const result = new Map<string, Progress>()
    for (const a of assessments.value) {
      const standard = standards.get(a.standardId)
      if (!standard) continue
      const rows = responses.value.get(a.id) ?? []
      result.set(a.id, progress(rateableItems(standard), new Map(rows.map((r) => [r.itemKey, r]))))
    }
    return result
  })

  /** Reads the list again from the database. */
  async function refresh(): Promise<void> {
    status.value = 'loading'
    try {
      await standards.load()
      const [list, grouped] = await Promise.all([listAssessments(), responsesByAssessment()])
      assessments.value = list
      responses.value = grouped
      status.value = 'ready'
    } catch (error) {
      storage.report(error)
      status.value = 'failed'
    }
  }

  /** Starts an assessment and asks the browser to keep GapLens's data (first time only). */
  async function create(input: NewAssessment): Promise<AssessmentRecord> {
    // A standard of the catalogue is kept on the device with the assessment made on it.
    if (standards.opened.has(input.standardId)) {
      const { useCatalogueStore } = await import('./catalogue')
      const kept = await useCatalogueStore().keep(input.standardId)
      if (!kept.ok) throw new Error(`the standard ${input.standardId} could not be kept`)
    }
    const standard = standards.get(input.standardId)
    const record = await createAssessment(input, standard?.title ?? input.standardId)
    if (storage.persist === 'unknown' || storage.persist === 'best-effort')
      void storage.requestPersistence()
    await refresh()
    return record
  }

  /** The rating page keeps an assessment open; a changed or deleted one is read again. */
  function forgetOpen(id: string): void {
    if (rating.assessment?.id === id) rating.close()
  }

  async function rename(id: string, title: string): Promise<void> {
    await updateAssessment(id, { title: title.trim() })
    forgetOpen(id)
    await refresh()
  }

  async function remove(id: string): Promise<void> {
    await deleteAssessment(id)
    forgetOpen(id)
    await refresh()
  }

  async function newRound(
    fromId: string,
    suffix?: (round: number) => string,
  ): Promise<AssessmentRecord> {
    const record = await startNewRound(fromId, suffix)
    await refresh()
    return record
  }

  /**
   * Reassesses on a newer version of the standard: starts a new round on `newerId` for the same
   * person and scale, carrying over the responses of the items whose code and text are the same
   * and recording what changed, came and went (see domain/assessment/carry.ts). The earlier
   * round stays as it was, on its own version. Rejects, storing nothing, when either standard
   * is not on this device.
   */
  async function reassess(
    fromId: string,
    newerId: string,
    suffix?: (round: number) => string,
  ): Promise<AssessmentRecord> {
    await standards.load()
    const newer = standards.get(newerId)
    if (!newer) throw new Error(`no standard ${newerId}`)
    const record = await startRoundOn(
      fromId,
      (from, stored) => {
        const older = standards.get(from.standardId)
        if (!older) throw new Error(`no standard ${from.standardId}`)
        const { responses: carried, carriedFrom } = carryOver(
          from.id,
          stored,
          diffStandards(toRaw(older), toRaw(newer)),
        )
        return {
          standardId: newer.id,
          targets: carryTargets(from.targets, newer),
          responses: carried,
          carriedFrom,
        }
      },
      suffix,
    )
    await refresh()
    return record
  }

  return {
    assessments,
    status,
    progressById,
    refresh,
    create,
    rename,
    remove,
    newRound,
    reassess,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssessmentsStore, import.meta.hot))
