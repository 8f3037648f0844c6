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

/**
 * The bytes a text takes as UTF-8, counted without encoding it: for a text held in memory (an
 * added standard inside a backup) whose size is checked the way a file's would be.
 */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    // A surrogate pair is one character of 4 bytes: 2 for each half.
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2
    else bytes += 3
  }
  return bytes
}
