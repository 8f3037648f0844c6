/**
 * What a device stores of development plans: one small record per action, so a change of one
 * action writes that action only. An employee's device keeps the plan of each of their
 * assessments; a supervisor's keeps, per review, the plan as they are changing and agreeing it
 * (kept apart from the employee's draft the file brought, as their ratings are).
 */
import { z } from '../zod'
import { PlanActionSchema, type PlanAction } from './schema'

export const PlanActionRecordSchema = PlanActionSchema.extend({
  assessmentId: z.string().min(1),
})
export type PlanActionRecord = z.infer<typeof PlanActionRecordSchema>

export const ReviewPlanActionRecordSchema = PlanActionSchema.extend({
  reviewId: z.string().min(1),
})
export type ReviewPlanActionRecord = z.infer<typeof ReviewPlanActionRecordSchema>

/** An assessment's plan as records, each action a copy of its own. */
export function planRecords(assessmentId: string, plan: readonly PlanAction[]): PlanActionRecord[] {
  return plan.map((a) => ({ ...a, items: [...a.items], assessmentId }))
}

/** A review's plan as records, each action a copy of its own. */
export function reviewPlanRecords(
  reviewId: string,
  plan: readonly PlanAction[],
): ReviewPlanActionRecord[] {
  return plan.map((a) => ({ ...a, items: [...a.items], reviewId }))
}
