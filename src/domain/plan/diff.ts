/**
 * What the other person changed in a plan: the plan as it was sent against the plan as it came
 * back (a supervisor's agreed plan replacing the employee's draft). Shown to the person, never
 * merged in silence.
 */
import { changedFields } from './actions'
import type { ContentField, PlanAction } from './schema'

export interface ActionChange {
  action: PlanAction
  /** The same action as it was sent. */
  before: PlanAction
  /** The content fields that differ. */
  fields: ContentField[]
  statusChanged: boolean
  /** Agreed now, and not before (or agreed before, and not now). */
  agreedChanged: boolean
}

export interface PlanDiff {
  /** Actions the other person added. */
  added: PlanAction[]
  /** Actions that were sent and did not come back. */
  removed: PlanAction[]
  changed: ActionChange[]
  /** Actions that came back as sent, apart from the agreement given to them. */
  agreedOnly: PlanAction[]
}

/** How `after` differs from `before`, action by action (matched by id). */
export function diffPlans(before: readonly PlanAction[], after: readonly PlanAction[]): PlanDiff {
  const sent = new Map(before.map((a) => [a.id, a]))
  const back = new Set(after.map((a) => a.id))
  const diff: PlanDiff = { added: [], removed: [], changed: [], agreedOnly: [] }
  for (const action of after) {
    const was = sent.get(action.id)
    if (!was) {
      diff.added.push(action)
      continue
    }
    const fields = changedFields(was, action)
    const statusChanged = was.status !== action.status
    const agreedChanged = was.agreed !== action.agreed
    if (fields.length || statusChanged) {
      diff.changed.push({ action, before: was, fields, statusChanged, agreedChanged })
    } else if (agreedChanged) diff.agreedOnly.push(action)
  }
  for (const action of before) if (!back.has(action.id)) diff.removed.push(action)
  return diff
}

/** Whether a diff holds anything to show. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  return (
    !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.agreedOnly.length
  )
}
