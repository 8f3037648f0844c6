/**
 * Typed queries on assessments and their responses. Every write is one small transaction;
 * its promise resolves only once IndexedDB has committed it, so "saved" is never a guess.
 * Values come in as plain objects: unwrapping a store's proxies (toRaw) is the store's job.
 */
import { codePointOrder } from '@/domain/order'
import { getDb } from './db'
import { localDate } from '@/domain/dates'
import type { ScaleId } from '@/domain/assessment/scales'
import { LIMITS } from '@/domain/limits'
import type {
  AssessmentRecord,
  CarriedFrom,
  ItemResponse,
  ResponseRecord,
  Subject,
  TargetOverrides,
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
    subject: { ...input.subject },
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

/**
 * Stores one item's response. Resolves once IndexedDB has committed it (strict durability);
 * rejects with AssessmentGoneError, leaving nothing stored, when the assessment no longer exists
 * (deleted in another tab, say). `response` must be a plain object (no Vue proxy).
 *
 * The requests are issued before this returns, on the IndexedDB connection itself rather than
 * through Dexie's promise chain, and the commit is requested with them: the transaction commits
 * without waiting for the page to answer anything, so a save is not held up by the page
 * rendering, and a save issued as the tab closes still lands (Chromium completes a transaction
 * whose commit was requested before the tab closed, but aborts one waiting on its page: measured,
 * a put whose commit waited on a read's answer, issued on pagehide, was lost in 4 to 5 closes out
 * of 20; with the commit requested at once, in none).
 *
 * The assessment is read in the same transaction. If it is gone, the orphaned response is taken
 * out again and the save fails. Otherwise the assessment is marked touched (when, and which item,
 * to resume there) in a second small transaction, started before this resolves: anything read
 * after it sees the mark, but the save does not wait for it.
 */
export function saveResponse(
  assessmentId: string,
  itemKey: string,
  response: ItemResponse,
): Promise<void> {
  const db = getDb()
  // Opened by the page before anything is rated; a save made before that waits for it.
  if (!db.isOpen()) return db.open().then(() => saveResponse(assessmentId, itemKey, response))
  const record: ResponseRecord = { ...response, assessmentId, itemKey }
  try {
    return saveAtOnce(db.backendDB(), record)
  } catch (error) {
    // transaction() throws when the connection is closing (a newer version opened elsewhere).
    return Promise.reject(error)
  }
}

const RESPONSES = 'responses'
const ASSESSMENTS = 'assessments'

/** A read-write transaction on responses and assessments, with strict durability (see db.ts). */
function writeTransaction(idb: IDBDatabase): IDBTransaction {
  return idb.transaction([RESPONSES, ASSESSMENTS], 'readwrite', { durability: 'strict' })
}

/** Settles with the transaction: resolved on complete, rejected with its error on abort. */
function settled(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'))
  })
}

function touched(found: AssessmentRecord, record: ResponseRecord): AssessmentRecord {
  return { ...found, updatedAt: record.updatedAt, lastItemKey: record.itemKey }
}

async function saveAtOnce(idb: IDBDatabase, record: ResponseRecord): Promise<void> {
  const tx = writeTransaction(idb)
  const done = settled(tx)
  tx.objectStore(RESPONSES).put(record)
  const read = tx.objectStore(ASSESSMENTS).get(record.assessmentId)
  tx.commit()
  await done
  if (read.result) {
    // Not awaited: a failure here loses only the mark, and the next save makes it again.
    touchAssessment(idb, record).catch(() => undefined)
    return
  }
  // Its assessment was deleted before this write: every response left of it is an orphan.
  const undo = writeTransaction(idb)
  undo.objectStore(RESPONSES).delete(responseKeysOf(record.assessmentId))
  undo.commit()
  await settled(undo)
  throw new AssessmentGoneError(record.assessmentId)
}

/** Marks the assessment touched by a stored response; nothing if it has been deleted since. */
function touchAssessment(idb: IDBDatabase, record: ResponseRecord): Promise<void> {
  const tx = idb.transaction(ASSESSMENTS, 'readwrite', { durability: 'strict' })
  const done = settled(tx)
  const assessments = tx.objectStore(ASSESSMENTS)
  const read = assessments.get(record.assessmentId)
  read.onsuccess = () => {
    const found = read.result as AssessmentRecord | undefined
    if (found) assessments.put(touched(found, record))
    tx.commit()
  }
  return done
}

/** Every key [assessmentId, itemKey] of one assessment: an array sorts after any string. */
function responseKeysOf(assessmentId: string): IDBKeyRange {
  return IDBKeyRange.bound([assessmentId], [assessmentId, []])
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
  const copy = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, structuredClone(v)]))
  await getDb().assessments.update(id, { ...copy, updatedAt: now() })
}

/** Deletes an assessment, its responses and the review it came back with, in one transaction. */
export async function deleteAssessment(id: string): Promise<void> {
  const db = getDb()
  await db.transaction('rw', db.responses, db.assessments, db.receivedReviews, async () => {
    await db.responses.where('assessmentId').equals(id).delete()
    await db.receivedReviews.delete(id)
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
    // A round carried over from an older version says so; a plain next round of it does not.
    const { carriedFrom: _carried, ...same } = from
    const round: AssessmentRecord = {
      ...same,
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

/** What a round on another standard starts with, decided from the round it comes from. */
export interface RoundPlan {
  standardId: string
  targets: TargetOverrides
  /** The responses to start with (plain objects), by item key. */
  responses: ReadonlyMap<string, ItemResponse>
  carriedFrom: CarriedFrom
}

/**
 * Starts a new round from an earlier assessment on another standard (a newer version): same
 * person and scale; the standard, targets and starting responses are what `plan` decides from
 * the earlier round and its responses, read in the same transaction, so a rating saved meanwhile
 * cannot slip between the read and the copy. All or nothing: the round and its responses are
 * stored together or not at all; the earlier round is left as it was.
 */
export async function startRoundOn(
  fromId: string,
  plan: (from: AssessmentRecord, responses: Map<string, ItemResponse>) => RoundPlan,
  suffix: (round: number) => string = (n) => `（第 ${n} 輪）`,
): Promise<AssessmentRecord> {
  const db = getDb()
  return db.transaction('rw', db.responses, db.assessments, async () => {
    const from = await db.assessments.get(fromId)
    if (!from) throw new Error(`no assessment ${fromId}`)
    const rows = await db.responses.where('assessmentId').equals(fromId).toArray()
    const stored = new Map(rows.map(({ assessmentId: _a, itemKey, ...r }) => [itemKey, r]))
    const next = plan(from, stored)
    const createdAt = now()
    const round: AssessmentRecord = {
      ...from,
      id: newId(),
      standardId: next.standardId,
      title: roundTitle(from.title, suffix(from.round + 1)),
      targets: structuredClone(next.targets),
      round: from.round + 1,
      previousId: from.id,
      createdAt,
      updatedAt: createdAt,
      lastItemKey: null,
      carriedFrom: structuredClone(next.carriedFrom),
    }
    await db.assessments.add(round)
    await db.responses.bulkAdd(
      [...next.responses].map(([itemKey, r]) => ({ ...r, assessmentId: round.id, itemKey })),
    )
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
    .sort((a, b) => codePointOrder(b.createdAt, a.createdAt))[0]
}
