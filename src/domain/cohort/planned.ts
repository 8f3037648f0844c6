/**
 * What the people of a cohort have already planned for each item: the actions of their
 * development plans (domain/plan), reduced to a few bits per item so ten thousand members carry
 * them in one small typed array each, as they carry their ratings.
 *
 * The plan read is the agreed one where the file has it: a reviewed file's `review.plan` (the
 * supervisor's, as agreed); a review with no plan (one made before plans) leaves the employee's
 * own `assessment.plan`. A format 1 file reads as format 2 with an empty plan.
 */
import type { AssessmentFileContent } from '../files/assessment-file'
import type { Plan, PlanKind } from '../plan/schema'

/** The bit of an action of each kind still to do (planned or in progress). */
export const PLANNED_KIND: Readonly<Record<PlanKind, number>> = {
  practice: 1,
  coaching: 2,
  course: 4,
}
/** Any action still to do, whatever its kind. */
export const PLANNED_ANY = 7
/** An action on the item is done. */
export const PLANNED_DONE = 8

/** The plan a file's figures follow: the agreed one where there is one, else the employee's. */
export function planOf(content: AssessmentFileContent): Plan {
  const agreed = content.review?.plan
  return agreed?.length ? agreed : content.assessment.plan
}

/**
 * Each item's plan bits, in the cohort's item order: the kinds of action still to do that aim
 * at it, and whether one is done. A dropped action counts for nothing; a code the cohort does
 * not have is left out, as in the ratings.
 */
export function plannedArray(
  content: AssessmentFileContent,
  index: ReadonlyMap<string, number>,
): Uint8Array {
  const bits = new Uint8Array(index.size)
  for (const action of planOf(content)) {
    const bit =
      action.status === 'done'
        ? PLANNED_DONE
        : action.status === 'dropped'
          ? 0
          : PLANNED_KIND[action.kind]
    if (!bit) continue
    for (const code of action.items) {
      const at = index.get(code)
      if (at !== undefined) bits[at]! |= bit
    }
  }
  return bits
}
