/**
 * A chart saved as a picture that stands on its own: its title above it and, where the chart
 * shows codes, the key that names them below it, on white (a transparent PNG prints badly).
 * Plain canvas drawing, so the file needs nothing from Chart.js.
 */
import type { KeyEntry } from './configs'
import { CHART_FONT } from './configs'

/**
 * Breaks a text into lines no wider than `width` as `measure` counts it: at spaces between
 * Latin words, and between any two CJK characters (which need no space to break); a word
 * wider than a line is cut where it must be.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const tokens = text.match(
    /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g,
  )
  const lines: string[] = []
  let line = ''
  for (const token of tokens ?? []) {
    if (/^\s+$/.test(token)) {
      if (line) line += ' '
      continue
    }
    if (measure(line + token) <= width || !line.trim()) {
      line += token
    } else {
      lines.push(line.trimEnd())
      line = token
    }
    // A token wider than the whole line (a long code or URL) is cut where it must be.
    while (measure(line) > width && line.length > 1) {
      let cut = line.length - 1
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--
      lines.push(line.slice(0, cut))
      line = line.slice(cut)
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

const PAD = 16
const TITLE = 16
const KEY = 13
const LINE = 1.45

/**
 * The chart on `source` framed with its title and key, as a PNG data URL. `ratio` is the
 * canvas's pixels per CSS pixel, so text is as sharp as the chart.
 */
export function figurePng(
  source: HTMLCanvasElement,
  frame: { title: string; key?: readonly KeyEntry[]; valueHead?: string; ratio: number },
): string {
  const ratio = frame.ratio || 1
  const width = source.width / ratio
  const chartHeight = source.height / ratio
  const copy = document.createElement('canvas')
  const ctx = copy.getContext('2d')
  if (!ctx) return source.toDataURL('image/png')
  const font = (size: number, weight = 'normal') => `${weight} ${size}px ${CHART_FONT}`

  // Lay the key out first: its height decides the picture's.
  ctx.font = font(KEY, 'bold')
  const codeWidth = Math.max(0, ...(frame.key ?? []).map((e) => ctx.measureText(e.code).width))
  ctx.font = font(KEY)
  const valueWidth = Math.max(
    0,
    ...(frame.key ?? []).map((e) => (e.value ? ctx.measureText(e.value).width : 0)),
  )
  const nameX = PAD + codeWidth + 10
  const nameWidth = Math.max(80, width - nameX - PAD - (valueWidth ? valueWidth + 12 : 0))
  const rows = (frame.key ?? []).map((entry) => ({
    entry,
    lines: wrapText(entry.name, nameWidth, (s) => ctx.measureText(s).width),
  }))
  const headHeight = frame.valueHead && rows.length ? KEY * LINE : 0
  const keyHeight =
    headHeight + rows.reduce((sum, row) => sum + row.lines.length * KEY * LINE + 4, 0)
  const titleHeight = TITLE * LINE + 8
  const height = PAD + titleHeight + chartHeight + (rows.length ? keyHeight + 12 : 0) + PAD

  copy.width = Math.round(width * ratio)
  copy.height = Math.round(height * ratio)
  ctx.scale(ratio, ratio)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#1d2733'
  ctx.textBaseline = 'top'

  ctx.font = font(TITLE, 'bold')
  ctx.fillText(frame.title, PAD, PAD, width - 2 * PAD)
  let y = PAD + titleHeight
  ctx.drawImage(source, 0, y, width, chartHeight)
  y += chartHeight + 12

  if (headHeight) {
    ctx.font = font(KEY - 2)
    ctx.fillStyle = '#5b6673'
    ctx.textAlign = 'right'
    ctx.fillText(frame.valueHead ?? '', width - PAD, y)
    ctx.textAlign = 'left'
    y += headHeight
  }
  for (const { entry, lines } of rows) {
    ctx.font = font(KEY, 'bold')
    ctx.fillStyle = '#1f4e79'
    ctx.fillText(entry.code, PAD, y)
    ctx.font = font(KEY)
    ctx.fillStyle = '#1d2733'
    lines.forEach((line, i) => ctx.fillText(line, nameX, y + i * KEY * LINE))
    if (entry.value) {
      ctx.textAlign = 'right'
      ctx.fillText(entry.value, width - PAD, y)
      ctx.textAlign = 'left'
    }
    y += lines.length * KEY * LINE + 4
  }
  return copy.toDataURL('image/png')
}
