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
import type { CohortFileRecord } from './cohort'

export type {
  AssessmentRecord,
  ResponseRecord,
  Setting,
  StoredStandard,
  ReviewRecord,
  ReviewRatingRecord,
  ReceivedReviewRecord,
  CohortFileRecord,
}

export const DB_NAME = 'gaplens'

export class GapLensDB extends Dexie {
  settings!: EntityTable<Setting, 'key'>
  standards!: EntityTable<StoredStandard, 'id'>
  assessments!: EntityTable<AssessmentRecord, 'id'>
  responses!: Table<ResponseRecord, [string, string]>
  reviews!: EntityTable<ReviewRecord, 'id'>
  reviewRatings!: Table<ReviewRatingRecord, [string, string]>
  receivedReviews!: EntityTable<ReceivedReviewRecord, 'assessmentId'>
  cohortFiles!: Table<CohortFileRecord, [string, string]>

  constructor(name: string = DB_NAME) {
    // Chrome commits IndexedDB writes "relaxed" by default; a rating shown as saved must
    // survive a crash of the whole browser too, so ask for strict durability.
    super(name, { chromeTransactionDurability: 'strict' })
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
