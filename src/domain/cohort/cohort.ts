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
  /** The self-rating of each item, in the cohort's item order (see `encodeRating`). */
  self: Int8Array
  /** The supervisor's rating of each item, or null when the file carries no review. */
  supervisor: Int8Array | null
  /** The target of each item for this person (shared with members of the same overrides). */
  targets: readonly number[]
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
 * overrides (see `buildCohort`, which caches them).
 */
export function cohortMember(
  content: AssessmentFileContent,
  index: ReadonlyMap<string, number>,
  targetsOf: (overrides: TargetOverrides) => readonly number[],
  dayOf: (iso: string) => string = (iso) => localDate(new Date(iso)),
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
    self: ratingsArray(assessment.ratings, index),
    supervisor: review ? ratingsArray(review.ratings, index) : null,
    targets: targetsOf(assessment.targets),
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
  make(file: AssessmentFileContent): CohortMember
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
    make(file) {
      if (file.standard.id !== standard.id || file.assessment.scale !== scale.id)
        throw new RangeError(
          `assessment ${file.assessment.id} is on ${file.standard.id} (${file.assessment.scale}), not ${standard.id} (${scale.id})`,
        )
      return cohortMember(file, index, targetsOf, options.dayOf)
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
  return { standard, scale, items, index, members: files.map(make) }
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

/** Members made at once between two pauses of `unpackMembers`. */
const UNPACKED_AT_ONCE = 1000

// --- members as columns ---------------------------------------------------------------------

/** A member's texts, in the order `PackedMembers.text` holds them. */
const TEXT_FIELDS = [
  'id',
  'person',
  'personKey',
  'employeeId',
  'department',
  'jobTitle',
  'updatedAt',
  'day',
  'exportedAt',
] as const

/**
 * A cohort's members as a few columns, to cross from a worker to the page: the ratings of all
 * members in two typed arrays whose buffers are moved (transferred), not copied, and the texts
 * in one list, instead of 10,000 objects of a dozen fields and two small arrays each, which the
 * page would rebuild one by one. `unpackMembers` gives back the same members.
 */
export interface PackedMembers {
  count: number
  /** Items per member: the length of each member's `self`. */
  width: number
  /** TEXT_FIELDS.length texts per member, member after member. */
  text: string[]
  round: Float64Array
  /** 1 where the file carries a review (and so a row of `supervisor`). */
  reviewed: Uint8Array
  /** Each member's self-ratings, `width` codes each, member after member. */
  self: Int8Array
  /** Each member's supervisor's ratings; zeros for a member without a review. */
  supervisor: Int8Array
  /** Each distinct list of targets once, `width` values each. */
  targets: Float64Array
  /** Which list of targets each member has. */
  targetSet: Uint32Array
}

/** Packs members that all have `width` items; `transfer` lists the buffers to move. */
export function packMembers(
  members: readonly CohortMember[],
  width: number,
): { packed: PackedMembers; transfer: ArrayBuffer[] } {
  const count = members.length
  const text: string[] = []
  const round = new Float64Array(count)
  const reviewed = new Uint8Array(count)
  const self = new Int8Array(count * width)
  const supervisor = new Int8Array(count * width)
  const sets = new Map<readonly number[], number>()
  const targetSet = new Uint32Array(count)
  members.forEach((m, k) => {
    if (m.self.length !== width)
      throw new RangeError(`member ${m.id} has ${m.self.length} items, not ${width}`)
    for (const field of TEXT_FIELDS) text.push(m[field])
    round[k] = m.round
    self.set(m.self, k * width)
    if (m.supervisor) {
      reviewed[k] = 1
      supervisor.set(m.supervisor, k * width)
    }
    let set = sets.get(m.targets)
    if (set === undefined) sets.set(m.targets, (set = sets.size))
    targetSet[k] = set
  })
  const targets = new Float64Array(sets.size * width)
  for (const [list, set] of sets) targets.set(list, set * width)
  const packed = { count, width, text, round, reviewed, self, supervisor, targets, targetSet }
  return { packed, transfer: packedBuffers(packed) }
}

/** The buffers of packed members, to move with them (each once). */
export function packedBuffers(packed: PackedMembers): ArrayBuffer[] {
  const { round, reviewed, self, supervisor, targets, targetSet } = packed
  return [
    ...new Set([round, reviewed, self, supervisor, targets, targetSet].map((a) => a.buffer)),
  ] as ArrayBuffer[]
}

/**
 * The members of `packMembers`, in the same order. Each member's ratings are views of the
 * packed arrays (no copy); members that shared a list of targets share one again. With
 * `pause`, thousands are made a thousand at a time, awaiting `pause` between (the page
 * gives its thread a turn).
 */
export async function unpackMembers(
  packed: PackedMembers,
  pause?: () => Promise<void>,
): Promise<CohortMember[]> {
  const { count, width, text } = packed
  const lists: (readonly number[])[] = []
  for (let at = 0; at < packed.targets.length; at += width)
    lists.push(Array.from(packed.targets.subarray(at, at + width)))
  const fields = TEXT_FIELDS.length
  const members: CohortMember[] = new Array(count)
  for (let k = 0; k < count; k++) {
    if (pause && k && k % UNPACKED_AT_ONCE === 0) await pause()
    const t = k * fields
    const from = k * width
    const reviewed = packed.reviewed[k] === 1
    members[k] = {
      id: text[t]!,
      person: text[t + 1]!,
      personKey: text[t + 2]!,
      employeeId: text[t + 3]!,
      department: text[t + 4]!,
      jobTitle: text[t + 5]!,
      round: packed.round[k]!,
      updatedAt: text[t + 6]!,
      day: text[t + 7]!,
      exportedAt: text[t + 8]!,
      reviewed,
      self: packed.self.subarray(from, from + width),
      supervisor: reviewed ? packed.supervisor.subarray(from, from + width) : null,
      targets: lists[packed.targetSet[k]!]!,
    }
  }
  return members
}
