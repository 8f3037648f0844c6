/**
 * A cohort ready for its maths: the standard's rateable items once, and each member (one
 * assessment file) reduced to what the views need, with its ratings in a small typed array in
 * the items' order and its target for every item resolved once.
 *
 * Targets come from `targetResolver`, the rule of one assessment; members with the same target
 * overrides (nearly all: most files have none) share one resolved list, so 10,000 files cost
 * one pass over the standard, not 10,000.
 */
import type { Standard } from '../standard/schema'
import type { AssessmentFileContent } from '../files/assessment-file'
import { rateableItems, type RateableItem } from '../assessment/items'
import { targetResolver } from '../assessment/gaps'
import type { RatingValue } from '../assessment/ratings'
import type { TargetOverrides } from '../assessment/records'
import type { Scale } from '../assessment/scales'
import { canonicalJson } from '../io/canonical'
import { localDate } from '../dates'
import { plannedArray } from './planned'

/** How a rating is held in a member's array: a scale value 1–6, or one of these. */
export const UNRATED = 0
export const NA = -1

export function encodeRating(rating: RatingValue | null | undefined): number {
  return rating === 'na' ? NA : typeof rating === 'number' ? rating : UNRATED
}

export function decodeRating(code: number): RatingValue | null {
  return code === NA ? 'na' : code === UNRATED ? null : code
}

export interface CohortMember {
  /** The assessment's id: a cohort holds one member per assessment. */
  id: string
  /** The person's name as the file gives it. Shown only through `displayName`. */
  person: string
  /** Who the person is across rounds: their employee id where given, else their name. */
  personKey: string
  employeeId: string
  department: string
  jobTitle: string
  round: number
  /** When the assessment was last rated, and that moment's calendar day where the app runs. */
  updatedAt: string
  day: string
  exportedAt: string
  reviewed: boolean
  /**
   * The short fingerprint of the key that signed the review (domain/io/sign.ts), or '' for a
   * file with no review or an unsigned one. A broken signature never gets here: the reader
   * refuses the file.
   */
  fingerprint: string
  /** The reviewer's name as the review gives it ('' without a review). Never shown anonymised. */
  reviewer: string
  /** The self-rating of each item, in the cohort's item order (see `encodeRating`). */
  self: Int8Array
  /** The supervisor's rating of each item, or null when the file carries no review. */
  supervisor: Int8Array | null
  /** The target of each item for this person (shared with members of the same overrides). */
  targets: readonly number[]
  /** What the person's development plan aims at each item, in item order (see planned.ts). */
  planned: Uint8Array
}

export interface Cohort {
  standard: Standard
  scale: Scale
  /** Every rateable item, in reading order. */
  items: readonly RateableItem[]
  /** An item's position in `items`, by its code. */
  index: ReadonlyMap<string, number>
  members: readonly CohortMember[]
}

/** Who a person is: the employee id where the file gives one (names repeat), else the name. */
export function personKey(subject: { name: string; employeeId: string }): string {
  const id = subject.employeeId.trim()
  return id ? `employee:${id}` : `name:${subject.name.trim()}`
}

function ratingsArray(
  ratings: readonly { item: string; rating: RatingValue | null }[],
  index: ReadonlyMap<string, number>,
): Int8Array {
  const codes = new Int8Array(index.size)
  for (const r of ratings) {
    const at = index.get(r.item)
    // A checked file names only items of its standard; anything else is left out, not guessed.
    if (at !== undefined) codes[at] = encodeRating(r.rating)
  }
  return codes
}

/**
 * One file as a member of a cohort. `targetsOf` gives the resolved targets for the file's
 * overrides (see `buildCohort`, which caches them); `fingerprint` is the review's signing key's,
 * found by the caller (it takes a digest: see reviewers.ts), '' where there is none.
 */
export function cohortMember(
  content: AssessmentFileContent,
  index: ReadonlyMap<string, number>,
  targetsOf: (overrides: TargetOverrides) => readonly number[],
  dayOf: (iso: string) => string = (iso) => localDate(new Date(iso)),
  fingerprint = '',
): CohortMember {
  const { assessment, review } = content
  return {
    id: assessment.id,
    person: assessment.subject.name,
    personKey: personKey(assessment.subject),
    employeeId: assessment.subject.employeeId,
    department: assessment.subject.department.trim(),
    jobTitle: assessment.subject.jobTitle.trim(),
    round: assessment.round,
    updatedAt: assessment.updatedAt,
    day: dayOf(assessment.updatedAt),
    exportedAt: content.exportedAt,
    reviewed: review !== null,
    fingerprint: review ? fingerprint : '',
    reviewer: review?.reviewer.name.trim() ?? '',
    self: ratingsArray(assessment.ratings, index),
    supervisor: review ? ratingsArray(review.ratings, index) : null,
    targets: targetsOf(assessment.targets),
    planned: plannedArray(content, index),
  }
}

/**
 * Makes the members of one standard's and scale's cohort a file at a time (a worker reads a
 * cohort's files in pages and never holds them all). Members with the same target overrides
 * share one resolved list of targets. A file of another standard or scale is a mistake of the
 * caller's and is refused with an error. `dayOf` gives the calendar day of a moment (by
 * default where the app runs, as on screen).
 */
export function memberMaker(
  standard: Standard,
  scale: Scale,
  options: { dayOf?: (iso: string) => string } = {},
): {
  items: readonly RateableItem[]
  index: ReadonlyMap<string, number>
  /** The file as a member; `fingerprint`: its review's signing key's, if signed. */
  make(file: AssessmentFileContent, fingerprint?: string): CohortMember
} {
  const items = rateableItems(standard)
  const index = new Map(items.map((item, i) => [item.key, i]))
  const resolved = new Map<string, readonly number[]>()
  const targetsOf = (overrides: TargetOverrides) => {
    const empty = !Object.keys(overrides.duties).length && !Object.keys(overrides.tasks).length
    const key = empty ? '' : canonicalJson(overrides)
    let targets = resolved.get(key)
    if (!targets) {
      const targetOf = targetResolver(standard, scale, overrides)
      targets = items.map(targetOf)
      resolved.set(key, targets)
    }
    return targets
  }
  return {
    items,
    index,
    make(file, fingerprint = '') {
      if (file.standard.id !== standard.id || file.assessment.scale !== scale.id)
        throw new RangeError(
          `assessment ${file.assessment.id} is on ${file.standard.id} (${file.assessment.scale}), not ${standard.id} (${scale.id})`,
        )
      return cohortMember(file, index, targetsOf, options.dayOf, fingerprint)
    },
  }
}

/** The cohort of one standard and scale from its files (one per assessment: see `pool`). */
export function buildCohort(
  standard: Standard,
  scale: Scale,
  files: readonly AssessmentFileContent[],
  options: { dayOf?: (iso: string) => string } = {},
): Cohort {
  const { items, index, make } = memberMaker(standard, scale, options)
  return { standard, scale, items, index, members: files.map((file) => make(file)) }
}

/** The cohort of members made elsewhere (a worker) with `memberMaker` on the same standard. */
export function cohortOf(
  standard: Standard,
  scale: Scale,
  members: readonly CohortMember[],
): Cohort {
  const items = rateableItems(standard)
  return { standard, scale, items, index: new Map(items.map((item, i) => [item.key, i])), members }
}

/** The same cohort with fewer members (a filter's result). */
export function withMembers(cohort: Cohort, members: readonly CohortMember[]): Cohort {
  return { ...cohort, members }
}

/** Whether every item has an answer: a scale value or n/a. */
export function isComplete(member: CohortMember): boolean {
  return !member.self.includes(UNRATED)
}
