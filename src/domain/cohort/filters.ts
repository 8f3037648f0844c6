/**
 * The filters every cohort view follows, as one pure predicate, and the values each filter can
 * take in a cohort (with how many assessments have each).
 */
import type { Cohort, CohortMember } from './cohort'
import { withMembers } from './cohort'

export interface CohortFilter {
  /** Departments to keep; empty or absent keeps all. '' stands for "not given". */
  departments?: readonly string[]
  jobTitles?: readonly string[]
  rounds?: readonly number[]
  /** First and last calendar day (YYYY-MM-DD) kept, both included; absent leaves it open. */
  from?: string
  to?: string
  /** Keep only assessments with a supervisor's review. */
  reviewedOnly?: boolean
}

const within = <T>(chosen: readonly T[] | undefined, value: T) =>
  !chosen?.length || chosen.includes(value)

export function matchesFilter(member: CohortMember, filter: CohortFilter): boolean {
  return (
    within(filter.departments, member.department) &&
    within(filter.jobTitles, member.jobTitle) &&
    within(filter.rounds, member.round) &&
    (!filter.from || member.day >= filter.from) &&
    (!filter.to || member.day <= filter.to) &&
    (!filter.reviewedOnly || member.reviewed)
  )
}

/** Whether a filter keeps every member (nothing chosen in it). */
export function isEmptyFilter(filter: CohortFilter): boolean {
  return (
    !filter.departments?.length &&
    !filter.jobTitles?.length &&
    !filter.rounds?.length &&
    !filter.from &&
    !filter.to &&
    !filter.reviewedOnly
  )
}

export function filterCohort(cohort: Cohort, filter: CohortFilter): Cohort {
  return withMembers(
    cohort,
    cohort.members.filter((m) => matchesFilter(m, filter)),
  )
}

export interface FilterValue<T> {
  value: T
  /** Assessments with this value. */
  count: number
}

export interface FilterOptions {
  departments: FilterValue<string>[]
  jobTitles: FilterValue<string>[]
  rounds: FilterValue<number>[]
  /** The first and last day of the cohort; null when it is empty. */
  days: { from: string; to: string } | null
  reviewed: number
}

const collator = new Intl.Collator('zh-TW', { numeric: true })

function counted<T extends string | number>(
  values: Iterable<T>,
  compare: (a: T, b: T) => number,
): FilterValue<T>[] {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => compare(a.value, b.value))
}

/** The values each filter can take: those the members have, in the order a list shows them. */
export function filterOptions(members: readonly CohortMember[]): FilterOptions {
  let from: string | undefined
  let to: string | undefined
  for (const { day } of members) {
    if (from === undefined || day < from) from = day
    if (to === undefined || day > to) to = day
  }
  return {
    departments: counted(
      members.map((m) => m.department),
      collator.compare,
    ),
    jobTitles: counted(
      members.map((m) => m.jobTitle),
      collator.compare,
    ),
    rounds: counted(
      members.map((m) => m.round),
      (a, b) => a - b,
    ),
    days: from !== undefined && to !== undefined ? { from, to } : null,
    reviewed: members.filter((m) => m.reviewed).length,
  }
}
