/**
 * The whole-database backup file: what it holds, and the strict check a file must pass before
 * a restore may touch the database. Parse → cheap guard → strict validation → cross-checks.
 */
import { z } from '../zod'
import { checkAgainst } from '../io/issues'
import type { ParseResult } from '../io/problems'
import {
  checkDepth,
  checkVersion,
  findings,
  readJsonObject,
  refuseFound,
  wrongKind,
  type Found,
} from '../io/read'
import {
  AssessmentRecordSchema,
  ResponseRecordSchema,
  type AssessmentRecord,
} from '../assessment/records'
import { SCALES } from '../assessment/scales'
import {
  ReceivedReviewRecordSchema,
  ReviewRatingRecordSchema,
  ReviewRecordSchema,
} from '../review/records'
import { PlanActionRecordSchema, ReviewPlanActionRecordSchema } from '../plan/records'
import { ReviewerKeyRecordSchema } from '../review/keys'
import { BACKUP_LAYOUT } from './backup-layout'

export const BACKUP_FORMAT = 'gaplens-backup'
export const BACKUP_VERSION = 3

export const SettingSchema = z.object({ key: z.string().min(1), value: z.unknown() })
export type Setting = z.infer<typeof SettingSchema>

/** A standard a user added from a file: kept as its text and checked again on every load. */
export const StoredStandardSchema = z.object({
  id: z.string().min(1),
  file: z.string(),
  body: z.string(),
  addedAt: z.iso.datetime(),
})
export type StoredStandard = z.infer<typeof StoredStandardSchema>

const TablesV1 = z.object({
  settings: z.array(SettingSchema),
  standards: z.array(StoredStandardSchema),
  assessments: z.array(AssessmentRecordSchema),
  responses: z.array(ResponseRecordSchema),
})

/** Version 1 (before reviews): its tables as they were, lifted to version 2 by `upV1`. */
export const BackupV1Schema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  tables: TablesV1,
})

const TablesV2 = TablesV1.extend({
  reviews: z.array(ReviewRecordSchema),
  reviewRatings: z.array(ReviewRatingRecordSchema),
  receivedReviews: z.array(ReceivedReviewRecordSchema),
})

/** Version 2: reviews kept apart from self-ratings (three tables of their own). */
export const BackupV2Schema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(2),
  exportedAt: z.iso.datetime(),
  tables: TablesV2,
})

/**
 * Version 3: development plans (an employee's per assessment, a supervisor's per review) and
 * the reviewers' signing keys seen. The device's own signing key is never in a backup: its
 * private half cannot leave the browser, and a restored device makes a new one.
 */
export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  tables: TablesV2.extend({
    planActions: z.array(PlanActionRecordSchema),
    reviewPlanActions: z.array(ReviewPlanActionRecordSchema),
    reviewerKeys: z.array(ReviewerKeyRecordSchema),
  }),
})
export type Backup = z.infer<typeof BackupSchema>
export type BackupTables = Backup['tables']

/** A version-2 backup as version 3: the same tables, and no plans or keys. */
export function upV2(v2: z.infer<typeof BackupV2Schema>): Backup {
  return {
    ...v2,
    version: BACKUP_VERSION,
    tables: { ...v2.tables, planActions: [], reviewPlanActions: [], reviewerKeys: [] },
  }
}

/** A version-1 backup as version 3: the same tables, and no reviews, plans or keys. */
export function upV1(v1: z.infer<typeof BackupV1Schema>): Backup {
  return upV2({
    ...v1,
    version: 2,
    tables: { ...v1.tables, reviews: [], reviewRatings: [], receivedReviews: [] },
  })
}

export function buildBackup(tables: BackupTables, exportedAt: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, tables }
}

/** The largest backup read: far beyond any real one, so only a wrong file is refused by size. */
export const BACKUP_MAX_BYTES = 50 * 1024 * 1024

/**
 * Deeper than any backup of ours (a round's carried-over items, the deepest, are 7 levels):
 * a setting's value nested thousands deep is refused here, before the schema (which lets a
 * setting's value be anything) or IndexedDB (whose copy of it overflows the stack) walks it.
 */
export const BACKUP_MAX_DEPTH = 16

/** Problems a schema cannot see: dangling or repeated keys, values off the scale. */
function crossCheck({
  settings,
  standards,
  assessments,
  responses,
  reviews,
  reviewRatings,
  receivedReviews,
  planActions,
  reviewPlanActions,
}: BackupTables): Found[] {
  const { found, add } = findings()
  const seen = new Set<string>()
  /** True from the second time a key is met. */
  const repeated = (key: string) => seen.has(key) || (seen.add(key), false)

  settings.forEach((s, i) => {
    if (repeated(`setting\u0000${s.key}`))
      add(['tables', 'settings', i], 'duplicate', { name: s.key })
  })
  standards.forEach((s, i) => {
    if (repeated(`standard\u0000${s.id}`))
      add(['tables', 'standards', i], 'duplicate', { name: s.id })
  })
  const byId = new Map<string, AssessmentRecord>()
  assessments.forEach((a, i) => {
    if (byId.has(a.id)) add(['tables', 'assessments', i, 'id'], 'duplicate', { name: a.id })
    byId.set(a.id, a)
  })
  responses.forEach((r, i) => {
    const at = ['tables', 'responses', i]
    if (repeated(`response\u0000${r.assessmentId}\u0000${r.itemKey}`))
      add(at, 'duplicate', { name: r.itemKey })
    const owner = byId.get(r.assessmentId)
    if (!owner) {
      add(at, 'unknown-reference', { target: 'assessment', name: r.assessmentId })
      return
    }
    const values = SCALES[owner.scaleId].steps.map((s) => s.value)
    if (typeof r.rating === 'number' && !values.includes(r.rating))
      add(at, 'off-scale', { value: r.rating, scale: owner.scaleId })
  })
  const reviewById = new Map<string, (typeof reviews)[number]>()
  reviews.forEach((r, i) => {
    if (reviewById.has(r.id)) add(['tables', 'reviews', i, 'id'], 'duplicate', { name: r.id })
    reviewById.set(r.id, r)
  })
  reviewRatings.forEach((r, i) => {
    const at = ['tables', 'reviewRatings', i]
    if (repeated(`reviewRating\u0000${r.reviewId}\u0000${r.itemKey}`))
      add(at, 'duplicate', { name: r.itemKey })
    const owner = reviewById.get(r.reviewId)
    if (!owner) {
      add(at, 'unknown-reference', { target: 'review', name: r.reviewId })
      return
    }
    const values = SCALES[owner.assessment.scale].steps.map((s) => s.value)
    if (typeof r.rating === 'number' && !values.includes(r.rating))
      add(at, 'off-scale', { value: r.rating, scale: owner.assessment.scale })
  })
  receivedReviews.forEach((r, i) => {
    const at = ['tables', 'receivedReviews', i]
    if (repeated(`received\u0000${r.assessmentId}`)) add(at, 'duplicate', { name: r.assessmentId })
    if (!byId.has(r.assessmentId))
      add(at, 'unknown-reference', { target: 'assessment', name: r.assessmentId })
  })
  // A plan's actions belong to an assessment or a review of the backup, each once.
  planActions.forEach((a, i) => {
    const at = ['tables', 'planActions', i]
    if (repeated(`action\u0000${a.assessmentId}\u0000${a.id}`)) add(at, 'duplicate', { name: a.id })
    if (!byId.has(a.assessmentId))
      add(at, 'unknown-reference', { target: 'assessment', name: a.assessmentId })
  })
  reviewPlanActions.forEach((a, i) => {
    const at = ['tables', 'reviewPlanActions', i]
    if (repeated(`reviewAction\u0000${a.reviewId}\u0000${a.id}`))
      add(at, 'duplicate', { name: a.id })
    if (!reviewById.has(a.reviewId))
      add(at, 'unknown-reference', { target: 'review', name: a.reviewId })
  })
  return found
}

/** A result's value passed through `f`; a failure as it is. */
function mapOk<A, B>(result: ParseResult<A>, f: (a: A) => B): ParseResult<B> {
  return result.ok ? { ok: true, value: f(result.value) } : result
}

/**
 * Checks a backup file's text: JSON → format and version → the schema → cross-checks. Never
 * throws; a failure names the file and its problems, each placed in the backup's own terms.
 */
export function parseBackup(file: string, text: string): ParseResult<Backup> {
  const json = readJsonObject(file, text, 'backup')
  if (!json.ok) return json
  const raw = json.raw
  const tooDeep = checkDepth(file, raw, BACKUP_MAX_DEPTH)
  if (tooDeep) return tooDeep
  if (raw.format !== BACKUP_FORMAT) return wrongKind(file, 'backup')
  const unread = checkVersion(file, 'backup', raw.version, BACKUP_VERSION)
  if (unread) return unread
  // Each version is checked by its own schema, then lifted to the current one.
  const result =
    raw.version === 1
      ? mapOk(checkAgainst(file, raw, BackupV1Schema, BACKUP_LAYOUT), upV1)
      : raw.version === 2
        ? mapOk(checkAgainst(file, raw, BackupV2Schema, BACKUP_LAYOUT), upV2)
        : checkAgainst(file, raw, BackupSchema, BACKUP_LAYOUT)
  if (!result.ok) return result
  return refuseFound(file, crossCheck(result.value.tables), raw, BACKUP_LAYOUT) ?? result
}
