/**
 * Schemas of what GapLens stores about an assessment: each is the single source of its
 * TypeScript type and of the check run on anything read back from a file.
 */
import { z } from '../zod'
import { SCALES } from './scales'
import { LIMITS } from '../limits'

const scaleIds = Object.keys(SCALES) as [keyof typeof SCALES, ...(keyof typeof SCALES)[]]
export const ScaleIdSchema = z.enum(scaleIds)

export { LIMITS }

/** An item's code as standards write it: P1.1.1, K01, S12, A03. */
export const ItemCodeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Z][A-Za-z0-9.]*$/)

/** A scale value, 'na' (not applicable), or null: not yet rated (a note may still exist). */
export const RatingValueSchema = z.union([z.number().int().min(1).max(6), z.literal('na')])

export const ItemResponseSchema = z.object({
  rating: RatingValueSchema.nullable(),
  note: z.string().max(LIMITS.text),
  evidence: z.string().max(LIMITS.text),
  updatedAt: z.iso.datetime(),
  /**
   * Carried on from the earlier round and not yet confirmed or changed by the person: a new
   * round starts from the last one's ratings, and asks for each to be looked at again.
   */
  carried: z.literal(true).optional(),
})
export type ItemResponse = z.infer<typeof ItemResponseSchema>

export const SubjectSchema = z.object({
  name: z.string().trim().min(1).max(LIMITS.name),
  employeeId: z.string().max(LIMITS.name),
  department: z.string().max(LIMITS.name),
  jobTitle: z.string().max(LIMITS.name),
})
export type Subject = z.infer<typeof SubjectSchema>

const TargetValue = z.number().int().min(1).max(6)
export const TargetOverridesSchema = z.object({
  duties: z.record(z.string(), TargetValue),
  tasks: z.record(z.string(), TargetValue),
})
export type TargetOverrides = z.infer<typeof TargetOverridesSchema>

const ItemKind = z.enum(['P', 'K', 'S', 'A'])
const VersionedItemSchema = z.object({
  key: z.string().min(1),
  kind: ItemKind,
  text: z.string().max(LIMITS.text),
  level: z.number().int().min(1).max(6).optional(),
  task: z.string().optional(),
})

/**
 * How a round started on a newer version of the standard came to be: the assessment it was
 * carried from (on the older version), how many ratings came over unchanged, and the items it
 * did not carry (changed, with the old and new text; new; removed), for the rating page to show.
 */
export const CarriedFromSchema = z.object({
  assessmentId: z.string().min(1),
  standardId: z.string().min(1),
  /** Ratings (a scale value or not applicable) carried over unchanged. */
  carried: z.number().int().min(0),
  changed: z.array(
    z.object({
      key: z.string().min(1),
      kind: ItemKind,
      old: VersionedItemSchema,
      new: VersionedItemSchema,
    }),
  ),
  added: z.array(VersionedItemSchema),
  removed: z.array(VersionedItemSchema),
})
export type CarriedFrom = z.infer<typeof CarriedFromSchema>

export const AssessmentRecordSchema = z.object({
  id: z.string().min(1),
  standardId: z.string().min(1),
  title: z.string().trim().min(1).max(LIMITS.title),
  subject: SubjectSchema,
  scaleId: ScaleIdSchema,
  targets: TargetOverridesSchema,
  /** 1 for a first assessment; a new round copies an earlier one and counts on. */
  round: z.number().int().min(1),
  previousId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The item last rated, to resume where the person left off. */
  lastItemKey: z.string().nullable(),
  /**
   * Set on a round started on a newer version of the standard ("reassess"). Optional, so the
   * records, backups and files made before it stay valid.
   */
  carriedFrom: CarriedFromSchema.optional(),
})
export type AssessmentRecord = z.infer<typeof AssessmentRecordSchema>

/** One item's rating, note and evidence within an assessment: one small record per item. */
export const ResponseRecordSchema = ItemResponseSchema.extend({
  assessmentId: z.string().min(1),
  itemKey: z.string().min(1),
})
export type ResponseRecord = z.infer<typeof ResponseRecordSchema>
