/**
 * The whole-database backup file: what it holds, and the strict check a file must pass before
 * a restore may touch the database. Parse → cheap guard → strict validation → cross-checks.
 */
import { z } from './zod'
import { checkAgainst } from './io/issues'
import {
  byField,
  labelOf,
  rawField,
  SUBJECT_LAYOUT,
  TARGETS_LAYOUT,
  type Each,
  type Layout,
} from './io/place'
import type { ParseResult, PlaceStep } from './io/problems'
import {
  checkVersion,
  findings,
  readJsonObject,
  refuseFound,
  wrongKind,
  type Found,
} from './io/read'
import {
  AssessmentRecordSchema,
  ResponseRecordSchema,
  type AssessmentRecord,
} from './assessment/records'
import { SCALES } from './assessment/scales'
import {
  ReceivedReviewRecordSchema,
  ReviewRatingRecordSchema,
  ReviewRecordSchema,
} from './review/records'

export const BACKUP_FORMAT = 'gaplens-backup'
export const BACKUP_VERSION = 2

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

/** Version 2: reviews kept apart from self-ratings (three tables of their own). */
export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  tables: TablesV1.extend({
    reviews: z.array(ReviewRecordSchema),
    reviewRatings: z.array(ReviewRatingRecordSchema),
    receivedReviews: z.array(ReceivedReviewRecordSchema),
  }),
})
export type Backup = z.infer<typeof BackupSchema>
export type BackupTables = Backup['tables']

/** A version-1 backup as version 2: the same tables, and no reviews. */
export function upV1(v1: z.infer<typeof BackupV1Schema>): Backup {
  return {
    ...v1,
    version: BACKUP_VERSION,
    tables: { ...v1.tables, reviews: [], reviewRatings: [], receivedReviews: [] },
  }
}

export function buildBackup(tables: BackupTables, exportedAt: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, tables }
}

/** The largest backup read: far beyond any real one, so only a wrong file is refused by size. */
export const BACKUP_MAX_BYTES = 50 * 1024 * 1024

// Assessments by id, per raw input: a broken backup can have thousands of ratings to place.
const assessmentIndex = new WeakMap<object, Map<unknown, unknown>>()
function assessmentById(root: unknown, id: unknown): unknown {
  if (typeof root !== 'object' || root === null) return undefined
  let index = assessmentIndex.get(root)
  if (!index) {
    const list = rawField(rawField(root, 'tables'), 'assessments')
    index = new Map()
    if (Array.isArray(list))
      for (const a of list) if (!index.has(rawField(a, 'id'))) index.set(rawField(a, 'id'), a)
    assessmentIndex.set(root, index)
  }
  return index.get(id)
}

/** A rating is named by its assessment (by title, found by id in the same file) and its item. */
const nameResponse: Each['name'] = (value, _key, root) => {
  const id = rawField(value, 'assessmentId')
  const owner = typeof id === 'string' ? assessmentById(root, id) : undefined
  const title =
    owner === undefined ? undefined : (labelOf(rawField(owner, 'title'), true) ?? labelOf(id))
  const itemKey = labelOf(rawField(value, 'itemKey'))
  const steps: PlaceStep[] = []
  if (title) steps.push({ kind: 'record', record: 'assessment', label: title })
  if (itemKey) steps.push({ kind: 'record', record: 'item', label: itemKey })
  return steps.length ? steps : undefined
}

/** The records of a backup and how a person names them: the assessment 「…」 › item K01 … */
export const BACKUP_LAYOUT: Layout = {
  keys: {
    format: { field: 'fileFormat' },
    version: { field: 'formatVersion' },
    exportedAt: { field: 'exportedAt' },
    tables: {
      field: 'tables',
      silent: true,
      keys: {
        settings: {
          field: 'settings',
          each: {
            record: 'setting',
            name: byField('setting', 'key'),
            layout: { keys: { key: { field: 'settingKey' }, value: { field: 'settingValue' } } },
          },
        },
        standards: {
          field: 'addedStandards',
          each: {
            record: 'addedStandard',
            name: (value, key, root) =>
              byField('addedStandard', 'id')?.(value, key, root) ??
              byField('addedStandard', 'file')?.(value, key, root),
            layout: {
              keys: {
                id: { field: 'id' },
                file: { field: 'fileName' },
                body: { field: 'content' },
                addedAt: { field: 'addedAt' },
              },
            },
          },
        },
        assessments: {
          field: 'assessments',
          each: {
            record: 'assessment',
            name: (value, key, root) =>
              byField('assessment', 'title', true)?.(value, key, root) ??
              byField('assessment', 'id')?.(value, key, root),
            layout: {
              keys: {
                id: { field: 'id' },
                standardId: { field: 'standard' },
                title: { field: 'title' },
                subject: SUBJECT_LAYOUT,
                scaleId: { field: 'scale' },
                targets: TARGETS_LAYOUT,
                round: { field: 'round' },
                previousId: { field: 'previousRound' },
                createdAt: { field: 'createdAt' },
                updatedAt: { field: 'updatedAt' },
                lastItemKey: { field: 'lastItem' },
              },
            },
          },
        },
        reviews: {
          field: 'reviews',
          each: {
            record: 'review',
            name: (value, key, root) =>
              byField('review', 'fileName', true)?.(value, key, root) ??
              byField('review', 'id')?.(value, key, root),
          },
        },
        reviewRatings: {
          field: 'reviewRatings',
          each: { record: 'item', name: byField('item', 'itemKey') },
        },
        receivedReviews: {
          field: 'receivedReviews',
          each: { record: 'assessment', name: byField('assessment', 'assessmentId') },
        },
        responses: {
          field: 'responses',
          each: {
            record: 'response',
            name: nameResponse,
            layout: {
              keys: {
                assessmentId: { field: 'assessment' },
                itemKey: { field: 'itemKey' },
                rating: { field: 'rating' },
                note: { field: 'note' },
                evidence: { field: 'evidence' },
                updatedAt: { field: 'updatedAt' },
              },
            },
          },
        },
      },
    },
  },
}

/** Problems a schema cannot see: dangling or repeated keys, values off the scale. */
function crossCheck({
  settings,
  standards,
  assessments,
  responses,
  reviews,
  reviewRatings,
  receivedReviews,
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
  if (raw.format !== BACKUP_FORMAT) return wrongKind(file, 'backup')
  const unread = checkVersion(file, 'backup', raw.version, BACKUP_VERSION)
  if (unread) return unread
  // Each version is checked by its own schema, then lifted to the current one.
  const result =
    raw.version === 1
      ? mapOk(checkAgainst(file, raw, BackupV1Schema, BACKUP_LAYOUT), upV1)
      : checkAgainst(file, raw, BackupSchema, BACKUP_LAYOUT)
  if (!result.ok) return result
  return refuseFound(file, crossCheck(result.value.tables), raw, BACKUP_LAYOUT) ?? result
}
