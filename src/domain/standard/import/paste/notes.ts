/**
 * The notes of a pasted standard (說明與補充事項), below the attitudes: general notes, the
 * qualifications (建議擔任…), the supplementary notes (其他補充說明) and the footnotes
 * (【註n】), a footnote split by a page break joined again.
 */
import { collapse, joinAcross } from '../text'

/** A footnote, with the parts a page break split it into (one part where none did). */
export interface NoteFootnote {
  n: number
  text: string
  parts: string[]
  line: number
}

/** The notes of the standard, each kind in order. */
export interface Notes {
  general: string[]
  qualifications: string[]
  supplementary: { text: string; line: number }[]
  footnotes: NoteFootnote[]
}

/** The notes below the heading at `start` (0-based); none without one. */
export function readNotes(lines: string[], start: number | null): Notes {
  const general: string[] = []
  const qualifications: string[] = []
  const supplementary: { text: string; line: number }[] = []
  const footnotes: NoteFootnote[] = []
  if (start === null) return { general, qualifications, supplementary, footnotes }
  let mode: 'general' | 'qualifications' | 'other' = 'general'
  let open: NoteFootnote | null = null
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    const bullet = /^\s*[-•·*]\s+/.test(line)
    const body = collapse(line.replace(/^\s*[-•·*]\s+/, '').replace(/\*\*/g, '')).text
    const fn = /^【註\s*(\d+)\s*】\s*(.*)$/.exec(body)
    if (fn) {
      open = { n: Number(fn[1]), text: fn[2] ?? '', parts: [fn[2] ?? ''], line: i + 1 }
      footnotes.push(open)
      continue
    }
    if (!bullet && open) {
      // A line that is no list item goes on with the footnote above it (a page break).
      open.parts.push(body)
      open.text = joinAcross(open.text, body)
      continue
    }
    open = null
    if (/^建議擔任/.test(body)) {
      mode = 'qualifications'
      const rest = body.replace(/^[^：:]*[：:]/, '').trim()
      if (rest !== '') qualifications.push(rest)
      continue
    }
    if (/^其他補充說明/.test(body)) {
      mode = 'other'
      const rest = body.replace(/^[^：:]*[：:]/, '').trim()
      if (rest !== '') supplementary.push({ text: rest, line: i + 1 })
      continue
    }
    if (mode === 'general') general.push(body)
    else if (mode === 'qualifications') qualifications.push(body)
    else supplementary.push({ text: body, line: i + 1 })
  }
  return { general, qualifications, supplementary, footnotes }
}
