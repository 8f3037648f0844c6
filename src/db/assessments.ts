/**
 * Typed queries on assessments and their responses. Every write is one small transaction;
 * its promise resolves only once IndexedDB has committed it, so "saved" is never a guess.
 * Values come in as plain objects: unwrapping a store's proxies (toRaw) is the store's job.
 */
import { getDb } from './db'
import type {
  AssessmentRecord,
  ItemResponse,
  ResponseRecord,
  TargetOverrides,
} from '@/domain/assessment/records'
import { firstRound, type NewAssessment, type Stamp } from '@/domain/assessment/rounds'
import { applyPatch } from '@/domain/sync/fields'
import { applyTargets, type TargetsPatch } from '@/domain/assessment/targets'

function now(): string {
  return new Date().toISOString()
}

/** A fresh id and the present moment, for a record about to be stored. */
export function stamp(): Stamp {
  return { id: crypto.randomUUID(), createdAt: now() }
}

/** Stores a new assessment (round 1); `standardTitle` names it when the input gives no title. */
export async function createAssessment(
  input: NewAssessment,
  standardTitle: string,
): Promise<AssessmentRecord> {
  const record = firstRound(input, standardTitle, stamp())
  await getDb().assessments.add(record)
  return record
}

export function listAssessments(): Promise<AssessmentRecord[]> {
  return getDb().assessments.orderBy('updatedAt').reverse().toArray()
}

export function getAssessment(id: string): Promise<AssessmentRecord | undefined> {
  return getDb().assessments.get(id)
}

/** Stored rows as responses by item key, without the keys that place them. */
export function byItemKey(rows: readonly ResponseRecord[]): Map<string, ItemResponse> {
  return new Map(rows.map(({ assessmentId: _a, itemKey, ...response }) => [itemKey, response]))
}

/** One assessment's responses, by item key. */
export async function loadResponses(assessmentId: string): Promise<Map<string, ItemResponse>> {
  return byItemKey(await getDb().responses.where('assessmentId').equals(assessmentId).toArray())
}

/** The responses of some assessments (those a list shows), by assessment id. */
export async function responsesOf(ids: readonly string[]): Promise<Map<string, ResponseRecord[]>> {
  const grouped = new Map<string, ResponseRecord[]>()
  if (!ids.length) return grouped
  const rows = await getDb().responses.where('assessmentId').anyOf(ids).toArray()
  for (const row of rows) {
    const list = grouped.get(row.assessmentId)
    if (list) list.push(row)
    else grouped.set(row.assessmentId, [row])
  }
  return grouped
}

/** One item's stored response, or undefined if it has none. */
export async function getResponse(
  assessmentId: string,
  itemKey: string,
): Promise<ItemResponse | undefined> {
  const row = await getDb().responses.get([assessmentId, itemKey])
  return row && byItemKey([row]).get(itemKey)
}

/**
 * Stores one item's whole response, as the page holds it, without reading what is stored: the
 * write of a page being hidden or closed (see `patchResponse` for every other write).
 * Resolves once IndexedDB has committed it (strict durability);
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

/** The fields of a response a page changes; `carried` given as undefined takes the mark away. */
export type ResponsePatch = Partial<Pick<ItemResponse, 'rating' | 'note' | 'evidence' | 'carried'>>

/**
 * Stores the fields of one item's response that the person changed, laid over whatever is stored
 * now (another tab may have changed the others since this page read them), and resolves with the
 * response as stored. Rejects with AssessmentGoneError, storing nothing, when the assessment no
 * longer exists.
 *
 * One transaction, on the IndexedDB connection itself, begun before this returns: it reads the
 * response and the assessment, and in the read's answer puts the response with the changes laid
 * over it, marks the assessment touched and asks for the commit, all within that one callback
 * (no promise in between, so nothing of the page's other work runs first).
 *
 * The put waits for that answer, which a closing page may never give: a page being hidden or
 * closed writes with `saveResponse`. Measured in Chromium, a read-then-put issued on pagehide was
 * stored in 9 closes of 20, a put with its commit asked for at once in 20 of 20.
 */
export function patchResponse(
  assessmentId: string,
  itemKey: string,
  patch: ResponsePatch,
  updatedAt: string,
): Promise<ItemResponse> {
  const db = getDb()
  if (!db.isOpen())
    return db.open().then(() => patchResponse(assessmentId, itemKey, patch, updatedAt))
  try {
    return patchAtOnce(db.backendDB(), assessmentId, itemKey, { ...patch, updatedAt })
  } catch (error) {
    return Promise.reject(error)
  }
}

function patchAtOnce(
  idb: IDBDatabase,
  assessmentId: string,
  itemKey: string,
  patch: ResponsePatch & { updatedAt: string },
): Promise<ItemResponse> {
  const tx = writeTransaction(idb)
  const done = settled(tx)
  const responses = tx.objectStore(RESPONSES)
  const assessments = tx.objectStore(ASSESSMENTS)
  const readResponse = responses.get([assessmentId, itemKey])
  const readAssessment = assessments.get(assessmentId)
  let stored: ResponseRecord | undefined
  // Requests answer in order: the response's read has its result when the assessment's answers.
  readAssessment.onsuccess = () => {
    const found = readAssessment.result as AssessmentRecord | undefined
    if (found) {
      const before = (readResponse.result as ResponseRecord | undefined) ?? {
        assessmentId,
        itemKey,
        rating: null,
        note: '',
        evidence: '',
        updatedAt: patch.updatedAt,
      }
      stored = applyPatch(before, patch)
      responses.put(stored)
      assessments.put(touched(found, stored))
    }
    tx.commit()
  }
  return done.then(() => {
    if (!stored) throw new AssessmentGoneError(assessmentId)
    return byItemKey([stored]).get(itemKey)!
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
  changes: Partial<Pick<AssessmentRecord, 'title' | 'subject'>>,
): Promise<void> {
  const copy = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, structuredClone(v)]))
  await getDb().assessments.update(id, { ...copy, updatedAt: now() })
}

/**
 * Stores the targets a page changed, each laid over those stored now (another tab may have set
 * others), in one transaction, and resolves with the targets as stored. Rejects with
 * AssessmentGoneError when the assessment no longer exists.
 */
export async function patchTargets(id: string, patch: TargetsPatch): Promise<TargetOverrides> {
  const db = getDb()
  return db.transaction('rw', db.assessments, async () => {
    const found = await db.assessments.get(id)
    if (!found) throw new AssessmentGoneError(id)
    const targets = applyTargets(found.targets, patch)
    await db.assessments.update(id, { targets, updatedAt: now() })
    return targets
  })
}

/**
 * Deletes an assessment, its responses, its plan and the review it came back with, in one
 * transaction.
 */
export async function deleteAssessment(id: string): Promise<void> {
  const db = getDb()
  const tables = [db.responses, db.assessments, db.receivedReviews, db.planActions]
  await db.transaction('rw', tables, async () => {
    await db.responses.where('assessmentId').equals(id).delete()
    await db.planActions.where('assessmentId').equals(id).delete()
    await db.receivedReviews.delete(id)
    await db.assessments.delete(id)
  })
}
