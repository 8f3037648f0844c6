/** Reads and checks one assessment file off the page's thread (see read-assessment.ts). */
import { readHere, type ReadJob } from './read-assessment'

self.onmessage = async (event: MessageEvent<ReadJob>) => {
  const { file, standards, passphrase } = event.data
  self.postMessage(await readHere(file, standards, passphrase))
}
