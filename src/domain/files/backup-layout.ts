/**
 * How a person is told where a backup's problem lies: each table and record in the backup's
 * own terms (the assessment 「…」 › item K01 › rating), for the messages of parseBackup.
 */
import {
  byField,
  labelOf,
  rawField,
  SUBJECT_LAYOUT,
  TARGETS_LAYOUT,
  type Each,
  type Layout,
} from '../io/place'
import type { PlaceStep } from '../io/problems'

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
