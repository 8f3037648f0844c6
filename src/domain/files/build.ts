/**
 * From what a device stores to the assessment file it exports. Pure: the caller gives the
 * records, the standard's identity and the moment of export.
 */
import { codePointOrder } from '../order'
import type { AssessmentRecord, ItemResponse } from '../assessment/records'
import type { RatingValue } from '../assessment/ratings'
import { localDate } from '../dates'
import type { PlanAction } from '../plan/schema'
import {
  ASSESSMENT_FILE_FORMAT,
  ASSESSMENT_FILE_VERSION,
  type AssessmentBlock,
  type AssessmentFileContent,
  type ReviewBlock,
  type SelfRating,
} from './assessment-file'

export interface StandardIdentity {
  id: string
  code: string | null
  version: string | null
  title: string
  contentHash: string
  /** The standard's own JSON, carried when the receiving device may not have it. */
  body?: Record<string, unknown>
}

/** Items in reading order first, then any other key in code order. */
function ordered<T>(entries: Iterable<[string, T]>, order: readonly string[]): [string, T][] {
  const at = new Map(order.map((key, i) => [key, i]))
  return [...entries].sort(([a], [b]) => {
    const ia = at.get(a) ?? Number.MAX_SAFE_INTEGER
    const ib = at.get(b) ?? Number.MAX_SAFE_INTEGER
    return ia - ib || codePointOrder(a, b)
  })
}

/** The self-ratings a file carries: every item with a rating, a note or evidence. */
export function selfRatingsOf(
  responses: ReadonlyMap<string, ItemResponse>,
  order: readonly string[],
): SelfRating[] {
  return ordered(responses, order)
    .filter(([, r]) => r.rating !== null || r.note !== '' || r.evidence !== '')
    .map(([item, r]) => ({
      item,
      rating: r.rating,
      note: r.note,
      evidence: r.evidence,
      updatedAt: r.updatedAt,
      ...(r.carried ? { carried: true as const } : {}),
    }))
}

/** The self-ratings as a file carries them, as responses again: for reading, never writing. */
export function responsesOf(ratings: readonly SelfRating[]): Map<string, ItemResponse> {
  return new Map(
    ratings.map((r) => [
      r.item,
      {
        rating: r.rating,
        note: r.note,
        evidence: r.evidence,
        updatedAt: r.updatedAt,
        ...(r.carried ? { carried: true as const } : {}),
      },
    ]),
  )
}

/**
 * The assessment a file carries, as a record of this device for the pages that show one (a
 * supervisor's results): it is read, never stored.
 */
export function recordOf(block: AssessmentBlock, standardId: string): AssessmentRecord {
  return {
    id: block.id,
    standardId,
    title: block.title,
    subject: block.subject,
    scaleId: block.scale,
    targets: block.targets,
    round: block.round,
    previousId: null,
    createdAt: block.createdAt,
    updatedAt: block.updatedAt,
    lastItemKey: null,
  }
}

/** The assessment block of a file: the record, its self-ratings and its plan (copied). */
export function assessmentBlock(
  record: AssessmentRecord,
  ratings: SelfRating[],
  plan: readonly PlanAction[] = [],
): AssessmentBlock {
  return {
    id: record.id,
    title: record.title,
    round: record.round,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    subject: { ...record.subject },
    scale: record.scaleId,
    targets: {
      duties: { ...record.targets.duties },
      tasks: { ...record.targets.tasks },
    },
    ratings,
    plan: plan.map(copyAction),
  }
}

/** A plan's action as a file carries it: a plain copy, its item list its own. */
export function copyAction(action: PlanAction): PlanAction {
  return { ...action, items: [...action.items] }
}

/** A supervisor's item rating or comment as stored on their device. */
export interface ReviewItem {
  rating: RatingValue | null
  comment: string
  updatedAt: string
}

/** The review block: every item the supervisor rated or commented on, in reading order. */
export function reviewBlock(
  review: Omit<ReviewBlock, 'ratings' | 'plan'> & { plan?: readonly PlanAction[] },
  items: ReadonlyMap<string, ReviewItem>,
  order: readonly string[],
): ReviewBlock {
  return {
    reviewer: { ...review.reviewer },
    comment: review.comment,
    startedAt: review.startedAt,
    updatedAt: review.updatedAt,
    ratings: ordered(items, order)
      .filter(([, r]) => r.rating !== null || r.comment !== '')
      .map(([item, r]) => ({ item, rating: r.rating, comment: r.comment, updatedAt: r.updatedAt })),
    plan: (review.plan ?? []).map(copyAction),
  }
}

export function fileContent(
  standard: StandardIdentity,
  assessment: AssessmentBlock,
  review: ReviewBlock | null,
  exportedAt: string,
): AssessmentFileContent {
  return {
    format: ASSESSMENT_FILE_FORMAT,
    formatVersion: ASSESSMENT_FILE_VERSION,
    exportedAt,
    standard: { ...standard },
    assessment,
    review,
  }
}

/** Characters no file system takes in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g

/**
 * 王小明-旅宿電商運營人員-2026-11-24.gaplens.json: who, which standard, the local day; a
 * supervisor's file adds what it is (王小明-…-2026-11-24-主管檢視.gaplens.json), so the two
 * never share a name in a downloads folder.
 */
export function assessmentFileName(
  subjectName: string,
  standardTitle: string,
  at: Date,
  extension: 'gaplens.json' | 'csv' = 'gaplens.json',
  suffix = '',
): string {
  const part = (text: string) => text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, 60)
  const parts = [part(subjectName), part(standardTitle), localDate(at), part(suffix)]
  return `${parts.filter(Boolean).join('-')}.${extension}`
}
