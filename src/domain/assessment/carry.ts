/**
 * Reassessing on a newer version of a standard: which of an earlier round's responses carry
 * over, and what the person must look at again. Pure: the caller reads and writes.
 */
import type { Standard } from '../standard/schema'
import type { StandardDiff } from '../standard/versions'
import type { CarriedFrom, ItemResponse, TargetOverrides } from './records'

export interface CarryOver {
  /** The responses of the new round: the unchanged items' responses, exactly as stored. */
  responses: Map<string, ItemResponse>
  /** What the new round records about where it came from (see AssessmentRecord.carriedFrom). */
  carriedFrom: CarriedFrom
}

/**
 * The responses to carry from an assessment on `diff`'s older version into a new round on its
 * newer one. Only items whose code and text are unchanged keep their response (rating or not
 * applicable, note and evidence, as stored); a changed item and a new item start unrated, and
 * a removed item's response stays with the older round only. `carried` counts the carried
 * responses that hold a rating or a not-applicable.
 */
export function carryOver(
  fromAssessmentId: string,
  responses: ReadonlyMap<string, ItemResponse>,
  diff: StandardDiff,
): CarryOver {
  const carried = new Map<string, ItemResponse>()
  let rated = 0
  for (const key of diff.unchanged) {
    const response = responses.get(key)
    if (!response) continue
    carried.set(key, { ...response })
    if (response.rating !== null) rated++
  }
  return {
    responses: carried,
    carriedFrom: {
      assessmentId: fromAssessmentId,
      standardId: diff.olderId,
      carried: rated,
      changed: diff.changed.map((c) => ({ key: c.key, kind: c.kind, old: c.old, new: c.new })),
      added: diff.added.map((i) => ({ ...i })),
      removed: diff.removed.map((i) => ({ ...i })),
    },
  }
}

/**
 * A round's own targets, kept for the duties and tasks the newer version still has: a target
 * set on a duty or task that is gone would name nothing.
 */
export function carryTargets(targets: TargetOverrides, newer: Standard): TargetOverrides {
  const duties = new Set(newer.duties.map((d) => d.code))
  const tasks = new Set(newer.duties.flatMap((d) => d.tasks.map((t) => t.code)))
  const keep = (record: Record<string, number>, codes: Set<string>) =>
    Object.fromEntries(Object.entries(record).filter(([code]) => codes.has(code)))
  return { duties: keep(targets.duties, duties), tasks: keep(targets.tasks, tasks) }
}

/** The mark a rating page shows on an item of a carried round: changed or new, else none. */
export type CarryMark = 'changed' | 'added'

export function carryMarks(carriedFrom: CarriedFrom | undefined): Map<string, CarryMark> {
  const marks = new Map<string, CarryMark>()
  for (const c of carriedFrom?.changed ?? []) marks.set(c.key, 'changed')
  for (const a of carriedFrom?.added ?? []) marks.set(a.key, 'added')
  return marks
}

/**
 * The responses a new round starts with: every rating (a scale value or not applicable) marked
 * carried, so the person is asked to confirm or change it rather than take it as fresh; notes
 * and evidence come along as they are.
 */
export function carriedOn(responses: ReadonlyMap<string, ItemResponse>): Map<string, ItemResponse> {
  return new Map(
    [...responses].map(([key, r]) => [
      key,
      r.rating === null ? r : { ...r, carried: true as const },
    ]),
  )
}
