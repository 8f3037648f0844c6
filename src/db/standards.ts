/**
 * The standards a person added (pasted, opened or filled in a template). Each is kept as the
 * text of its JSON file and checked again by the one standard reader on every load, exactly as
 * a bundled file is, so a stored standard can never bypass the schema.
 */
import { getDb, type StoredStandard } from './db'
import { codePointOrder } from '@/domain/order'

/** Every added standard, oldest first. */
export async function listAddedStandards(): Promise<StoredStandard[]> {
  const all = await getDb().standards.toArray()
  return all.sort((a, b) => codePointOrder(a.addedAt, b.addedAt) || codePointOrder(a.id, b.id))
}

/** An assessment or a review that uses a standard, named as its list shows it. */
export interface StandardUse {
  kind: 'assessment' | 'review'
  id: string
  title: string
}

/** The assessments and reviews on this device made on a standard. */
export async function usesOfStandard(id: string): Promise<StandardUse[]> {
  const db = getDb()
  return db.transaction('r', [db.assessments, db.reviews], async () => {
    const assessments = await db.assessments.where('standardId').equals(id).toArray()
    const reviews = (await db.reviews.toArray()).filter((r) => r.standardId === id)
    return [
      ...assessments.map((a) => ({ kind: 'assessment' as const, id: a.id, title: a.title })),
      ...reviews.map((r) => ({ kind: 'review' as const, id: r.id, title: r.assessment.title })),
    ]
  })
}

/**
 * Keeps an added standard. Refuses (returns false) when a standard with its id is already
 * kept, so a second paste never silently replaces the first.
 */
export async function addStandard(record: StoredStandard): Promise<boolean> {
  const db = getDb()
  return db.transaction('rw', db.standards, async () => {
    if (await db.standards.get(record.id)) return false
    await db.standards.add(record)
    return true
  })
}

/**
 * Removes an added standard unless an assessment or a review uses it; the check and the delete
 * are one transaction, so an assessment started in another tab meanwhile cannot be orphaned.
 */
export async function removeStandard(id: string): Promise<StandardUse[]> {
  const db = getDb()
  return db.transaction('rw', [db.standards, db.assessments, db.reviews], async () => {
    const uses = await usesOfStandard(id)
    if (uses.length === 0) await db.standards.delete(id)
    return uses
  })
}
