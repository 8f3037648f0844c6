/**
 * The rounds of an assessment: what a new assessment and each later round start as, and which
 * earlier round a round is compared with. Pure: src/db reads and stores the records.
 */
import { codePointOrder } from '../order'
import type {
  AssessmentRecord,
  CarriedFrom,
  ItemResponse,
  Subject,
  TargetOverrides,
} from './records'
import type { ScaleId } from './scales'
import { baseTitle, defaultTitle } from './titles'

export interface NewAssessment {
  standardId: string
  subject: Subject
  scaleId: ScaleId
  title?: string
}

/** A new record's id and the moment it is made, given by the caller so that this stays pure. */
export interface Stamp {
  id: string
  createdAt: string
}

/**
 * What a new round carries over from the round it is started from, in the order the person is
 * told (before they start it). One list, so what a round carries is said in one place; the
 * plan's actions are followed up on the new round's results.
 */
export const CARRIED_TO_NEXT_ROUND = ['ratings', 'notes', 'evidence', 'targets', 'plan'] as const
export type Carried = (typeof CARRIED_TO_NEXT_ROUND)[number]

/** A new assessment: round 1, the scale's targets, titled after its person unless given a title. */
export function firstRound(
  input: NewAssessment,
  standardTitle: string,
  { id, createdAt }: Stamp,
): AssessmentRecord {
  return {
    id,
    standardId: input.standardId,
    title: input.title?.trim() || defaultTitle(input.subject, standardTitle, createdAt),
    subject: { ...input.subject },
    scaleId: input.scaleId,
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId: null,
    createdAt,
    updatedAt: createdAt,
    lastItemKey: null,
  }
}

/**
 * What every later round changes of the round it comes from: who it is, its number, and its
 * title (the earlier round's, without a label earlier versions stored in it: see titles.ts).
 */
function successor(from: AssessmentRecord, { id, createdAt }: Stamp) {
  return {
    id,
    title: baseTitle(from.title, from.round),
    round: from.round + 1,
    previousId: from.id,
    createdAt,
    updatedAt: createdAt,
    lastItemKey: null,
  }
}

/**
 * The next round of `from` on the same standard: same person, scale and targets (its responses
 * are copied by the caller). A round carried over from an older version says so; a plain next
 * round of it does not.
 */
export function nextRound(from: AssessmentRecord, stamp: Stamp): AssessmentRecord {
  const { carriedFrom: _carried, ...same } = from
  return { ...same, ...successor(from, stamp) }
}

/** What a round on another standard starts with, decided from the round it comes from. */
export interface RoundPlan {
  standardId: string
  targets: TargetOverrides
  /** The responses to start with (plain objects), by item key. */
  responses: ReadonlyMap<string, ItemResponse>
  carriedFrom: CarriedFrom
}

/**
 * The next round of `from` on another standard (a newer version): same person and scale; the
 * standard, targets and what was carried are the plan's, copied so the round holds its own.
 */
export function nextRoundOn(
  from: AssessmentRecord,
  plan: Omit<RoundPlan, 'responses'>,
  stamp: Stamp,
): AssessmentRecord {
  return {
    ...from,
    ...successor(from, stamp),
    standardId: plan.standardId,
    targets: structuredClone(plan.targets),
    carriedFrom: structuredClone(plan.carriedFrom),
  }
}

/**
 * The earlier round to compare `record` with: `startedFrom`, the round it was started from, or
 * else the latest earlier assessment of the same person on the same standard among `others`.
 * Only a round rated on the same scale compares: values of two scales do not mean the same.
 */
export function previousRound(
  record: AssessmentRecord,
  startedFrom: AssessmentRecord | undefined,
  others: readonly AssessmentRecord[],
): AssessmentRecord | undefined {
  const started = startedFrom?.id === record.previousId ? startedFrom : undefined
  if (started && started.scaleId === record.scaleId) return started
  return others
    .filter(
      (a) =>
        a.id !== record.id &&
        a.standardId === record.standardId &&
        a.scaleId === record.scaleId &&
        a.subject.name === record.subject.name &&
        a.createdAt < record.createdAt,
    )
    .sort((a, b) => codePointOrder(b.createdAt, a.createdAt))[0]
}
