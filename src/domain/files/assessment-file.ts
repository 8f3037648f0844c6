/**
 * The assessment file (`*.gaplens.json`): one person's self-assessment on one standard, and
 * the review their supervisor added to it, as it travels by mail or chat between two devices.
 *
 * This schema is the single source of the file's type, of the import check and of
 * data/schema/assessment-file.schema.json. Every object is strict (a key the format does not
 * know is refused, `__proto__` and `constructor` among them), every text is held to LIMITS,
 * and the file carries a SHA-256 of its canonical content, so a value changed in a text editor
 * is found.
 */
import { z } from '../zod'
import { LIMITS } from '../limits'
import { PlanSchema } from '../plan/schema'
import { PublicKeySchema, SIGNATURE_ALGORITHM } from '../io/sign'
import {
  ItemCodeSchema,
  RatingValueSchema,
  ScaleIdSchema,
  SubjectSchema,
} from '../assessment/records'
import { canonicalJson } from '../io/canonical'
import { sha256Hex } from '../io/digest'

export const ASSESSMENT_FILE_FORMAT = 'gaplens-assessment'
/**
 * 2: the development plan (the employee's, and the supervisor's as agreed), a carried rating's
 * mark, and the standard itself where the receiving device may not have it. A version 1 file
 * is read as a version 2 file with no plan (read.ts).
 */
export const ASSESSMENT_FILE_VERSION = 2
/** More items than any published standard has: a file with more is not one of ours. */
export const MAX_FILE_ITEMS = 2000
/**
 * The largest file read. It is above anything the app writes (every text at its limit on a
 * standard of 2,000 items, protected) and far below what would stall a browser.
 */
export const MAX_ASSESSMENT_FILE_BYTES = 50 * 1024 * 1024

const datetime = z.iso.datetime()
const ItemCode = ItemCodeSchema

const StandardRef = z.strictObject({
  id: z.string().min(1).max(LIMITS.title),
  code: z.string().min(1).max(LIMITS.title).nullable(),
  /** The version the standard was at (V4), where it has one. */
  version: z.string().min(1).max(LIMITS.name).nullable(),
  title: z.string().min(1).max(LIMITS.title),
  /** SHA-256 of the standard's canonical JSON: the exact text the items were rated on. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The standard's own JSON, when it is not one the app ships: the receiving device can add it
   * (checked by the standards library's own reader, not trusted for being here).
   */
  body: z.record(z.string(), z.unknown()).optional(),
})

const TargetOverrides = z.strictObject({
  duties: z.record(ItemCode, z.number().int().min(1).max(6)),
  tasks: z.record(ItemCode, z.number().int().min(1).max(6)),
})

/** One item of the self-assessment: unrated items with no note are absent. */
export const SelfRatingSchema = z.strictObject({
  item: ItemCode,
  /** A scale value, 'na' (not applicable), or null: not rated, but with a note or evidence. */
  rating: RatingValueSchema.nullable(),
  note: z.string().max(LIMITS.text),
  evidence: z.string().max(LIMITS.text),
  updatedAt: datetime,
  /** Carried on from the earlier round, not yet confirmed by the person. */
  carried: z.literal(true).optional(),
})
export type SelfRating = z.infer<typeof SelfRatingSchema>

export const ReviewRatingSchema = z.strictObject({
  item: ItemCode,
  rating: RatingValueSchema.nullable(),
  comment: z.string().max(LIMITS.text),
  updatedAt: datetime,
})
export type ReviewRating = z.infer<typeof ReviewRatingSchema>

/**
 * The supervisor's signature of their review (see domain/files/signature.ts for what it covers):
 * the public half of the key kept on their device, and the signature.
 */
export const ReviewSignatureSchema = z.strictObject({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  publicKey: PublicKeySchema,
  value: z.string().min(1).max(200),
})
export type ReviewSignature = z.infer<typeof ReviewSignatureSchema>

export const ReviewBlockSchema = z.strictObject({
  reviewer: z.strictObject({
    name: z.string().trim().min(1).max(LIMITS.name),
    jobTitle: z.string().max(LIMITS.name),
  }),
  /** The overall comment. */
  comment: z.string().max(LIMITS.text),
  startedAt: datetime,
  updatedAt: datetime,
  ratings: z.array(ReviewRatingSchema).max(MAX_FILE_ITEMS),
  /** The development plan as the supervisor left it: each action agreed, changed or added. */
  plan: PlanSchema,
  /** Absent in a review made before reviews were signed: shown as not verified. */
  signature: ReviewSignatureSchema.optional(),
})
export type ReviewBlock = z.infer<typeof ReviewBlockSchema>

export const AssessmentBlockSchema = z.strictObject({
  id: z.string().min(1).max(LIMITS.name),
  title: z.string().trim().min(1).max(LIMITS.title),
  round: z.number().int().min(1).max(1000),
  createdAt: datetime,
  updatedAt: datetime,
  subject: SubjectSchema.strict(),
  scale: ScaleIdSchema,
  targets: TargetOverrides,
  ratings: z.array(SelfRatingSchema).max(MAX_FILE_ITEMS),
  /** The employee's development plan as it was when the file was made. */
  plan: PlanSchema,
})
export type AssessmentBlock = z.infer<typeof AssessmentBlockSchema>

/** The file without its integrity block: what the hash is taken over. */
export const AssessmentFileContentSchema = z.strictObject({
  $schema: z.string().max(LIMITS.title).optional(),
  format: z.literal(ASSESSMENT_FILE_FORMAT),
  formatVersion: z.literal(ASSESSMENT_FILE_VERSION),
  exportedAt: datetime,
  standard: StandardRef,
  assessment: AssessmentBlockSchema,
  review: ReviewBlockSchema.nullable(),
})
export type AssessmentFileContent = z.infer<typeof AssessmentFileContentSchema>

export const IntegritySchema = z.strictObject({
  algorithm: z.literal('SHA-256'),
  /** Over the canonical JSON (RFC 8785) of the file without this block. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})

export const AssessmentFileSchema = AssessmentFileContentSchema.extend({
  integrity: IntegritySchema,
})
export type AssessmentFile = z.infer<typeof AssessmentFileSchema>

/** The hash a file's content must carry. */
export function contentHash(content: AssessmentFileContent): Promise<string> {
  return sha256Hex(canonicalJson(content))
}

/** Seals a file's content with its integrity hash. */
export async function sealAssessmentFile(content: AssessmentFileContent): Promise<AssessmentFile> {
  return { ...content, integrity: { algorithm: 'SHA-256', hash: await contentHash(content) } }
}

/** The text written to disk: indented for a person who opens it, hashed canonically. */
export function assessmentFileText(file: AssessmentFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}
