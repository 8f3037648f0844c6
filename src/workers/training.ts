/**
 * The trainer's plan pages' side of their worker (training-engine.ts): one worker while the
 * pages are open, each request answered by id. Where there is no worker (a test, a browser
 * without module workers), the same engine runs on this thread.
 */
import { getDb } from '@/db/db'
import type { TrainingAnswer, TrainingAnswers, TrainingRequest } from './training-protocol'

/** A request without the parts the client adds. */
export type TrainingAsk = TrainingRequest extends infer R
  ? R extends TrainingRequest
    ? Omit<R, 'id' | 'dbName'>
    : never
  : never

/** What a request gives back when a newer one of its kind overtook it (it was not computed). */
export const SKIPPED_ANSWER = Symbol('skipped')

/** A request's answer, or SKIPPED_ANSWER. */
export type Asked<K extends keyof TrainingAnswers> = TrainingAnswers[K] | typeof SKIPPED_ANSWER

export interface TrainingClient {
  ask<K extends TrainingAsk['type']>(request: Extract<TrainingAsk, { type: K }>): Promise<Asked<K>>
  close(): void
}

type Send = (request: TrainingRequest) => void

/** Starts the worker (or the engine here); `close` ends it. */
export function trainingClient(): TrainingClient {
  let next = 1
  /** Requests not yet answered, and who waits for each. */
  const waiting = new Map<
    number,
    { request: TrainingRequest; resolve: (a: TrainingAnswer) => void }
  >()
  const hear = (answer: TrainingAnswer) => waiting.get(answer.id)?.resolve(answer)
  const here = async (): Promise<Send> => {
    const { TrainingEngine } = await import('./training-engine')
    const engine = new TrainingEngine(() => getDb())
    return (request) => {
      engine.heard(request)
      void engine.answer(request).then(hear)
    }
  }
  let close = () => {}
  let send: Promise<Send>
  if (typeof Worker === 'undefined') send = here()
  else
    try {
      const worker = new Worker(new URL('./training.worker.ts', import.meta.url), {
        type: 'module',
        name: 'training',
      })
      let heard = false
      worker.onmessage = (event: MessageEvent<TrainingAnswer>) => {
        heard = true
        hear(event.data)
      }
      worker.onerror = (event) => {
        event.preventDefault()
        if (heard) return
        // A worker that cannot start: the engine on this thread answers what is waiting.
        worker.terminate()
        send = here()
        void send.then((post) => {
          for (const { request } of waiting.values()) post(request)
        })
      }
      close = () => worker.terminate()
      send = Promise.resolve((request) => worker.postMessage(request))
    } catch {
      send = here()
    }
  return {
    async ask(ask) {
      const id = next++
      const request = { ...ask, id, dbName: getDb().name } as TrainingRequest
      const answer = await new Promise<TrainingAnswer>((resolve) => {
        waiting.set(id, { request, resolve })
        void send.then((post) => post(request))
      })
      waiting.delete(id)
      if (answer.ok) return answer.value as never
      if (answer.skipped) return SKIPPED_ANSWER
      throw Object.assign(new Error(answer.error.message), { name: answer.error.name })
    },
    close: () => close(),
  }
}
