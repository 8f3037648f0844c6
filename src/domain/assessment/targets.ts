/**
 * Changes of an assessment's targets as a page writes them: only the duties and tasks whose
 * target changed, so targets set in another tab meanwhile stay.
 */
import type { TargetOverrides } from './records'

/** Targets changed: per duty and per task code, the new value, or null where it was taken away. */
export interface TargetsPatch {
  duties: Record<string, number | null>
  tasks: Record<string, number | null>
}

const KINDS = ['duties', 'tasks'] as const

/** The targets that differ between two sets. */
export function targetsChanged(before: TargetOverrides, after: TargetOverrides): TargetsPatch {
  const patch: TargetsPatch = { duties: {}, tasks: {} }
  for (const kind of KINDS)
    for (const code of new Set([...Object.keys(before[kind]), ...Object.keys(after[kind])]))
      if (before[kind][code] !== after[kind][code]) patch[kind][code] = after[kind][code] ?? null
  return patch
}

/** `targets` with a patch laid over it (a new object; `targets` is left as it is). */
export function applyTargets(targets: TargetOverrides, patch: TargetsPatch): TargetOverrides {
  const next: TargetOverrides = { duties: { ...targets.duties }, tasks: { ...targets.tasks } }
  for (const kind of KINDS)
    for (const [code, value] of Object.entries(patch[kind]))
      if (value === null) delete next[kind][code]
      else next[kind][code] = value
  return next
}
