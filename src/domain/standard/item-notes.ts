/**
 * An item's notes from its standard, apart from the model the entry script carries: only the
 * rating and review pages ask for them.
 */
import { allTasks } from './model'
import type { FootnoteRef, Standard } from './schema'

/**
 * What a standard says about an item beyond its text, for the pages where a person rates it:
 * the footnotes hung on it (where each mark stands, and the note's text) and the supplementary
 * notes (其他補充說明) that explain it.
 */
export interface ItemNotes {
  footnotes: { n: number; after?: string; text: string }[]
  supplementary: string[]
}

/** The notes of every item that has any, by the item's code; an item with none is absent. */
export function itemNotes(standard: Standard): Map<string, ItemNotes> {
  const texts = new Map(standard.footnotes.map((f) => [f.n, f.text]))
  const out = new Map<string, ItemNotes>()
  const entry = (code: string) => {
    let found = out.get(code)
    if (!found) out.set(code, (found = { footnotes: [], supplementary: [] }))
    return found
  }
  const hang = (code: string, refs: FootnoteRef[] | undefined) => {
    for (const ref of refs ?? [])
      entry(code).footnotes.push({ ...ref, text: texts.get(ref.n) ?? '' })
  }
  for (const task of allTasks(standard))
    for (const indicator of task.indicators) hang(indicator.code, indicator.footnotes)
  for (const item of [...standard.knowledge, ...standard.skills, ...standard.attitudes])
    hang(item.code, item.footnotes)
  for (const note of standard.notes.supplementary)
    for (const code of note.explains ?? []) entry(code).supplementary.push(note.text)
  return out
}
