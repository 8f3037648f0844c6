/**
 * Making and changing a plan's actions, pure: who changed an action last is part of it, and a
 * change of what an action is (not of how far it has come) takes back an agreement the other
 * person has not seen.
 */
import { codePointOrder } from '../order'
import type { Stamp } from '../assessment/rounds'
import {
  CONTENT_FIELDS,
  type ActionChanges,
  type ActionDraft,
  type ActionForm,
  type ContentField,
  type PlanAction,
  type PlanRole,
} from './schema'

/** An empty draft, aimed at the items given (the person picks the rest). */
export function emptyDraft(items: readonly string[] = []): ActionDraft {
  return { what: '', kind: 'practice', items: [...items], support: '', due: null, success: '' }
}

/** Item codes as a plan keeps them: each once, in the order given. */
function uniqueItems(items: readonly string[]): string[] {
  return [...new Set(items.map((i) => i.trim()).filter(Boolean))]
}

/** A new action from a draft, proposed by `role`. */
export function newAction(
  draft: ActionDraft,
  role: PlanRole,
  { id, createdAt }: Stamp,
): PlanAction {
  return {
    id,
    what: draft.what.trim(),
    kind: draft.kind,
    items: uniqueItems(draft.items),
    support: draft.support.trim(),
    due: draft.due,
    success: draft.success.trim(),
    status: 'planned',
    proposedBy: role,
    changedBy: role,
    agreed: false,
    createdAt,
    updatedAt: createdAt,
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The content fields in which two versions of an action differ. */
export function changedFields(before: PlanAction, after: PlanAction): ContentField[] {
  return CONTENT_FIELDS.filter((f) => !same(before[f], after[f]))
}

/**
 * An action with some of its fields changed by `role` at `at`. The supervisor's change keeps the
 * agreement they give or take with it; the employee's change of what the action is takes the
 * agreement back (the supervisor agreed to something else), while a change of status keeps it.
 */
export function editAction(
  action: PlanAction,
  changes: ActionChanges,
  role: PlanRole,
  at: string,
): PlanAction {
  const next: PlanAction = {
    ...action,
    ...changes,
    ...(changes.what !== undefined ? { what: changes.what.trim() } : {}),
    ...(changes.support !== undefined ? { support: changes.support.trim() } : {}),
    ...(changes.success !== undefined ? { success: changes.success.trim() } : {}),
    ...(changes.items !== undefined ? { items: uniqueItems(changes.items) } : {}),
    changedBy: role,
    updatedAt: at,
  }
  if (role === 'employee') {
    // Only the supervisor agrees; an employee's change of content takes it back.
    next.agreed = action.agreed && changedFields(action, next).length === 0
  }
  return next
}

/**
 * What a person changed in the action form: the fields that differ from those the form opened
 * with, and no other, so a field changed in another tab while the form was open stays as it is.
 */
export function formChanges(initial: ActionForm, form: ActionForm): ActionChanges {
  const changes: Record<string, unknown> = {}
  for (const field of [...CONTENT_FIELDS, 'status', 'agreed'] as const)
    if (form[field] !== undefined && !same(initial[field], form[field]))
      changes[field] = form[field]
  return changes as ActionChanges
}

/** Whether an action still asks for work (not done, not dropped). */
export function isOpen(action: PlanAction): boolean {
  return action.status === 'planned' || action.status === 'in-progress'
}

/** The actions in the order a plan shows them: open ones first, then by due date and creation. */
export function planOrder(actions: readonly PlanAction[]): PlanAction[] {
  const rank = (a: PlanAction) => (isOpen(a) ? 0 : a.status === 'done' ? 1 : 2)
  return [...actions].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      codePointOrder(a.due ?? '9999', b.due ?? '9999') ||
      codePointOrder(a.createdAt, b.createdAt) ||
      codePointOrder(a.id, b.id),
  )
}

/** How many actions of each kind a plan has (its 70-20-10 balance), dropped ones left out. */
export function kindCounts(actions: readonly PlanAction[]): Record<PlanAction['kind'], number> {
  const counts = { practice: 0, coaching: 0, course: 0 }
  for (const a of actions) if (a.status !== 'dropped') counts[a.kind] += 1
  return counts
}

/** The items the plan aims at, each with the actions that aim at it (dropped ones left out). */
export function actionsByItem(actions: readonly PlanAction[]): Map<string, PlanAction[]> {
  const byItem = new Map<string, PlanAction[]>()
  for (const action of actions) {
    if (action.status === 'dropped') continue
    for (const item of action.items) {
      const list = byItem.get(item)
      if (list) list.push(action)
      else byItem.set(item, [action])
    }
  }
  return byItem
}
