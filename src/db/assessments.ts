/**
 * Typed queries on assessments and their responses. Every write is one small transaction;
 * its promise resolves only once IndexedDB has committed it, so "saved" is never a guess.
 */
import { toRaw } from 'vue'
import { getDb } from './db'
import { localDate } from '@/domain/dates'
import type { ScaleId } from '@/domain/assessment/scales'
import { LIMITS } from '@/domain/limits'
import type {
  AssessmentRecord,
  ItemResponse,
  ResponseRecord,
  Subject,
} from '@/domain/assessment/records'

export interface NewAssessment {
  standardId: string
  subject: Subject
  scaleId: ScaleId
  title?: string
}

function now(): string {
  return new Date().toISOString()
}

function newId(): string {
  return crypto.randomUUID()
}

/** The title an assessment gets when none is given: who, which standard, and the local date. */
export function defaultTitle(subject: Subject, standardTitle: string, at: string): string {
  return `${subject.name}・${standardTitle}・${localDate(new Date(at))}`.slice(0, LIMITS.title)
}

export async function createAssessment(
  input: NewAssessment,
  standardTitle: string,
): Promise<AssessmentRecord> {
  const createdAt = now()
  const record: AssessmentRecord = {
    id: newId(),
    standardId: input.standardId,
    title: input.title?.trim() || defaultTitle(input.subject, standardTitle, createdAt),
    subject: { ...toRaw(input.subject) },
    scaleId: input.scaleId,
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId: null,
    createdAt,
    updatedAt: createdAt,
    lastItemKey: null,
  }
  await getDb().assessments.add(record)
  return record
}

export function listAssessments(): Promise<AssessmentRecord[]> {
  return getDb().assessments.orderBy('updatedAt').reverse().toArray()
}

export function getAssessment(id: string): Promise<AssessmentRecord | undefined> {
  return getDb().assessments.get(id)
}

export async function loadResponses(assessmentId: string): Promise<Map<string, ItemResponse>> {
  const rows = await getDb().responses.where('assessmentId').equals(assessmentId).toArray()
  return new Map(rows.map(({ assessmentId: _a, itemKey, ...response }) => [itemKey, response]))
}

/** Responses of every assessment, by assessment id (for the list's progress). */
export async function responsesByAssessment(): Promise<Map<string, ResponseRecord[]>> {
  const grouped = new Map<string, ResponseRecord[]>()
  await getDb().responses.each((row) => {
    const list = grouped.get(row.assessmentId)
    if (list) list.push(row)
    else grouped.set(row.assessmentId, [row])
  })
  return grouped
}

/** Stores one item's response and marks the assessment as touched, in one transaction. */
export async function saveResponse(
  assessmentId: string,
  itemKey: string,
  response: ItemResponse,
): Promise<void> {
  const db = getDb()
  const record: ResponseRecord = { ...toRaw(response), assessmentId, itemKey }
  await db.transaction('rw', db.responses, db.assessments, async () => {
    const found = await db.assessments.update(assessmentId, {
      updatedAt: response.updatedAt,
      lastItemKey: itemKey,
    })
    // A rating of a deleted assessment (open in another tab, say) would belong to nothing.
    if (!found) throw new AssessmentGoneError(assessmentId)
    await db.responses.put(record)
  })
}

/** A write to an assessment that no longer exists: nothing was stored. */
export class AssessmentGoneError extends Error {
  override name = 'AssessmentGoneError'
  constructor(id: string) {
    super(`assessment ${id} no longer exists`)
  }
}

export async function updateAssessment(
  id: string,
  changes: Partial<Pick<AssessmentRecord, 'title' | 'subject' | 'targets'>>,
): Promise<void> {
  const raw = Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [k, structuredClone(toRaw(v))]),
  )
  await getDb().assessments.update(id, { ...raw, updatedAt: now() })
}

export async function deleteAssessment(id: string): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.responses, db.assessments, async () => {
    await db.responses.where('assessmentId').equals(id).delete()
    await db.assessments.delete(id)
  })
}

/** The end of a later round's title, in either language; replaced, not stacked, each round. */
const ROUND_SUFFIX = /(（第 \d+ 輪）| \(round \d+\))$/

/** A later round's title: the first round's, shortened if need be, and the round's suffix. */
function roundTitle(title: string, suffix: string): string {
  return `${title.replace(ROUND_SUFFIX, '').slice(0, LIMITS.title - suffix.length)}${suffix}`
}

/**
 * Starts a new round from an earlier assessment: same standard, person, scale and targets,
 * with the earlier ratings, notes and evidence as the starting point. `suffix` gives the end of
 * its title, in the interface's language: （第 2 輪） or " (round 2)".
 */
export async function startNewRound(
  fromId: string,
  suffix: (round: number) => string = (n) => `（第 ${n} 輪）`,
): Promise<AssessmentRecord> {
  const db = getDb()
  return db.transaction('rw', db.responses, db.assessments, async () => {
    const from = await db.assessments.get(fromId)
    if (!from) throw new Error(`no assessment ${fromId}`)
    const createdAt = now()
    const round: AssessmentRecord = {
      ...from,
      id: newId(),
      title: roundTitle(from.title, suffix(from.round + 1)),
      round: from.round + 1,
      previousId: from.id,
      createdAt,
      updatedAt: createdAt,
      lastItemKey: null,
    }
    const rows = await db.responses.where('assessmentId').equals(fromId).toArray()
    await db.assessments.add(round)
    await db.responses.bulkAdd(rows.map((r) => ({ ...r, assessmentId: round.id })))
    return round
  })
}

/**
 * The earlier round to compare an assessment with: the one it was started from, or else the
 * latest earlier assessment of the same person on the same standard. Only a round rated on
 * the same scale compares: values of two scales do not mean the same.
 */
export async function findPreviousRound(
  record: AssessmentRecord,
): Promise<AssessmentRecord | undefined> {
  const db = getDb()
  if (record.previousId) {
    const from = await db.assessments.get(record.previousId)
    if (from?.scaleId === record.scaleId) return from
  }
  const same = await db.assessments.where('standardId').equals(record.standardId).toArray()
  return same
    .filter(
      (a) =>
        a.id !== record.id &&
        a.scaleId === record.scaleId &&
        a.subject.name === record.subject.name &&
        a.createdAt < record.createdAt,
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
}
