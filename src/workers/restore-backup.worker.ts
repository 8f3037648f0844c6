/**
 * Restores a backup off the page's thread: reads and checks the file, keeps the checked backup
 * until the person has chosen how to restore it, then writes it in one transaction with
 * progress between its chunks (see restore-run.ts). The page hears a summary and counts only.
 */
import { GapLensDB } from '@/db/db'
import type { FromRestoreWorker, ToRestoreWorker } from './restore-backup'
import { RestoreRun } from './restore-run'

let run: RestoreRun | null = null
const send = (message: FromRestoreWorker) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<ToRestoreWorker>) => {
  const message = event.data
  if (message.type === 'check') {
    run = new RestoreRun(new GapLensDB(message.dbName))
    send({ type: 'checked', result: await run.check(message.file, message.standards) })
  } else if (run) {
    const result = await run.restore(message.mode, message.choices, (written, total) =>
      send({ type: 'progress', written, total }),
    )
    send({ type: 'restored', result })
  }
}
