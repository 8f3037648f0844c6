/**
 * Checks standard files off the page's thread: the schema library's set-up and the check of
 * every bundled standard would otherwise hold the first screen (see parse-standards.ts).
 */
import { parseStandardFile } from '@/domain/standard/parse'
import type { StandardText } from './parse-standards'

self.onmessage = (event: MessageEvent<StandardText[]>) => {
  self.postMessage(event.data.map(({ file, body }) => parseStandardFile(file, body)))
}
