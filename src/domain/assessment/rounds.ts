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
import { defaultTitle, roundTitle } from './titles'

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

/** A round's title suffix, in the interface's language: （第 2 輪） or " (round 2)". */
export type RoundSuffix = (round: number) => string

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

/** What every later round changes of the round it comes from: who it is, its title and number. */
function successor(from: AssessmentRecord, { id, createdAt }: Stamp, suffix: RoundSuffix) {
  return {
    id,
    title: roundTitle(from.title, suffix(from.round + 1)),
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
export function nextRound(
  from: AssessmentRecord,
  stamp: Stamp,
  suffix: RoundSuffix,
): AssessmentRecord {
  const { carriedFrom: _carried, ...same } = from
  return { ...same, ...successor(from, stamp, suffix) }
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
  suffix: RoundSuffix,
): AssessmentRecord {
  return {
    ...from,
    ...successor(from, stamp, suffix),
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
