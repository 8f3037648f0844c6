import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw } from 'vue'
import { latestTurn } from '@/composables/latest'
import { useTabSync, type StoredChange } from '@/composables/useTabSync'
import {
  addPlanAction,
  addReviewPlanAction,
  loadPlan,
  loadReviewPlan,
  removePlanAction,
  removeReviewPlanAction,
  updatePlanAction,
  updateReviewPlanAction,
} from '@/db/plan'
import { editAction, newAction } from '@/domain/plan/actions'
import type { ActionChanges, ActionDraft, PlanAction, PlanRole } from '@/domain/plan/schema'
import { useStorageStore } from './storage'

/** Whose plan is open: an employee's assessment, or a supervisor's review. */
export type PlanOwner = { kind: 'assessment'; id: string } | { kind: 'review'; id: string }

/** The fields a change writes: those that differ, and who changed the action when. */
function changedPart(before: PlanAction, after: PlanAction): Partial<PlanAction> {
  const part: Partial<Record<keyof PlanAction, unknown>> = {}
  for (const key of Object.keys(after) as (keyof PlanAction)[])
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) part[key] = after[key]
  return part as Partial<PlanAction>
}

/**
 * The development plan open on a page: an employee's (the results page, their assessment) or
 * the one a supervisor is agreeing (the review page). Every change is stored at once, the
 * changed fields only; the page shows it once it is stored, and follows the changes other tabs
 * store.
 */
export const usePlanStore = defineStore('plan', () => {
  const storage = useStorageStore()
  const owner = ref<PlanOwner | null>(null)
  const actions = shallowRef<PlanAction[]>([])
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  /** An action being written: its id (the page keeps its controls still meanwhile). */
  const saving = ref<string | null>(null)
  /** The last change could not be stored (full storage, a deleted assessment). */
  const failed = ref(false)

  /** Who the person at this page is in the plan. */
  const role = computed<PlanRole>(() =>
    owner.value?.kind === 'review' ? 'supervisor' : 'employee',
  )

  const opening = latestTurn()
  const tabs = useTabSync(heard)

  /** Tells the other tabs this plan changed. */
  function announce(current: PlanOwner): void {
    tabs.announce({ kind: 'plan', owner: current.kind, id: current.id })
  }

  /** Another tab stored something: reads the plan again if it was this one's. */
  function heard(change: StoredChange): void {
    const current = owner.value
    if (!current || status.value !== 'ready') return
    const mine = (kind: PlanOwner['kind'], id: string) => current.kind === kind && current.id === id
    if (change.kind === 'everything') void reread(current)
    else if (change.kind === 'plan' && mine(change.owner, change.id)) void reread(current)
    else if (change.kind === 'review-replaced' && mine('review', change.reviewId))
      void reread(current)
    else if (change.kind === 'assessment-deleted') forget('assessment', change.assessmentId)
    else if (change.kind === 'review-deleted') forget('review', change.reviewId)
  }

  /** Reads the open plan again, keeping what the page shows if the read fails. */
  async function reread(current: PlanOwner): Promise<void> {
    const isLatest = opening.begin()
    try {
      const loaded =
        current.kind === 'assessment'
          ? await loadPlan(current.id)
          : await loadReviewPlan(current.id)
      if (isLatest() && owner.value === current) actions.value = loaded
    } catch {
      // The plan shown stays; the next change or open reads it again.
    }
  }

  /** Reads the plan of an assessment or a review. */
  async function open(next: PlanOwner): Promise<void> {
    if (owner.value?.kind === next.kind && owner.value.id === next.id && status.value === 'ready')
      return
    const isLatest = opening.begin()
    owner.value = next
    status.value = 'loading'
    failed.value = false
    try {
      const loaded =
        next.kind === 'assessment' ? await loadPlan(next.id) : await loadReviewPlan(next.id)
      if (!isLatest()) return
      actions.value = loaded
      status.value = 'ready'
    } catch (error) {
      if (!isLatest()) return
      storage.report(error)
      actions.value = []
      status.value = 'failed'
    }
  }

  /** Runs one write; says whether it was stored, and reports a failure the one way. */
  async function write(
    id: string,
    run: (current: PlanOwner) => Promise<unknown>,
  ): Promise<boolean> {
    const current = owner.value
    if (!current) return false
    saving.value = id
    failed.value = false
    try {
      await run(current)
      storage.clearProblem()
      announce(current)
      return true
    } catch (error) {
      storage.report(error)
      failed.value = true
      return false
    } finally {
      if (saving.value === id) saving.value = null
    }
  }

  /** Adds an action from a draft, proposed by the person at this page. */
  async function add(draft: ActionDraft): Promise<PlanAction | undefined> {
    const action = newAction(draft, role.value, {
      id: crypto.randomUUID(),
      createdAt: new Date().toISOString(),
    })
    const stored = await write(action.id, (o) =>
      o.kind === 'assessment' ? addPlanAction(o.id, action) : addReviewPlanAction(o.id, action),
    )
    if (!stored) return undefined
    actions.value = [...actions.value, action]
    return action
  }

  /** Changes an action; only the fields that changed are written. */
  async function update(id: string, changes: ActionChanges): Promise<boolean> {
    const before = actions.value.find((a) => a.id === id)
    if (!before) return false
    const after = editAction(toRaw(before), changes, role.value, new Date().toISOString())
    const part = changedPart(before, after)
    let found = true
    const stored = await write(id, async (o) => {
      found =
        o.kind === 'assessment'
          ? await updatePlanAction(o.id, id, part)
          : await updateReviewPlanAction(o.id, id, part)
    })
    if (!stored) return false
    // Removed in another tab meanwhile: the page drops it too.
    actions.value = found
      ? actions.value.map((a) => (a.id === id ? after : a))
      : actions.value.filter((a) => a.id !== id)
    return found
  }

  /** Takes an action out of the plan (a draft thought better of, or dropped in the review). */
  async function remove(id: string): Promise<boolean> {
    const stored = await write(id, (o) =>
      o.kind === 'assessment' ? removePlanAction(o.id, id) : removeReviewPlanAction(o.id, id),
    )
    if (stored) actions.value = actions.value.filter((a) => a.id !== id)
    return stored
  }

  /** Forgets the open plan if it is this owner's (deleted). */
  function forget(kind: PlanOwner['kind'], id: string): void {
    if (owner.value?.kind !== kind || owner.value.id !== id) return
    owner.value = null
    actions.value = []
    status.value = 'idle'
  }

  return { owner, actions, status, saving, failed, role, open, add, update, remove, forget }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlanStore, import.meta.hot))
