/**
 * Two devices in one test: each its own database and its own app state (a Pinia), with the
 * fixture standard bundled. `use` switches to one; files pass between them as exported.
 */
import { afterEach } from 'vitest'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import Dexie from 'dexie'
import { GapLensDB, setDb } from '@/db/db'
import type { ExportedFile } from '@/stores/files'
import { useStandardsStore } from '@/stores/standards'
import { sourcesOf } from './helpers'
import { makeStandard } from '../fixtures/standard'

export interface Device {
  db: GapLensDB
  pinia: Pinia
}

const made: GapLensDB[] = []
afterEach(async () => {
  for (const db of made.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

/** Works on this device from now on. */
export function use(d: Device): void {
  setDb(d.db)
  setActivePinia(d.pinia)
}

/** A new device, in use from now on, deleted after the test. */
export async function device(): Promise<Device> {
  const db = new GapLensDB(`gaplens-test-${crypto.randomUUID()}`)
  made.push(db)
  const d = { db, pinia: createPinia() }
  use(d)
  await useStandardsStore().load(sourcesOf({ 'a.json': makeStandard() }))
  return d
}

/** An exported file as the person picks it on the other device. */
export function fileOf(exported: ExportedFile) {
  return {
    name: exported.fileName,
    size: new TextEncoder().encode(exported.text).length,
    text: () => Promise.resolve(exported.text),
  }
}
