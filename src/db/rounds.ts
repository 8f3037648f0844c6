/**
 * Storing the rounds of an assessment: a new round and its starting responses are written in
 * one transaction with the read of the round they come from. What a round is (its title, what
 * it carries, which one is previous) is decided in domain/assessment/rounds.ts.
 */
import { getDb } from './db'
import { byItemKey, stamp } from './assessments'
import type { AssessmentRecord, ItemResponse } from '@/domain/assessment/records'
import { nextRound, nextRoundOn, previousRound, type RoundPlan } from '@/domain/assessment/rounds'
import { carriedOn } from '@/domain/assessment/carry'

/** A new round to store, and the responses it starts with (plain objects), by item key. */
interface Started {
  round: AssessmentRecord
  responses: ReadonlyMap<string, ItemResponse>
}

/**
 * Stores the round `start` makes from the assessment `fromId` and its responses, read in the
 * same transaction, so a rating saved meanwhile cannot slip between the read and the copy; the
 * ratings it starts with are marked carried, to be confirmed, and the plan goes on with it. All
 * or nothing: the round, its responses and its plan are stored together or not at all; the
 * earlier round is left as it was.
 */
function startFrom(
  fromId: string,
  start: (from: AssessmentRecord, responses: Map<string, ItemResponse>) => Started,
): Promise<AssessmentRecord> {
  const db = getDb()
  return db.transaction('rw', [db.responses, db.assessments, db.planActions], async () => {
    const from = await db.assessments.get(fromId)
    if (!from) throw new Error(`no assessment ${fromId}`)
    const rows = await db.responses.where('assessmentId').equals(fromId).toArray()
    const { round, responses } = start(from, byItemKey(rows))
    await db.assessments.add(round)
    await db.responses.bulkAdd(
      [...carriedOn(responses)].map(([itemKey, r]) => ({ ...r, assessmentId: round.id, itemKey })),
    )
    // The plan goes on with the round: its follow-up compares the items before and after.
    const plan = await db.planActions.where('assessmentId').equals(fromId).toArray()
    await db.planActions.bulkAdd(plan.map((a) => ({ ...a, assessmentId: round.id })))
    return round
  })
}

/**
 * Starts a new round from an earlier assessment: same standard, person, scale and targets,
 * with the earlier ratings, notes and evidence as the starting point.
 */
export function startNewRound(fromId: string): Promise<AssessmentRecord> {
  return startFrom(fromId, (from, responses) => ({
    round: nextRound(from, stamp()),
    responses,
  }))
}

/**
 * Starts a new round from an earlier assessment on another standard (a newer version): same
 * person and scale; the standard, targets and starting responses are what `plan` decides from
 * the earlier round and its responses (see startFrom: read and stored in one transaction).
 */
export function startRoundOn(
  fromId: string,
  plan: (from: AssessmentRecord, responses: Map<string, ItemResponse>) => RoundPlan,
): Promise<AssessmentRecord> {
  return startFrom(fromId, (from, responses) => {
    const next = plan(from, responses)
    return { round: nextRoundOn(from, next, stamp()), responses: next.responses }
  })
}

/**
 * The earlier round to compare an assessment with (see previousRound): the round it was started
 * from and the other assessments on its standard are read, and the domain chooses.
 */
export async function findPreviousRound(
  record: AssessmentRecord,
): Promise<AssessmentRecord | undefined> {
  const db = getDb()
  const [startedFrom, others] = await Promise.all([
    record.previousId ? db.assessments.get(record.previousId) : undefined,
    db.assessments.where('standardId').equals(record.standardId).toArray(),
  ])
  return previousRound(record, startedFrom, others)
}
