/**
 * The texts of the items made clean (words the extraction broke joined, footnote marks and HTML
 * taken out), each mark kept as a reference to its footnote with the words it follows (a
 * judgement per mark), and what the cleaning met recorded for the judgements that sum it up
 * (./summaries).
 */
import type { FootnoteRef } from '../../schema'
import type { Judge } from './judge'
import type { NoteFootnote } from './notes'
import { pasteProblem, type PasteProblem } from './problems'
import { kindOf, type Kind, type RawItem } from './table'
import { cleanText, type CleanMark, type CleanText } from '../text'

/** How the editorial list and the judgements name the work description. */
export const DESCRIPTION = '工作描述'

/** What the cleaning met, in the order met. */
export interface CleaningLog {
  /** Items with spaces inside Chinese words. */
  brokenItems: { code: string; raw: string; text: string; kind: Kind }[]
  /** The forms footnote marks were written in (【註1】, ^{【註1】}). */
  markForms: string[]
  /** HTML tags met (p, u …). */
  tagsMet: Set<string>
  underlinedIn: { code: string; phrase: string }[]
  /** The kinds of item whose text held marks. */
  markKinds: Set<Kind | 'description'>
  /** Every mark read, with the words it follows (undefined: the whole item). */
  anchors: { code: string; n: number; after: string | undefined; underlined?: string }[]
}

/** Cleans the texts of a standard whose footnotes are these; every step records in `log`. */
export interface Cleaner {
  log: CleaningLog
  /** An item's text cleaned, noting broken words. */
  clean: (item: RawItem) => CleanText
  /** Notes the marks, tags and underlines a cleaned text of this code held. */
  note: (c: CleanText, code: string) => CleanText
  /** A cleaned text's marks as footnote references; undefined for none. */
  marksOf: (code: string, clean: CleanText, line: number) => FootnoteRef[] | undefined
  /** The marks as an item's `footnotes` field, left out for none. */
  withMarks: (code: string, clean: CleanText, line: number) => { footnotes?: FootnoteRef[] }
}

const collapseSpaces = (raw: string) => raw.trim().replace(/\s+/g, ' ')

/**
 * A cleaner for the texts of a standard with these footnotes. A footnote defined twice, and a
 * mark with no footnote, are problems.
 */
export function cleanerOf(
  footnotes: NoteFootnote[],
  judge: Judge,
  problems: PasteProblem[],
): Cleaner {
  const footnoteText = new Map(footnotes.map((f) => [f.n, f.text]))
  const seenNotes = new Set<number>()
  for (const f of footnotes) {
    if (seenNotes.has(f.n))
      problems.push(pasteProblem('paste-duplicate-code', { code: `【註${f.n}】` }, f.line))
    seenNotes.add(f.n)
  }
  const log: CleaningLog = {
    brokenItems: [],
    markForms: [],
    tagsMet: new Set(),
    underlinedIn: [],
    markKinds: new Set(),
    anchors: [],
  }
  const marksOf = (code: string, clean: CleanText, line: number) => {
    const refs = clean.marks.map((m: CleanMark) => {
      if (!footnoteText.has(m.n))
        problems.push(pasteProblem('paste-footnote-missing', { n: m.n }, line))
      if (m.rest === '') return { n: m.n }
      const term = /^([^：:]{1,30})[：:]/.exec(footnoteText.get(m.n) ?? '')?.[1]?.trim()
      const proposed =
        m.underlined ??
        (term && m.before.endsWith(term)
          ? term
          : (/[^，。、；：,;:\s]{1,12}$/.exec(m.before)?.[0] ?? m.before))
      const chosen = String(judge('footnote-anchor', `${code} ${m.n}`, line, proposed, null))
      log.anchors.push({
        code,
        n: m.n,
        after: chosen || undefined,
        ...(m.underlined ? { underlined: m.underlined } : {}),
      })
      return chosen ? { n: m.n, after: chosen } : { n: m.n }
    })
    return refs.length > 0 ? refs : undefined
  }
  const withMarks = (code: string, clean: CleanText, line: number) => {
    const refs = marksOf(code, clean, line)
    return refs ? { footnotes: refs } : {}
  }
  const clean = (item: RawItem): CleanText => {
    const c = cleanText(item.raw)
    if (c.broken)
      log.brokenItems.push({
        code: item.code,
        raw: collapseSpaces(item.raw),
        text: c.text,
        kind: kindOf(item.code),
      })
    return c
  }
  const note = (c: CleanText, code: string) => {
    for (const f of c.markForms) log.markForms.push(f)
    for (const t of c.tags) log.tagsMet.add(t)
    for (const u of c.underlined) log.underlinedIn.push({ code, phrase: u })
    if (c.marks.length > 0) log.markKinds.add(code === DESCRIPTION ? 'description' : kindOf(code))
    return c
  }
  return { log, clean, note, marksOf, withMarks }
}
