/**
 * Reading an assessment file. Nothing in it is trusted: parse → cheap guards (kind, depth,
 * format version, with the hook where a later version's migration goes) → integrity → strict
 * schema → cross-checks against the standard on this device. Never throws; every refusal is a
 * problem placed in the file's own terms (the assessment 「…」 › item K01 › rating).
 */
import { z } from '../zod'
import type { Standard } from '../standard/schema'
import { rateableItems } from '../assessment/items'
import { SCALES } from '../assessment/scales'
import { canonicalJson } from '../io/canonical'
import { sha256Hex } from '../io/digest'
import { checkAgainst } from '../io/issues'
import { isJsonObject } from '../io/json'
import { byField, placeOf, SUBJECT_LAYOUT, TARGETS_LAYOUT, type Layout } from '../io/place'
import { failure, problem, type ParseResult } from '../io/problems'
import {
  checkDepth,
  checkVersion,
  findings,
  readJsonObject,
  refuseFound,
  wrongKind,
  type Found,
  type Refusal,
} from '../io/read'
import { PROTECTED_FORMAT, unprotect, type ProtectedFile } from '../io/protect'
import { splitRatings } from './quick-ratings'
import { checkReviewSignature, type SignatureCheck } from './signature'
import {
  ASSESSMENT_FILE_FORMAT,
  ASSESSMENT_FILE_VERSION,
  AssessmentFileSchema,
  type AssessmentFile,
} from './assessment-file'

/** Deeper than any file of ours (about 6 levels): walked no further. */
export const MAX_DEPTH = 16

/** A protected file: the parameters beside the ciphertext of a plain file's text. */
export const ProtectedFileSchema = z.strictObject({
  format: z.literal(PROTECTED_FORMAT),
  formatVersion: z.literal(1),
  cipher: z.literal('AES-256-GCM'),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int(),
    salt: z.string().max(100),
  }),
  iv: z.string().max(100),
  ciphertext: z.string(),
})

/** A list of ratings (the employee's or the reviewer's), each named by its item. */
function ratingsLayout(fields: Record<string, Layout>): Layout {
  const keys = { item: { field: 'itemKey' }, rating: { field: 'rating' } } as const
  return {
    field: 'ratings',
    each: {
      record: 'item',
      name: byField('item', 'item'),
      layout: { keys: { ...keys, ...fields, updatedAt: { field: 'updatedAt' } } },
    },
  }
}

/** A development plan's actions, each named by what it is to do. */
const PLAN_LAYOUT: Layout = {
  field: 'plan',
  each: {
    record: 'action',
    name: byField('action', 'what', true),
    layout: {
      keys: {
        what: { field: 'actionWhat' },
        kind: { field: 'actionKind' },
        items: { field: 'actionItems' },
        support: { field: 'actionSupport' },
        due: { field: 'actionDue' },
        success: { field: 'actionSuccess' },
        status: { field: 'status' },
        agreed: { field: 'actionAgreed' },
        createdAt: { field: 'createdAt' },
        updatedAt: { field: 'updatedAt' },
      },
    },
  },
}

/** The records of an assessment file and how a person names them. */
export const ASSESSMENT_FILE_LAYOUT: Layout = {
  keys: {
    format: { field: 'fileFormat' },
    formatVersion: { field: 'formatVersion' },
    exportedAt: { field: 'exportedAt' },
    standard: {
      field: 'standard',
      keys: {
        id: { field: 'id' },
        code: { field: 'standardCode' },
        version: { field: 'version' },
        title: { field: 'occupationTitle' },
        contentHash: { field: 'contentHash' },
      },
    },
    assessment: {
      field: 'assessment',
      keys: {
        id: { field: 'id' },
        title: { field: 'title' },
        round: { field: 'round' },
        createdAt: { field: 'createdAt' },
        updatedAt: { field: 'updatedAt' },
        subject: SUBJECT_LAYOUT,
        scale: { field: 'scale' },
        targets: TARGETS_LAYOUT,
        ratings: ratingsLayout({ note: { field: 'note' }, evidence: { field: 'evidence' } }),
        plan: PLAN_LAYOUT,
      },
    },
    review: {
      field: 'review',
      keys: {
        reviewer: {
          field: 'reviewer',
          keys: { name: { field: 'personName' }, jobTitle: { field: 'jobTitle' } },
        },
        comment: { field: 'comment' },
        startedAt: { field: 'startedAt' },
        updatedAt: { field: 'updatedAt' },
        ratings: ratingsLayout({ comment: { field: 'comment' } }),
        plan: PLAN_LAYOUT,
        signature: { field: 'signature' },
      },
    },
    integrity: {
      field: 'integrity',
      keys: { algorithm: { field: 'algorithm' }, hash: { field: 'hash' } },
    },
  },
}

/**
 * Each entry lifts a raw file of version n to n + 1, before the current schema checks it (and
 * after its integrity is checked: the hash is over the file as written).
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 had no development plan: its assessment and any review carry an empty one.
  1: (raw) => {
    const withPlan = (block: unknown) => (isJsonObject(block) ? { ...block, plan: [] } : block)
    return {
      ...raw,
      formatVersion: 2,
      assessment: withPlan(raw.assessment),
      review: raw.review === null ? null : withPlan(raw.review),
    }
  },
}

function upgrade(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw
  let version = raw.formatVersion as number
  while (version < ASSESSMENT_FILE_VERSION) {
    const up = MIGRATIONS[version]
    if (!up) break
    current = up(current)
    version += 1
  }
  return current
}

/** The first step of opening a file: a plain assessment file, or a protected one. */
export type Opened =
  | { ok: true; kind: 'plain'; raw: Record<string, unknown> }
  | { ok: true; kind: 'protected'; envelope: ProtectedFile }
  | Refusal

/** Reads a file's text as far as telling what it is. Never throws. */
export function openAssessmentText(file: string, text: string): Opened {
  const json = readJsonObject(file, text, 'assessment')
  if (!json.ok) return json
  const raw = json.raw
  const tooDeep = checkDepth(file, raw, MAX_DEPTH)
  if (tooDeep) return tooDeep
  if (raw.format === PROTECTED_FORMAT) {
    const checked = ProtectedFileSchema.safeParse(raw)
    if (!checked.success) return failure(file, [problem('protected-damaged', {})])
    return { ok: true, kind: 'protected', envelope: checked.data as ProtectedFile }
  }
  if (raw.format !== ASSESSMENT_FILE_FORMAT) return wrongKind(file, 'assessment')
  return { ok: true, kind: 'plain', raw }
}

/** Opens a protected file with its passphrase, as far as `openAssessmentText` goes. */
export async function unlockAssessmentFile(
  file: string,
  envelope: ProtectedFile,
  passphrase: string,
): Promise<Opened> {
  const result = await unprotect(envelope, passphrase)
  if (!result.ok)
    return failure(file, [
      problem(result.reason === 'bad-parameters' ? 'protected-damaged' : 'protected-failed', {}),
    ])
  const inner = openAssessmentText(file, result.text)
  // A protected file holds a plain one, never another protected one.
  if (inner.ok && inner.kind === 'protected') return wrongKind(file, 'assessment')
  return inner
}

/** A file that passed every check, with the standard it was rated on. */
export interface CheckedAssessmentFile {
  file: AssessmentFile
  standard: Standard
  /** The device's copy of the standard differs from the one rated on (same id). */
  standardDiffers: boolean
  /** The review's signature: by which key, or none; null when the file holds no review. */
  signature: SignatureCheck | null
}

/** A standard's codes, made once per standard: a batch checks thousands of files against one. */
const codesOf = new WeakMap<
  Standard,
  { known: Set<string>; duties: Set<string>; tasks: Set<string> }
>()
function standardCodes(standard: Standard) {
  let codes = codesOf.get(standard)
  if (!codes) {
    codes = {
      known: new Set(rateableItems(standard).map((i) => i.key)),
      duties: new Set(standard.duties.map((d) => d.code)),
      tasks: new Set(standard.duties.flatMap((d) => d.tasks.map((t) => t.code))),
    }
    codesOf.set(standard, codes)
  }
  return codes
}

function crossCheck(file: AssessmentFile, standard: Standard): Found[] {
  const { found, add } = findings()
  const { known, duties, tasks } = standardCodes(standard)
  const values = SCALES[file.assessment.scale].steps.map((s) => s.value)
  const name = standard.code ?? standard.title

  const checkRatings = (
    at: (string | number)[],
    ratings: { item: string; rating: number | 'na' | null }[],
  ) => {
    const seen = new Set<string>()
    ratings.forEach((r, i) => {
      if (seen.has(r.item)) add([...at, i, 'item'], 'duplicate', { name: r.item })
      seen.add(r.item)
      if (!known.has(r.item))
        add([...at, i, 'item'], 'unknown-item', { item: r.item, standard: name })
      if (typeof r.rating === 'number' && !values.includes(r.rating))
        add([...at, i, 'rating'], 'off-scale', { value: r.rating, scale: file.assessment.scale })
    })
  }
  checkRatings(['assessment', 'ratings'], file.assessment.ratings)
  if (file.review) checkRatings(['review', 'ratings'], file.review.ratings)

  // A plan's actions: each once, aimed at items the standard has.
  const checkPlan = (at: (string | number)[], plan: AssessmentFile['assessment']['plan']) => {
    const ids = new Set<string>()
    plan.forEach((action, i) => {
      if (ids.has(action.id)) add([...at, i], 'duplicate', { name: action.id })
      ids.add(action.id)
      action.items.forEach((item, j) => {
        if (!known.has(item)) add([...at, i, 'items', j], 'unknown-item', { item, standard: name })
      })
    })
  }
  checkPlan(['assessment', 'plan'], file.assessment.plan)
  if (file.review) checkPlan(['review', 'plan'], file.review.plan)
  for (const code of Object.keys(file.assessment.targets.duties))
    if (!duties.has(code))
      add(['assessment', 'targets', 'duties', code], 'unknown-reference', {
        target: 'duty',
        name: code,
      })
  for (const code of Object.keys(file.assessment.targets.tasks))
    if (!tasks.has(code))
      add(['assessment', 'targets', 'tasks', code], 'unknown-reference', {
        target: 'task',
        name: code,
      })
  return found
}

/**
 * The file against the schema, its ratings checked by hand where they are plainly well-formed
 * (quick-ratings.ts); any problem at all, and the schema reads the file whole, so a refusal
 * names every problem as it always has.
 */
function checkSchema(file: string, raw: Record<string, unknown>): ParseResult<AssessmentFile> {
  const split = splitRatings(raw)
  if (split) {
    const rest = AssessmentFileSchema.safeParse(split.rest)
    if (rest.success) {
      const value = rest.data
      value.assessment.ratings = split.self
      if (value.review && split.review) value.review.ratings = split.review
      return { ok: true, value }
    }
  }
  return checkAgainst(file, raw, AssessmentFileSchema, ASSESSMENT_FILE_LAYOUT)
}

/**
 * Checks an opened plain file in full against the standards on this device: format version,
 * integrity, schema, the standard, every item and value. Never throws.
 */
export async function checkAssessmentFile(
  file: string,
  opened: Record<string, unknown>,
  standardOf: (id: string) => Standard | undefined,
  hashOf: (standard: Standard) => Promise<string>,
): Promise<ParseResult<CheckedAssessmentFile>> {
  const unread = checkVersion(file, 'assessment', opened.formatVersion, ASSESSMENT_FILE_VERSION)
  if (unread) return unread

  // The hash first, over the file as written: a file changed by hand is said to be so,
  // whatever else the change broke.
  const integrity = opened.integrity
  if (isJsonObject(integrity) && typeof integrity.hash === 'string') {
    const { integrity: _seal, ...content } = opened
    if ((await sha256Hex(canonicalJson(content))) !== integrity.hash)
      return failure(file, [
        problem('integrity-mismatch', {}, placeOf(['integrity'], opened, ASSESSMENT_FILE_LAYOUT)),
      ])
  }
  const raw = upgrade(opened)
  const checked = checkSchema(file, raw)
  if (!checked.ok) return checked
  const value = checked.value

  const standard = standardOf(value.standard.id)
  if (!standard) {
    const { id, code, title, version: v } = value.standard
    return failure(file, [problem('standard-missing', { id, code, title, version: v })])
  }
  const refused = refuseFound(file, crossCheck(value, standard), raw, ASSESSMENT_FILE_LAYOUT)
  if (refused) return refused
  const review = value.review
  const signature = review ? await checkReviewSignature({ ...value, review }) : null
  if (signature?.state === 'broken')
    return failure(file, [
      problem(
        'signature-broken',
        { reviewer: review?.reviewer.name ?? '' },
        placeOf(['review', 'signature'], raw, ASSESSMENT_FILE_LAYOUT),
      ),
    ])
  const standardDiffers = (await hashOf(standard)) !== value.standard.contentHash
  return { ok: true, value: { file: value, standard, standardDiffers, signature } }
}

/** A protected file waiting for its passphrase. */
export interface Locked {
  ok: 'locked'
  file: string
}

/**
 * The whole read of a file's text, as the app and its tests do it: open, unlock with the
 * passphrase if the file is protected (or say it is locked), check. Never throws.
 */
export async function readAssessmentText(
  file: string,
  text: string,
  standardOf: (id: string) => Standard | undefined,
  hashOf: (standard: Standard) => Promise<string>,
  passphrase?: string,
): Promise<ParseResult<CheckedAssessmentFile> | Locked> {
  let opened = openAssessmentText(file, text)
  if (opened.ok && opened.kind === 'protected') {
    if (passphrase === undefined) return { ok: 'locked', file }
    opened = await unlockAssessmentFile(file, opened.envelope, passphrase)
  }
  if (!opened.ok) return opened
  if (opened.kind !== 'plain') return wrongKind(file, 'assessment')
  return checkAssessmentFile(file, opened.raw, standardOf, hashOf)
}
