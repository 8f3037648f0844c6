/**
 * Cleaning the parser's texts: what its PDF reading left in them that the published standard
 * does not say. Each kind of change is reported with the place it was made, so the converted
 * file's editorial notes can list them.
 */

/** The kinds of change made to a text. */
export type Cleanup =
  /** 【註n】 marks, whole or broken (【註, 7】): the footnotes themselves are not in the source. */
  | 'footnote-marks'
  /** 【T1.1】 after a K or S item: the task that uses it, which the task rows already say. */
  | 'task-references'
  /** Spaces inside Chinese text, around its punctuation, or repeated. */
  | 'spaces'
  /** Private-use characters: the PDF's bullet symbols. */
  | 'symbols'

/** Where each kind of change was made (a place: T1.2, P1.2.3, K04 …). */
export class CleanLog {
  readonly places = new Map<Cleanup, string[]>()

  add(kind: Cleanup, where: string): void {
    const list = this.places.get(kind)
    if (!list) this.places.set(kind, [where])
    else if (list.at(-1) !== where) list.push(where)
  }
}

// Chinese characters and full-width punctuation: a space between two of them is the PDF's.
const WIDE = '\\u3000-\\u303F\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF'
const SPACE_BETWEEN_WIDE = new RegExp(`([${WIDE}])[ \\t\\u00A0]+(?=[${WIDE}])`, 'gu')
const SPACE_AFTER_OPENING = /([（「『〔［｛《〈])\s+/gu
const SPACE_BEFORE_CLOSING = /\s+([）」』〕］｝》〉，。、；：！？])/gu
const PRIVATE_USE = /[\uE000-\uF8FF]/gu
const TASK_REFERENCES = /(?:\s*[、，,]?\s*【\s*T\d+(?:\.\d+)*\s*】)+/gu
/** A whole mark: 【註1】, 【註 1】, 【 註3】, 【3】, 【註】. */
const WHOLE_MARK = /【\s*註?\s*\d*\s*】/gu
/** The pieces of a mark the PDF split around other words: 【註 … 8】. */
const OPENING_PIECE = /【\s*註?/gu
const CLOSING_PIECE = /\d+\s*】|】/gu

function replaceIn(text: string, pattern: RegExp, by: string): [string, boolean] {
  const next = text.replace(pattern, by)
  return [next, next !== text]
}

/**
 * A text as the standard publishes it: footnote marks and task references taken out, the
 * PDF's bullet symbols dropped, white space as a reader sees it (one space at most, none inside
 * Chinese text or around its punctuation; spaces next to Latin letters and digits are kept).
 * Never invents words: it only removes.
 */
export function cleanText(raw: string, where = '', log?: CleanLog): string {
  let text = raw
  let changed: boolean
  ;[text, changed] = replaceIn(text, TASK_REFERENCES, '')
  if (changed) log?.add('task-references', where)
  let marks = false
  for (const pattern of [WHOLE_MARK, OPENING_PIECE, CLOSING_PIECE]) {
    ;[text, changed] = replaceIn(text, pattern, '')
    marks ||= changed
  }
  if (marks) log?.add('footnote-marks', where)
  ;[text, changed] = replaceIn(text, PRIVATE_USE, ' ')
  if (changed) log?.add('symbols', where)
  // Runs of white space and line breaks read as one space on any page: not worth a note.
  const collapsed = text.replace(/\s+/gu, ' ').trim()
  text = collapsed
    .replace(SPACE_BETWEEN_WIDE, '$1')
    .replace(SPACE_AFTER_OPENING, '$1')
    .replace(SPACE_BEFORE_CLOSING, '$1')
  if (text !== collapsed) log?.add('spaces', where)
  return text
}

const OPENERS = '（(「『【［[{'
const CLOSERS = '）)」』】］]}'

/**
 * Splits the parser's output string into the outputs it lists: at each 、 outside brackets (an
 * output's own example list, "產品配置圖（如：產品外觀圖、機構圖）", stays whole).
 */
export function splitOutputs(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1)
    if (ch === '、' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}

/** 2024/12/15 or 2019/1/17 as an ISO date (2019-01-17); null when it reads as no real date. */
export function isoDate(text: string): string | null {
  const found = /^\s*(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/.exec(text)
  if (!found) return null
  const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

const PAGE_MARK = /第\s*\d+\s*頁\s*[，,]?\s*(?:總\s*)?共\s*\d+\s*頁/gu
const HEADINGS = [
  /說明與補充事項/gu,
  /建議擔任此職類\s*\/?\s*職業之學歷\s*\/?\s*經驗\s*\/?\s*或能力條件/gu,
]
const BULLETS = /[•●■◆▪◦‧\uE000-\uF8FF]|\n/gu

/**
 * The lines of 建議擔任此職類/職業之學歷/經驗/或能力條件 from the parser's one string: split at its
 * bullets, without the page numbers and headings the PDF's layout left in it. `removed` says
 * whether page numbers or headings were taken out.
 */
export function requirementLines(text: string): { lines: string[]; removed: boolean } {
  let rest = text.replace(PAGE_MARK, '\n')
  for (const heading of HEADINGS) rest = rest.replace(heading, '\n')
  const removed = rest !== text
  const lines = rest
    .split(BULLETS)
    .map((line) => cleanText(line))
    .filter((line) => line.length > 0)
  return { lines, removed }
}
