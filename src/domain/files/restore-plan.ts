/**
 * What a checked backup would do to this device, before anything is written: the standards its
 * records need that the device would lack (named by title and code), the item codes a standard
 * does not have, and, when it is added to what is here rather than replacing it, which records
 * are new, which replace an older copy and which are older than the device's. Pure: the worker
 * that restores and the tests call it alike.
 */
import type { BackupTables } from './backup'

/** A standard as the plan needs it: who it is, and its rateable item codes. */
export interface KnownStandard {
  id: string
  title: string
  code: string | null
  keys: readonly string[]
}

/** A restore adds to what is on the device, or replaces all of it. */
export type RestoreMode = 'add' | 'replace'

/** What to do with records the device cannot show as they are. */
export interface RestoreChoices {
  /** Assessments and reviews of a standard the device lacks: kept (shown as missing) or left out. */
  missingStandards: 'keep' | 'skip'
  /** Ratings of item codes their standard does not have: kept (not shown) or left out. */
  unknownItems: 'keep' | 'skip'
}

/** A standard the backup's records use that the device would not have. */
export interface MissingStandard {
  id: string
  /** From a review's copy of it, or an added standard's unreadable body; null if none says. */
  title: string | null
  code: string | null
  assessments: number
  reviews: number
}

/** Item codes of one standard that it does not have, as the backup's ratings use them. */
export interface UnknownItems {
  standard: { id: string; title: string; code: string | null }
  /** The first codes, in code order (SHOWN_ITEMS at most). */
  items: string[]
  /** How many distinct codes, and how many ratings use them. */
  distinct: number
  ratings: number
}

/** How many item codes a message lists before it counts the rest. */
export const SHOWN_ITEMS = 12

/** What the device holds now, as the add mode needs it to compare. */
export interface DeviceIndex {
  /** Assessment id → updatedAt. */
  assessments: ReadonlyMap<string, string>
  /** The employee's assessment id a review is of → the review's id and updatedAt. */
  reviews: ReadonlyMap<string, { id: string; updatedAt: string }>
  standards: ReadonlySet<string>
  settings: ReadonlySet<string>
  received: ReadonlySet<string>
}

/** Names from what the backup itself says about a standard (a review's copy of it). */
function namesOf(tables: BackupTables): Map<string, { title: string; code: string | null }> {
  const names = new Map<string, { title: string; code: string | null }>()
  for (const r of tables.reviews)
    names.set(r.standardId, { title: r.standard.title, code: r.standard.code })
  return names
}

/**
 * The standards the backup's assessments and reviews use that `known` lacks, each with how many
 * records use it. `hints` names a standard no review names (an added standard that was refused).
 */
export function missingStandards(
  tables: BackupTables,
  known: ReadonlyMap<string, KnownStandard>,
  hints: ReadonlyMap<string, { title: string | null; code: string | null }> = new Map(),
): MissingStandard[] {
  const names = namesOf(tables)
  const missing = new Map<string, MissingStandard>()
  const entry = (id: string) => {
    let found = missing.get(id)
    if (!found) {
      const name = names.get(id) ?? hints.get(id)
      found = {
        id,
        title: name?.title ?? null,
        code: name?.code ?? null,
        assessments: 0,
        reviews: 0,
      }
      missing.set(id, found)
    }
    return found
  }
  for (const a of tables.assessments)
    if (!known.has(a.standardId)) entry(a.standardId).assessments++
  for (const r of tables.reviews) if (!known.has(r.standardId)) entry(r.standardId).reviews++
  return [...missing.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The standard each assessment and review of the backup is rated on, by their ids. */
function standardOfRecords(tables: BackupTables): {
  byAssessment: Map<string, string>
  byReview: Map<string, string>
} {
  return {
    byAssessment: new Map(tables.assessments.map((a) => [a.id, a.standardId])),
    byReview: new Map(tables.reviews.map((r) => [r.id, r.standardId])),
  }
}

/** The ratings (own and reviewers') whose item code their standard on the device lacks. */
export function unknownItems(
  tables: BackupTables,
  known: ReadonlyMap<string, KnownStandard>,
): UnknownItems[] {
  const { byAssessment, byReview } = standardOfRecords(tables)
  const keySets = new Map<string, Set<string>>()
  const found = new Map<string, { codes: Set<string>; ratings: number }>()
  const look = (standardId: string | undefined, itemKey: string) => {
    const standard = standardId === undefined ? undefined : known.get(standardId)
    if (!standard) return
    let keys = keySets.get(standard.id)
    if (!keys) keySets.set(standard.id, (keys = new Set(standard.keys)))
    if (keys.has(itemKey)) return
    let entry = found.get(standard.id)
    if (!entry) found.set(standard.id, (entry = { codes: new Set(), ratings: 0 }))
    entry.codes.add(itemKey)
    entry.ratings++
  }
  for (const r of tables.responses) look(byAssessment.get(r.assessmentId), r.itemKey)
  for (const r of tables.reviewRatings) look(byReview.get(r.reviewId), r.itemKey)
  return [...found].map(([id, { codes, ratings }]) => {
    const standard = known.get(id)!
    const sorted = [...codes].sort()
    return {
      standard: { id, title: standard.title, code: standard.code },
      items: sorted.slice(0, SHOWN_ITEMS),
      distinct: sorted.length,
      ratings,
    }
  })
}

/**
 * The tables as the person chose to restore them: assessments and reviews of a standard the
 * device lacks, and ratings of codes their standard lacks, left out if they said so (with
 * everything that hangs on them: responses, review ratings, the review an assessment came back
 * with).
 */
export function chosenTables(
  tables: BackupTables,
  known: ReadonlyMap<string, KnownStandard>,
  choices: RestoreChoices,
): BackupTables {
  const keepMissing = choices.missingStandards === 'keep'
  const assessments = keepMissing
    ? tables.assessments
    : tables.assessments.filter((a) => known.has(a.standardId))
  const reviews = keepMissing
    ? tables.reviews
    : tables.reviews.filter((r) => known.has(r.standardId))
  const assessmentIds = new Set(assessments.map((a) => a.id))
  const reviewIds = new Set(reviews.map((r) => r.id))
  const { byAssessment, byReview } = standardOfRecords(tables)
  const keySets = new Map([...known].map(([id, s]) => [id, new Set(s.keys)]))
  /** Whether a rating's code is one its standard has (or its standard is not here to say). */
  const itemKnown = (standardId: string | undefined, itemKey: string) => {
    if (choices.unknownItems === 'keep' || standardId === undefined) return true
    const keys = keySets.get(standardId)
    return !keys || keys.has(itemKey)
  }
  return {
    ...tables,
    assessments,
    reviews,
    responses: tables.responses.filter(
      (r) =>
        assessmentIds.has(r.assessmentId) && itemKnown(byAssessment.get(r.assessmentId), r.itemKey),
    ),
    reviewRatings: tables.reviewRatings.filter(
      (r) => reviewIds.has(r.reviewId) && itemKnown(byReview.get(r.reviewId), r.itemKey),
    ),
    receivedReviews: tables.receivedReviews.filter((r) => assessmentIds.has(r.assessmentId)),
    planActions: tables.planActions.filter((a) => assessmentIds.has(a.assessmentId)),
    reviewPlanActions: tables.reviewPlanActions.filter((a) => reviewIds.has(a.reviewId)),
  }
}

/** How many records of a kind a restore adds, puts in an older copy's place, or leaves. */
export interface MergeCounts {
  added: number
  updated: number
  /** The device's copy is as new or newer: it stays, the backup's is not taken. */
  kept: number
}

/** What an added restore writes: the records to put, and the device's records they replace. */
export interface MergePlan {
  put: BackupTables
  /** Assessments whose responses on the device go before the backup's are put. */
  replacedAssessments: string[]
  /** Reviews (device ids) that go, with their ratings, before the backup's take their place. */
  replacedReviews: string[]
  assessments: MergeCounts
  reviews: MergeCounts
}

/**
 * Adds a backup to what is on the device: a record the device lacks is added; one it has (the
 * same assessment, or a review of the same employee's assessment) is taken from the backup only
 * when the backup's copy is newer, whole (with its responses or review ratings); otherwise the
 * device's stays. Settings and added standards the device has stay as they are; the review an
 * assessment came back with follows its assessment, and is added where the device has none.
 */
export function mergePlan(tables: BackupTables, device: DeviceIndex): MergePlan {
  const assessments: MergeCounts = { added: 0, updated: 0, kept: 0 }
  const reviews: MergeCounts = { added: 0, updated: 0, kept: 0 }
  const takenAssessments = new Set<string>()
  const replacedAssessments: string[] = []
  for (const a of tables.assessments) {
    const here = device.assessments.get(a.id)
    if (here === undefined) assessments.added++
    else if (a.updatedAt > here) {
      assessments.updated++
      replacedAssessments.push(a.id)
    } else {
      assessments.kept++
      continue
    }
    takenAssessments.add(a.id)
  }
  const takenReviews = new Set<string>()
  const replacedReviews: string[] = []
  for (const r of tables.reviews) {
    const here = device.reviews.get(r.assessmentId)
    if (here === undefined) reviews.added++
    else if (r.updatedAt > here.updatedAt) {
      reviews.updated++
      replacedReviews.push(here.id)
    } else {
      reviews.kept++
      continue
    }
    takenReviews.add(r.id)
  }
  return {
    put: {
      settings: tables.settings.filter((s) => !device.settings.has(s.key)),
      standards: tables.standards.filter((s) => !device.standards.has(s.id)),
      assessments: tables.assessments.filter((a) => takenAssessments.has(a.id)),
      responses: tables.responses.filter((r) => takenAssessments.has(r.assessmentId)),
      reviews: tables.reviews.filter((r) => takenReviews.has(r.id)),
      reviewRatings: tables.reviewRatings.filter((r) => takenReviews.has(r.reviewId)),
      receivedReviews: tables.receivedReviews.filter(
        (r) => takenAssessments.has(r.assessmentId) || !device.received.has(r.assessmentId),
      ),
      // A plan follows its assessment or review, whole.
      planActions: tables.planActions.filter((a) => takenAssessments.has(a.assessmentId)),
      reviewPlanActions: tables.reviewPlanActions.filter((a) => takenReviews.has(a.reviewId)),
      // Keys seen are kept from both: a key is a fact, not a copy that can be newer.
      reviewerKeys: tables.reviewerKeys,
    },
    replacedAssessments,
    replacedReviews,
    assessments,
    reviews,
  }
}

/** How many records a set of tables holds, for a progress bar. */
export function recordCount(tables: BackupTables): number {
  return Object.values(tables).reduce((sum, rows) => sum + rows.length, 0)
}
