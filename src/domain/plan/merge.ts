/**
 * Where two people's versions of one plan meet. Pure: the database writes what these decide.
 */
import type { PlanAction } from './schema'

/** Whether the supervisor wrote or changed an action (their work, not the employee's draft). */
const supervisors = (a: PlanAction) => a.proposedBy === 'supervisor' || a.changedBy === 'supervisor'

/**
 * A supervisor's plan when a newer file of the employee's assessment arrives: the employee's
 * new draft, except that every action the supervisor added or changed stays as they left it
 * (an action the employee has since removed too, if the supervisor had worked on it).
 */
export function withNewDraft(
  working: readonly PlanAction[],
  draft: readonly PlanAction[],
): PlanAction[] {
  const kept = new Map(working.filter(supervisors).map((a) => [a.id, a]))
  const merged = draft.map((a) => kept.get(a.id) ?? a)
  const inDraft = new Set(draft.map((a) => a.id))
  for (const a of kept.values()) if (!inDraft.has(a.id)) merged.push(a)
  return merged
}

/**
 * The actions of the employee's plan on their device that the agreed plan replaces although
 * they changed after the file was sent (or were added since): listed for the person, so a
 * change made meanwhile is not lost unseen.
 */
export function changedSinceSent(
  local: readonly PlanAction[],
  sent: readonly PlanAction[],
): PlanAction[] {
  const before = new Map(sent.map((a) => [a.id, a]))
  return local.filter((a) => {
    const was = before.get(a.id)
    return !was || a.updatedAt > was.updatedAt
  })
}
