/**
 * Cleaning one cell or line of a pasted 職能基準: the PDF extraction breaks Chinese words with
 * spaces (line breaks in narrow table cells), wraps footnote marks as ^{【註1】}, and leaves HTML
 * fragments (<p>, <u>). What is layout goes; what is content (a footnote mark and the words it
 * follows, an underlined phrase) is kept beside the text.
 */

/** CJK ideographs, kana, CJK and full-width punctuation: a space between two of them is layout. */
const CJK =
  /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/

export const isCjk = (ch: string | undefined): boolean => ch !== undefined && CJK.test(ch)

/** A footnote mark in a cleaned text: its number and where it stood. */
export interface CleanMark {
  n: number
  /** The cleaned text before the mark. */
  before: string
  /** The cleaned text after the mark ('' when the mark ends the text). */
  rest: string
  /** The underlined phrase that ends right before the mark, if any. */
  underlined?: string
}

export interface CleanText {
  text: string
  marks: CleanMark[]
  /** True where a space inside Chinese words was removed (a word broken by the extraction). */
  broken: boolean
  /** HTML tag names met (p, u …). */
  tags: string[]
  /** Underlined phrases, cleaned. */
  underlined: string[]
  /** The footnote marks as written, e.g. "^{【註1】}" or "【註 11】". */
  markForms: string[]
}

const TOKEN = /\^\{\s*【註\s*(\d+)\s*】\s*\}|【註\s*(\d+)\s*】|<\/?([A-Za-z]+)[^<>]{0,40}>/g

/** Joins two pieces across layout: nothing between Chinese characters, one space otherwise. */
export function joinAcross(a: string, b: string): string {
  const left = a.replace(/\s+$/, '')
  const right = b.replace(/^\s+/, '')
  if (left === '' || right === '') return left + right
  return isCjk(left.at(-1)) && isCjk(right[0]) ? left + right : `${left} ${right}`
}

/** Collapses white space: removed between Chinese characters (and reported), else one space. */
export function collapse(raw: string): { text: string; broken: boolean } {
  let broken = false
  const text = raw.trim().replace(/\s+/g, (space, at: number, all: string) => {
    if (isCjk(all[at - 1]) && isCjk(all[at + space.length])) {
      broken = true
      return ''
    }
    return ' '
  })
  return { text, broken }
}

/** Cleans a raw cell text: marks and tags out, broken words joined, white space collapsed. */
export function cleanText(raw: string): CleanText {
  let text = ''
  let broken = false
  const pendingMarks: { n: number; at: number; underlined?: string }[] = []
  const tags: string[] = []
  const underlined: string[] = []
  const markForms: string[] = []
  let underlineStart: number | null = null
  let lastUnderline: { text: string; end: number } | null = null
  let last = 0
  const add = (piece: string) => {
    const c = collapse(piece)
    broken ||= c.broken
    text = joinAcross(text, c.text)
  }
  for (const m of raw.matchAll(TOKEN)) {
    add(raw.slice(last, m.index))
    last = m.index + m[0].length
    const n = m[1] ?? m[2]
    if (n !== undefined) {
      markForms.push(m[0])
      const u = lastUnderline && lastUnderline.end === text.length ? lastUnderline.text : undefined
      pendingMarks.push({ n: Number(n), at: text.length, ...(u ? { underlined: u } : {}) })
      continue
    }
    const tag = (m[3] ?? '').toLowerCase()
    if (!tags.includes(tag)) tags.push(tag)
    if (tag === 'u' && !m[0].startsWith('</')) underlineStart = text.length
    else if (tag === 'u' && underlineStart !== null) {
      const phrase = text.slice(underlineStart).trim()
      if (phrase !== '') {
        underlined.push(phrase)
        lastUnderline = { text: phrase, end: text.length }
      }
      underlineStart = null
    }
  }
  add(raw.slice(last))
  // A mark's position was taken before the next piece was joined; joining never changes what
  // came before, so the text before each mark is a prefix of the final text.
  const marks = pendingMarks.map((p) => ({
    n: p.n,
    before: text.slice(0, p.at).trimEnd(),
    rest: text.slice(p.at).trim(),
    ...(p.underlined ? { underlined: p.underlined } : {}),
  }))
  return { text, marks, broken, tags, underlined, markForms }
}

/** Compacts codes: runs of three or more consecutive numbers as first–last (K01–K09). */
export function compactCodes(codes: string[]): string {
  const out: string[] = []
  let run: { prefix: string; first: string; last: string; n: number; count: number } | null = null
  const flush = () => {
    if (!run) return
    if (run.count >= 3) out.push(`${run.first}–${run.last}`)
    else if (run.count === 2) out.push(run.first, run.last)
    else out.push(run.first)
    run = null
  }
  for (const code of codes) {
    const m = /^(.*?)(\d+)$/.exec(code)
    const prefix = m?.[1] ?? code
    const n = Number(m?.[2] ?? NaN)
    if (run && run.prefix === prefix && n === run.n + 1) {
      run.last = code
      run.n = n
      run.count++
      continue
    }
    flush()
    run = { prefix, first: code, last: code, n, count: 1 }
  }
  flush()
  return out.join(', ')
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
]

export const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n)

/** Length of the longest common subsequence of two short texts. */
export function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const ca of a) {
    let prev = 0
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j] ?? 0
      row[j] = ca === b[j - 1] ? prev + 1 : Math.max(row[j] ?? 0, row[j - 1] ?? 0)
      prev = keep
    }
  }
  return row[b.length] ?? 0
}

/** Similarity 0–1 of two short texts (Dice on the longest common subsequence). */
export const similarity = (a: string, b: string): number =>
  a.length + b.length === 0 ? 0 : (2 * lcs(a, b)) / (a.length + b.length)

/** FNV-1a of a text, 8 hex digits: a stable short id part. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}
