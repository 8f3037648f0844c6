/**
 * The size guard every file the app reads goes through before its text is read: a file far
 * larger than any real one is refused by the size the browser reports, so a wrong choice (a
 * video, a disk image) is never read whole into memory.
 */
import { failure, problem, type FileFailure } from './problems'

/** What the guard needs of a browser `File`. */
export interface SizedFile {
  name: string
  size: number
}

/** A failure naming the file, its size and the limit, or null when the file is within it. */
export function checkSize(file: SizedFile, limit: number): ({ ok: false } & FileFailure) | null {
  if (file.size <= limit) return null
  return failure(file.name, [problem('too-large', { size: file.size, limit })])
}
