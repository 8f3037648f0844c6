/** Reads a cohort off the page's thread (see cohort-load.ts) and posts back its members. */
import { GapLensDB } from '@/db/db'
import { loadAnswer, type LoadAnswer, type LoadJob } from './cohort-load'

self.onmessage = async (event: MessageEvent<LoadJob>) => {
  const db = new GapLensDB(event.data.dbName)
  try {
    const { answer, transfer } = await loadAnswer(event.data, db)
    self.postMessage(answer, { transfer })
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    self.postMessage({ error: { name: e.name, message: e.message } } satisfies LoadAnswer)
  } finally {
    db.close()
  }
}
