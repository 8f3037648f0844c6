/**
 * The filters every cohort view follows, as one pure predicate, and the values each filter can
 * take in a cohort (with how many assessments have each).
 */
import type { Cohort, CohortMember } from './cohort'
import { withMembers } from './cohort'
import { isVerified } from './reviewers'

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
  /**
   * Count only the reviews signed with a key on the trainer's list (reviewers.ts): the others
   * are left out of every supervisor figure, as if the file had no review. With `reviewedOnly`,
   * only assessments with a verified review are kept.
   */
  verifiedOnly?: boolean
}

const within = <T>(chosen: readonly T[] | undefined, value: T) =>
  !chosen?.length || chosen.includes(value)

/** Whether a member passes the filter (`verifiedOnly` aside: see `filterCohort`). */
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
    !filter.reviewedOnly &&
    !filter.verifiedOnly
  )
}

const NO_KEYS: ReadonlySet<string> = new Set()

/** The member as if its file had no review: what `verifiedOnly` makes of an unverified one. */
function withoutReview(member: CohortMember): CohortMember {
  return { ...member, reviewed: false, supervisor: null, fingerprint: '', reviewer: '' }
}

/**
 * The members a filter keeps. With `verifiedOnly`, a review not signed by a key in `known`
 * is taken out of its member first (then `reviewedOnly` leaves that member out too).
 */
export function filterMembers(
  members: readonly CohortMember[],
  filter: CohortFilter,
  known: ReadonlySet<string> = NO_KEYS,
): CohortMember[] {
  if (!filter.verifiedOnly) return members.filter((m) => matchesFilter(m, filter))
  const rest = { ...filter, reviewedOnly: false }
  const kept: CohortMember[] = []
  for (const m of members) {
    if (!matchesFilter(m, rest)) continue
    const member = m.reviewed && !isVerified(m, known) ? withoutReview(m) : m
    if (!filter.reviewedOnly || member.reviewed) kept.push(member)
  }
  return kept
}

/** The cohort as a filter leaves it (`known`: the fingerprints `verifiedOnly` accepts). */
export function filterCohort(
  cohort: Cohort,
  filter: CohortFilter,
  known: ReadonlySet<string> = NO_KEYS,
): Cohort {
  return withMembers(cohort, filterMembers(cohort.members, filter, known))
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
