/**
 * Reading a printed PDF back with poppler (pdfinfo, pdftotext), as a person checks paper: how
 * many pages, what each says in its margins and its body, where its last line ends, and how
 * large its letters are.
 */
import { execFileSync } from 'node:child_process'

export interface PdfWord {
  text: string
  xMin: number
  yMin: number
  yMax: number
}

export interface PdfPage {
  /** 1-based. */
  n: number
  height: number
  /** Every word with its box, in points from the page's top left. */
  words: PdfWord[]
  /** The page's text in the order it is drawn, all whitespace taken out. */
  text: string
}

/** Text without whitespace: lines wrap where the paper decides, not the data. */
export const squash = (text: string) => text.replace(/\s+/g, '')

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!)

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)![1])
}

/** Every page's words (with their boxes) and its text in drawing order. */
export function readPdf(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  // -raw keeps the order the page is drawn in: a row's heading, its notes, then its figures.
  const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).split('\f')
  return xml
    .split('<page ')
    .slice(1)
    .map((chunk, i) => {
      const height = Number(/height="([\d.]+)"/.exec(chunk)![1])
      const words = [
        ...chunk.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        yMax: Number(m[3]),
        text: decode(m[4]!),
      }))
      return { n: i + 1, height, words, text: squash(raw[i] ?? '') }
    })
}

/** The words above `top` (the top margin) or below `bottom` (the bottom margin), in order. */
export function marginText(page: PdfPage, where: 'top' | 'bottom', edge: number): string {
  const words = page.words.filter((w) => (where === 'top' ? w.yMax <= edge : w.yMin >= edge))
  return squash(words.map((w) => w.text).join(''))
}

/** The body's words: between the margins. */
export function bodyWords(page: PdfPage, top: number, bottom: number): PdfWord[] {
  return page.words.filter((w) => w.yMin > top && w.yMax < bottom)
}

/** The body's lowest line, left to right. */
export function lastLine(page: PdfPage, top: number, bottom: number): string {
  const body = bodyWords(page, top, bottom)
  if (!body.length) return ''
  const low = Math.max(...body.map((w) => w.yMax))
  return squash(
    body
      .filter((w) => w.yMax > low - 3)
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => w.text)
      .join(''),
  )
}

/**
 * Where `text` stands whole in `all` at or after `from`, read on across a page's end where the
 * page drew something else between its two parts (a long row's figures, at the row's top on the
 * page where it starts): at most `breaks` such gaps, each at most `gap` characters. -1: not there.
 */
export function findAcrossPages(
  all: string,
  text: string,
  from: number,
  breaks = 2,
  gap = 24,
): number {
  const probe = 8
  let start = all.indexOf(text.slice(0, probe), from)
  while (start >= 0) {
    let i = start
    let j = 0
    let left = breaks
    while (j < text.length) {
      if (all[i] === text[j]) {
        i++
        j++
        continue
      }
      const next = text.slice(j, j + probe)
      const skip = all.slice(i, i + gap + next.length).indexOf(next)
      if (!left || skip <= 0) break
      left--
      i += skip
    }
    if (j === text.length) return start
    start = all.indexOf(text.slice(0, probe), start + 1)
  }
  return -1
}

/** Chinese, Japanese and full-width forms: drawn in a CJK font, whose box is taller per point. */
export const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/

/**
 * The height of a word's box per point of font size, for Latin and for CJK words, measured on
 * words whose size is known (the running head is set at 8 pt).
 */
export function boxPerPoint(
  words: readonly PdfWord[],
  points: number,
): { latin: number; cjk: number } {
  const of = (cjk: boolean) => {
    const found = words.filter((w) => CJK.test(w.text) === cjk)
    if (!found.length) throw new Error(`no ${cjk ? 'CJK' : 'Latin'} word of known size`)
    return Math.min(...found.map((w) => w.yMax - w.yMin)) / points
  }
  return { latin: of(false), cjk: of(true) }
}

/** A word's font size in points, from its box and the box per point of its script. */
export function fontSize(word: PdfWord, perPoint: { latin: number; cjk: number }): number {
  return (word.yMax - word.yMin) / (CJK.test(word.text) ? perPoint.cjk : perPoint.latin)
}
