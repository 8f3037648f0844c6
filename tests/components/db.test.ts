import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { GapLensDB } from '@/db/db'

const name = () => `gaplens-test-${crypto.randomUUID()}`
const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

describe('database versions', () => {
  it('opens a database made by version 1 and finds its data intact', async () => {
    const dbName = name()
    // Version 1 exactly as the Foundation released it.
    const v1 = new Dexie(dbName)
    v1.version(1).stores({ settings: '&key', standards: '&id' })
    await v1.table('settings').put({ key: 'welcome', value: { seen: true } })
    await v1.table('standards').put({
      id: 'X-1',
      file: 'x.json',
      body: '{"formatVersion":1}',
      addedAt: '2026-01-01T00:00:00.000Z',
    })
    v1.close()

    const db = new GapLensDB(dbName)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(2)
    expect(await db.settings.get('welcome')).toEqual({ key: 'welcome', value: { seen: true } })
    expect((await db.standards.get('X-1'))?.file).toBe('x.json')
    expect(await db.assessments.count()).toBe(0)
    expect(await db.responses.count()).toBe(0)
  })

  it('keys responses by assessment and item', async () => {
    const db = new GapLensDB(name())
    opened.push(db)
    const row = (itemKey: string, rating: number | 'na' | null) => ({
      assessmentId: 'a',
      itemKey,
      rating,
      note: '',
      evidence: '',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
    await db.responses.bulkPut([row('P1.1.1', 3), row('K01', 'na'), row('P1.1.1', 4)])
    const rows = await db.responses.where('assessmentId').equals('a').toArray()
    expect(rows.map((r) => [r.itemKey, r.rating])).toEqual([
      ['K01', 'na'],
      ['P1.1.1', 4],
    ])
  })
})
