/**
 * A standard's classification (職類別, 職業別, 行業別) from the parser's fields, which hold the
 * PDF's cells as it read them: names broken across lines, several codes run together, header
 * lines and bullet symbols. Each reading that is not a plain copy is reported as a note.
 */
import { cleanText } from './text'

export interface Classification {
  name: string
  code: string
}

/** Said where the source gives no name or no code: the schema wants a text, never a guess. */
export const NOT_IN_SOURCE = '（來源未載）'

/** A judgement made in reading the classification, for the editorial notes. */
export interface ClassNote {
  where: string
  source: string
  decision: string
}

/**
 * 職類別: its name and code as given, except that a run of three-letter codes with nothing
 * between them (MPMINMISDSET) is written apart (MPM / INM / ISD / SET). `codes` lists the field
 * codes the catalogue filters by.
 */
export function fieldOf(
  name: string,
  code: string,
  notes: ClassNote[],
): { field: Classification; codes: string[] } {
  const cleanName = cleanText(name)
  const cleanCode = cleanText(code)
  const run = /^(?:[A-Z]{3}){2,}$/.test(cleanCode) ? cleanCode.match(/[A-Z]{3}/g) : null
  const codes = run ?? cleanCode.split(/[^A-Za-z]+/).filter((c) => /^[A-Z]{2,3}$/.test(c))
  if (run)
    notes.push({
      where: '職類別',
      source: cleanCode,
      decision: `Several field codes run together; written apart as ${run.join(' / ')}. The names are kept as given.`,
    })
  const field = {
    name: cleanName || NOT_IN_SOURCE,
    code: run ? run.join(' / ') : cleanCode || NOT_IN_SOURCE,
  }
  missing('職類別', cleanName, cleanCode, notes)
  return { field, codes }
}

/** 職業別, as given. */
export function occupationOf(name: string, code: string, notes: ClassNote[]): Classification {
  const cleanName = cleanText(name)
  const cleanCode = cleanText(code)
  missing('職業別', cleanName, cleanCode, notes)
  return { name: cleanName || NOT_IN_SOURCE, code: cleanCode || NOT_IN_SOURCE }
}

function missing(where: string, name: string, code: string, notes: ClassNote[]): void {
  if (name && code) return
  const lacks = [!name && 'name', !code && 'code'].filter(Boolean).join(' and ')
  notes.push({
    where,
    source: `${name} ${code}`.trim(),
    decision: `The source gives no ${lacks}; shown as ${NOT_IN_SOURCE}.`,
  })
}

/** A line that introduces the list rather than naming an industry. */
const HEADER = /[：:]$/u
/** How an industry's name ends; a line ending otherwise was broken by the PDF's narrow cell. */
const NAME_END = /[業類）)」』]$/u

/**
 * 行業別: the names and codes the parser lists in two arrays, paired. Names the PDF broke
 * across lines are joined first (a line that does not end as a name does, 業 or 類 or a closing
 * bracket, goes on in the next), header lines (本基準可能跨屬下列行業別：) and bullet symbols are
 * dropped. Where as many names as codes remain, they pair in order; otherwise the standard is
 * given one entry holding every name and every code, as the pairing is not in the source.
 */
export function industriesOf(
  names: string[],
  codes: string[],
  notes: ClassNote[],
): Classification[] {
  const joined: string[] = []
  let open = false
  for (const raw of names) {
    const line = cleanText(raw)
    if (!line || HEADER.test(line)) continue
    if (open && joined.length) joined[joined.length - 1] += line
    else joined.push(line)
    open = !NAME_END.test(line)
  }
  const cleanCodes = codes.flatMap((c) => cleanText(c).split(/[、，,；;\s]+/u)).filter(Boolean)
  const source = `${names.join(' | ')} / ${codes.join(' | ')}`
  if (joined.length !== names.length)
    notes.push({
      where: '行業別',
      source,
      decision: `Lines of one name broken by the PDF are joined, and list headings and bullet symbols dropped: ${joined.join('；')}.`,
    })
  if (joined.length === cleanCodes.length && joined.length > 0) {
    const seen = new Set<string>()
    return joined
      .map((name, i) => ({ name, code: cleanCodes[i]! }))
      .filter((c) => !seen.has(c.code) && seen.add(c.code))
  }
  const one = {
    name: joined.join('、') || NOT_IN_SOURCE,
    code: cleanCodes.join('、') || NOT_IN_SOURCE,
  }
  notes.push({
    where: '行業別',
    source,
    decision:
      joined.length === 0 && cleanCodes.length === 0
        ? `The source gives no industry; shown as ${NOT_IN_SOURCE}.`
        : `The source lists ${joined.length} name(s) and ${cleanCodes.length} code(s), so which code goes with which name is not known: one entry holds them all (${one.name} ${one.code}).`,
  })
  return [one]
}
