/**
 * The development plan (發展計畫): the actions an employee and their supervisor agree after a
 * review, each aimed at items of the standard. One schema is the type, the check of anything
 * read back (a file, a backup) and the published JSON Schema's part.
 *
 * An action's kind follows the 70-20-10 model: most growth comes from practice on the job, some
 * from coaching and feedback, a little from courses and study.
 */
import { z } from '../zod'
import { LIMITS } from '../limits'
import { ItemCodeSchema } from '../assessment/records'
import { problemParams } from '../io/issues'

export const PLAN_KINDS = ['practice', 'coaching', 'course'] as const
export type PlanKind = (typeof PLAN_KINDS)[number]

export const PLAN_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** Who wrote an action or changed it last. */
export const PLAN_ROLES = ['employee', 'supervisor'] as const
export type PlanRole = (typeof PLAN_ROLES)[number]

/** More actions than a year's plan holds: a file with more is not one of ours. */
export const MAX_PLAN_ACTIONS = 100
/** More items than one action can sensibly aim at. */
export const MAX_ACTION_ITEMS = 60
/** Due dates a plan can mean: a date outside is a typing slip or a forged file. */
export const DUE_MIN = '2000-01-01'
export const DUE_MAX = '2099-12-31'

/** A calendar date (YYYY-MM-DD) in the years a plan can mean. */
export const DueDateSchema = z.iso.date().superRefine((date, ctx) => {
  if (date < DUE_MIN || date > DUE_MAX)
    ctx.addIssue({
      code: 'custom',
      params: problemParams('invalid-field', {
        issue: { kind: 'bad-format', format: 'date', value: date },
      }),
    })
})

export const PlanActionSchema = z.strictObject({
  /** Stable across rounds and devices: the same action carried on or agreed keeps it. */
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/),
  /** What will be done. */
  what: z.string().trim().min(1).max(LIMITS.text),
  kind: z.enum(PLAN_KINDS),
  /** The P, K, S or A codes the action is meant to close. */
  items: z.array(ItemCodeSchema).min(1).max(MAX_ACTION_ITEMS),
  /** Who supports it (a mentor, the supervisor, a team). */
  support: z.string().max(LIMITS.name),
  due: DueDateSchema.nullable(),
  /** How success will be seen; empty: the items reach their target in the next round. */
  success: z.string().max(LIMITS.text),
  status: z.enum(PLAN_STATUSES),
  proposedBy: z.enum(PLAN_ROLES),
  changedBy: z.enum(PLAN_ROLES),
  /** The supervisor agreed it as it stands. */
  agreed: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type PlanAction = z.infer<typeof PlanActionSchema>

/** The plan as a file carries it: its actions, in the order they were made. */
export const PlanSchema = z.array(PlanActionSchema).max(MAX_PLAN_ACTIONS)
export type Plan = z.infer<typeof PlanSchema>

/** What a person fills in for an action; the rest is the app's. */
export type ActionDraft = Pick<
  PlanAction,
  'what' | 'kind' | 'items' | 'support' | 'due' | 'success'
>

/** A change a person makes to an action: any of its content, its status, its agreement. */
export type ActionChanges = Partial<ActionDraft> & { status?: PlanStatus; agreed?: boolean }

/** What the action form gives back: a whole draft, with status and agreement where they apply. */
export type ActionForm = ActionDraft & { status?: PlanStatus; agreed?: boolean }

/** The fields whose change is a change of what was agreed (a status is progress, not content). */
export const CONTENT_FIELDS = ['what', 'kind', 'items', 'support', 'due', 'success'] as const
export type ContentField = (typeof CONTENT_FIELDS)[number]
