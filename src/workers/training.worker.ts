/** The trainer's plan off the page's thread (see training-engine.ts); one engine per worker. */
import { GapLensDB } from '@/db/db'
import { TrainingEngine } from './training-engine'
import type { TrainingRequest } from './training-protocol'

const connections = new Map<string, GapLensDB>()
const engine = new TrainingEngine((name) => {
  let db = connections.get(name)
  if (!db) connections.set(name, (db = new GapLensDB(name)))
  return db
})

self.onmessage = async (event: MessageEvent<TrainingRequest>) => {
  // Heard at once, so a request still waiting behind a long one is skipped when it is stale.
  engine.heard(event.data)
  self.postMessage(await engine.answer(event.data))
}
