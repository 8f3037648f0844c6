/** Who is in a (filtered) cohort: people, assessments, the complete and reviewed, the dates. */
import type { Cohort } from './cohort'
import { isComplete } from './cohort'

export interface CohortSummary {
  /** Different people (see `personKey`): fewer than assessments where a person has rounds. */
  people: number
  assessments: number
  /** Assessments with every item answered (a scale value or n/a). */
  complete: number
  reviewed: number
  /** The first and last day an assessment was rated; null for an empty cohort. */
  from: string | null
  to: string | null
}

/** Who is in the cohort, and over which days its assessments were rated. */
export function cohortSummary(cohort: Cohort): CohortSummary {
  const people = new Set<string>()
  let complete = 0
  let reviewed = 0
  let from: string | null = null
  let to: string | null = null
  for (const m of cohort.members) {
    people.add(m.personKey)
    if (isComplete(m)) complete++
    if (m.reviewed) reviewed++
    if (from === null || m.day < from) from = m.day
    if (to === null || m.day > to) to = m.day
  }
  return { people: people.size, assessments: cohort.members.length, complete, reviewed, from, to }
}
