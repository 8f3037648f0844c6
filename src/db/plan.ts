/**
 * Development plans in the database: one record per action, an employee's per assessment and a
 * supervisor's per review. A change writes the fields that changed and nothing else, in a
 * transaction that checks the assessment or review still exists, so two tabs changing two
 * actions (or two fields of one) cannot undo each other. Values come in as plain objects.
 */
import { getDb } from './db'
import { AssessmentGoneError } from './assessments'
import { ReviewGoneError } from './reviews'
import type { PlanAction } from '@/domain/plan/schema'
import { codePointOrder } from '@/domain/order'

/** The order actions were made in (the id, where two were made in the same millisecond). */
const byCreation = (a: PlanAction, b: PlanAction) =>
  codePointOrder(a.createdAt, b.createdAt) || codePointOrder(a.id, b.id)

/** An action without the key that places it. */
function actionOf<R extends PlanAction>(record: R): PlanAction {
  const {
    assessmentId: _a,
    reviewId: _r,
    ...action
  } = record as R & {
    assessmentId?: string
    reviewId?: string
  }
  return action
}

/** The plan of an employee's assessment, in the order its actions were made. */
export async function loadPlan(assessmentId: string): Promise<PlanAction[]> {
  const rows = await getDb().planActions.where('assessmentId').equals(assessmentId).toArray()
  return rows.map(actionOf).sort(byCreation)
}

/** Adds an action to an assessment's plan; fails, storing nothing, if it is gone. */
export async function addPlanAction(assessmentId: string, action: PlanAction): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.assessments, db.planActions, async () => {
    if (!(await db.assessments.get(assessmentId))) throw new AssessmentGoneError(assessmentId)
    await db.planActions.add({ ...action, assessmentId })
  })
}

/**
 * Writes the changed fields of one action of an assessment's plan. Resolves false when the
 * action is no longer there (removed in another tab): nothing is written.
 */
export async function updatePlanAction(
  assessmentId: string,
  id: string,
  changes: Partial<PlanAction>,
): Promise<boolean> {
  const db = getDb()
  return db.transaction('rw', db.assessments, db.planActions, async () => {
    if (!(await db.assessments.get(assessmentId))) throw new AssessmentGoneError(assessmentId)
    return (await db.planActions.update([assessmentId, id], structuredClone(changes))) > 0
  })
}

export async function removePlanAction(assessmentId: string, id: string): Promise<void> {
  await getDb().planActions.delete([assessmentId, id])
}

/** The plan a supervisor is agreeing in a review. */
export async function loadReviewPlan(reviewId: string): Promise<PlanAction[]> {
  const rows = await getDb().reviewPlanActions.where('reviewId').equals(reviewId).toArray()
  return rows.map(actionOf).sort(byCreation)
}

export async function addReviewPlanAction(reviewId: string, action: PlanAction): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.reviews, db.reviewPlanActions, async () => {
    if (!(await db.reviews.get(reviewId))) throw new ReviewGoneError(reviewId)
    await db.reviewPlanActions.add({ ...action, reviewId })
  })
}

export async function updateReviewPlanAction(
  reviewId: string,
  id: string,
  changes: Partial<PlanAction>,
): Promise<boolean> {
  const db = getDb()
  return db.transaction('rw', db.reviews, db.reviewPlanActions, async () => {
    if (!(await db.reviews.get(reviewId))) throw new ReviewGoneError(reviewId)
    return (await db.reviewPlanActions.update([reviewId, id], structuredClone(changes))) > 0
  })
}

export async function removeReviewPlanAction(reviewId: string, id: string): Promise<void> {
  await getDb().reviewPlanActions.delete([reviewId, id])
}
