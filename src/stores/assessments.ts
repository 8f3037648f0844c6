import { acceptHMRUpdate, defineStore } from 'pinia'
import { shallowRef, ref, toRaw, onScopeDispose } from 'vue'
import {
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessments,
  responsesOf,
  updateAssessment,
} from '@/db/assessments'
import { reviewersOf } from '@/db/reviews'
import { startNewRound, startRoundOn } from '@/db/rounds'
import type { NewAssessment } from '@/domain/assessment/rounds'
import type { AssessmentRecord } from '@/domain/assessment/records'
import { rateableItems, type RateableItem } from '@/domain/assessment/items'
import { carryOver, carryTargets } from '@/domain/assessment/carry'
import type { Standard } from '@/domain/standard/schema'
import { diffStandards } from '@/domain/standard/versions'
import { progress, type Progress } from '@/domain/assessment/ratings'
import { LIST_PAGE } from '@/composables/useListPage'
import { useTabSync, type StoredChange } from '@/composables/useTabSync'
import { useRatingStore } from './rating'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'

/**
 * The list of assessments kept on this device. The records are read whole (a few hundred bytes
 * each); their progress and who reviewed them are read only for the cards on screen, so a
 * device with 20,000 assessments shows its list as fast as one with twenty.
 */
export const useAssessmentsStore = defineStore('assessments', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()
  const rating = useRatingStore()
  const assessments = shallowRef<AssessmentRecord[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  /** Progress of the assessments whose cards have been shown, by id. */
  const progressById = shallowRef<ReadonlyMap<string, Progress>>(new Map())
  /** The supervisor each shown assessment came back reviewed by, by id. */
  const reviewerById = shallowRef<ReadonlyMap<string, string>>(new Map())
  // A standard's items are worked out once, not once per assessment made on it.
  const items = new WeakMap<Standard, RateableItem[]>()
  const itemsOf = (standard: Standard) => {
    let found = items.get(standard)
    if (!found) items.set(standard, (found = rateableItems(standard)))
    return found
  }

  /**
   * Reads the progress and reviewer of the given assessments (the cards about to be shown)
   * where they are not read yet, or again if `again` (a review came back for one).
   */
  async function loadDetails(ids: readonly string[], again = false): Promise<void> {
    const wanted = again ? [...ids] : ids.filter((id) => !progressById.value.has(id))
    if (!wanted.length) return
    const byId = new Map(assessments.value.map((a) => [a.id, a]))
    const [rows, reviewers] = await Promise.all([responsesOf(wanted), reviewersOf(wanted)])
    const next = new Map(progressById.value)
    for (const id of wanted) {
      const standard = standards.get(byId.get(id)?.standardId ?? '')
      if (!standard) continue
      const responses = new Map((rows.get(id) ?? []).map((r) => [r.itemKey, r]))
      next.set(id, progress(itemsOf(standard), responses))
    }
    progressById.value = next
    reviewerById.value = new Map([...reviewerById.value, ...reviewers])
  }

  const tabs = useTabSync(heard)
  /** Assessments rated in another tab whose cards show a count, read again together. */
  const stale = new Set<string>()
  let staleTimer: ReturnType<typeof setTimeout> | undefined
  // A page closed before the list was read again has nothing left to show it on.
  onScopeDispose(() => clearTimeout(staleTimer))

  /** Another page stored something: the list, once read, follows it. */
  function heard(change: StoredChange): void {
    if (status.value !== 'ready') return
    if (change.kind === 'response' && progressById.value.has(change.assessmentId)) {
      stale.add(change.assessmentId)
      staleTimer ??= setTimeout(() => {
        staleTimer = undefined
        const ids = [...stale]
        stale.clear()
        void loadDetails(ids, true)
      }, 250)
    } else if (change.kind === 'assessment') void rereadOne(change.assessmentId)
    else if (change.kind === 'assessment-deleted')
      assessments.value = assessments.value.filter((a) => a.id !== change.assessmentId)
    else if (change.kind === 'everything') void refresh()
  }

  /** Reads one assessment again (renamed, or made, in another tab). */
  async function rereadOne(id: string): Promise<void> {
    const record = await getAssessment(id)
    if (!record) return
    const at = assessments.value.findIndex((a) => a.id === id)
    // A new one: the list reads itself again, in its order.
    if (at < 0) return void refresh()
    assessments.value = assessments.value.with(at, record)
  }

  /** Reads the list again from the database, and the details of its first page. */
  async function refresh(): Promise<void> {
    status.value = 'loading'
    try {
      await standards.load()
      assessments.value = await listAssessments()
      progressById.value = new Map()
      reviewerById.value = new Map()
      await loadDetails(assessments.value.slice(0, LIST_PAGE).map((a) => a.id))
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
    tabs.announce({ kind: 'assessment', assessmentId: record.id })
    if (storage.persist === 'unknown' || storage.persist === 'best-effort')
      void storage.requestPersistence()
    // The list reads itself again when it is next shown: not 20,000 records on the way to rating.
    status.value = 'idle'
    return record
  }

  /** The rating page keeps an assessment open; a changed or deleted one is read again. */
  function forgetOpen(id: string): void {
    if (rating.assessment?.id === id) rating.close()
  }

  async function rename(id: string, title: string): Promise<void> {
    await updateAssessment(id, { title: title.trim() })
    tabs.announce({ kind: 'assessment', assessmentId: id })
    forgetOpen(id)
    await refresh()
  }

  async function remove(id: string): Promise<void> {
    await deleteAssessment(id)
    tabs.announce({ kind: 'assessment-deleted', assessmentId: id })
    forgetOpen(id)
    await refresh()
  }

  /** The rounds being started, by what they start from: a second click joins the first. */
  const starting = new Map<string, Promise<AssessmentRecord>>()

  /** Makes a round once: asked again while it is being made (a double click), the same round. */
  function once(key: string, make: () => Promise<AssessmentRecord>): Promise<AssessmentRecord> {
    const pending = starting.get(key)
    if (pending) return pending
    const made = (async () => {
      try {
        const record = await make()
        tabs.announce({ kind: 'assessment', assessmentId: record.id })
        await refresh()
        return record
      } finally {
        starting.delete(key)
      }
    })()
    starting.set(key, made)
    return made
  }

  /**
   * Starts a new round from an assessment (see startNewRound). A double click makes one round,
   * not two.
   */
  function newRound(fromId: string): Promise<AssessmentRecord> {
    return once(`next:${fromId}`, () => startNewRound(fromId))
  }

  /**
   * Reassesses on a newer version of the standard: starts a new round on `newerId` for the same
   * person and scale, carrying over the responses of the items whose code and text are the same
   * and recording what changed, came and went (see domain/assessment/carry.ts). The earlier
   * round stays as it was, on its own version. Rejects, storing nothing, when either standard
   * is not on this device. A double click makes one round.
   */
  function reassess(fromId: string, newerId: string): Promise<AssessmentRecord> {
    return once(`on:${fromId}:${newerId}`, () => startOn(fromId, newerId))
  }

  async function startOn(fromId: string, newerId: string): Promise<AssessmentRecord> {
    await standards.load()
    const newer = standards.get(newerId)
    if (!newer) throw new Error(`no standard ${newerId}`)
    return startRoundOn(fromId, (from, stored) => {
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
    })
  }

  return {
    assessments,
    status,
    progressById,
    reviewerById,
    refresh,
    loadDetails,
    create,
    rename,
    remove,
    newRound,
    reassess,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssessmentsStore, import.meta.hot))
