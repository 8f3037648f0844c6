/**
 * The GapLens IndexedDB database. One place declares every version; a released version is
 * never edited: a change adds version(n + 1) with an upgrade() that moves the data.
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { AssessmentRecord, ResponseRecord } from '@/domain/assessment/records'
import { baseTitle } from '@/domain/assessment/titles'
import type { Setting, StoredStandard } from '@/domain/files/backup'
import type {
  ReceivedReviewRecord,
  ReviewRatingRecord,
  ReviewRecord,
} from '@/domain/review/records'
import type { CohortFileRecord } from '@/domain/cohort/records'
import type { PlanActionRecord, ReviewPlanActionRecord } from '@/domain/plan/records'
import type { DeviceKeyRecord, ReviewerKeyRecord } from '@/domain/review/keys'

export type {
  AssessmentRecord,
  ResponseRecord,
  Setting,
  StoredStandard,
  ReviewRecord,
  ReviewRatingRecord,
  ReceivedReviewRecord,
  CohortFileRecord,
  PlanActionRecord,
  ReviewPlanActionRecord,
}

export const DB_NAME = 'gaplens'

/** A cohort file's content as version 4 stored it: a format 1 file, without a plan. */
interface CohortContentV4 {
  formatVersion: number
  assessment?: { plan?: unknown }
  review?: { plan?: unknown } | null
}

/** A received review as version 4 stored it. */
interface ReceivedV4 {
  review?: { plan?: unknown }
  planAsSent?: unknown
  planReplaced?: unknown
}

export class GapLensDB extends Dexie {
  settings!: EntityTable<Setting, 'key'>
  standards!: EntityTable<StoredStandard, 'id'>
  assessments!: EntityTable<AssessmentRecord, 'id'>
  responses!: Table<ResponseRecord, [string, string]>
  reviews!: EntityTable<ReviewRecord, 'id'>
  reviewRatings!: Table<ReviewRatingRecord, [string, string]>
  receivedReviews!: EntityTable<ReceivedReviewRecord, 'assessmentId'>
  cohortFiles!: Table<CohortFileRecord, [string, string]>
  planActions!: Table<PlanActionRecord, [string, string]>
  reviewPlanActions!: Table<ReviewPlanActionRecord, [string, string]>
  deviceKeys!: EntityTable<DeviceKeyRecord, 'id'>
  reviewerKeys!: Table<ReviewerKeyRecord, [string, string]>

  constructor(name: string = DB_NAME, options: { durability?: 'strict' | 'relaxed' } = {}) {
    // Chrome commits IndexedDB writes "relaxed" by default; a rating shown as saved must
    // survive a crash of the whole browser too, so ask for strict durability. Only the cohort
    // import's bulk writes ask for relaxed (its worker's own connection): each transaction is
    // still whole or absent, and the trainer still has the files.
    super(name, { chromeTransactionDurability: options.durability ?? 'strict' })
    // Version 1 (released with the Foundation).
    this.version(1).stores({
      settings: '&key',
      standards: '&id',
    })
    // Version 2: assessments and their responses, one record per rated item.
    this.version(2).stores({
      assessments: '&id, standardId, updatedAt',
      responses: '&[assessmentId+itemKey], assessmentId',
    })
    // Version 3: reviews, apart from self-ratings. A supervisor's review of an employee's file
    // (one record, with the self-assessment as the file had it) and their rating of each item
    // (one small record per item); and the review an employee's own assessment came back with.
    this.version(3).stores({
      reviews: '&id, assessmentId, updatedAt',
      reviewRatings: '&[reviewId+itemKey], reviewId',
      receivedReviews: '&assessmentId',
    })
    // Version 4: the trainer's cohort. One record per imported file (never one per rating),
    // keyed by its cohort (standard id, version, scale) and assessment id, so a newer export of
    // an assessment takes the older one's place and a cohort loads with one indexed query.
    this.version(4).stores({
      cohortFiles: '&[cohortKey+assessmentId], cohortKey',
    })
    // Version 5: a later round's number is data (`round`), shown in the interface's language;
    // its title no longer ends in a label in the language it was made in (（第 2 輪）), so the
    // titles stored with one lose it. No index changes.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<AssessmentRecord, string>('assessments')
          .toCollection()
          .modify((record) => {
            // Only a record with a title and a round can have stored a round's label.
            if (typeof record.title === 'string' && typeof record.round === 'number')
              record.title = baseTitle(record.title, record.round)
          }),
      )
    // Version 6: development plans, one record per action: an employee's plan of each of their
    // assessments, and a supervisor's plan of each review (apart from the employee's draft);
    // reviews stored before hold the employee's file without a plan: they get an empty one.
    // And signing keys: the device's own (to sign the reviews it exports) and the reviewers'
    // seen in received reviews, by name.
    this.version(6)
      .stores({
        planActions: '&[assessmentId+id], assessmentId',
        reviewPlanActions: '&[reviewId+id], reviewId',
        deviceKeys: '&id',
        reviewerKeys: '&[name+fingerprint], name',
      })
      .upgrade(async (tx) => {
        // Records are read as stored, so each part is checked before it is filled in.
        await tx
          .table('reviews')
          .toCollection()
          .modify((review: { assessment?: { plan?: unknown } }) => {
            if (review.assessment) review.assessment.plan ??= []
          })
        await tx
          .table('receivedReviews')
          .toCollection()
          .modify((received: ReceivedV4) => {
            if (received.review) received.review.plan ??= []
            received.planAsSent ??= []
            received.planReplaced ??= []
          })
        // The cohort's files, stored as checked: read as the current format, with no plan.
        await tx
          .table('cohortFiles')
          .toCollection()
          .modify((record: { content?: CohortContentV4 }) => {
            const content = record.content
            if (!content) return
            content.formatVersion = 2
            if (content.assessment) content.assessment.plan ??= []
            if (content.review) content.review.plan ??= []
          })
      })
  }
}

let instance: GapLensDB | undefined

/** The app's database, opened on first use. */
export function getDb(): GapLensDB {
  instance ??= new GapLensDB()
  return instance
}

/** Replaces the app's database (tests). */
export function setDb(db: GapLensDB): void {
  instance = db
}
