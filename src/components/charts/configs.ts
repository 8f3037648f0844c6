/**
 * Chart configurations for the results: plain functions from figures to Chart.js options.
 * Axes are fixed (0 to the scale's top) so charts compare across people and rounds.
 */
import type { ChartConfiguration } from 'chart.js'

/** Fonts that show Chinese, for the charts and for the text drawn around a saved chart. */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK TC', 'Noto Sans TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif"

/**
 * The charts' smallest text, in CSS pixels. A chart is drawn again at its printed size before
 * it prints (useChart), so this is its size on paper too: 12 px is 9 pt, over the 8 pt a
 * report needs to be read.
 */
export const CHART_FONT_PX = 12

/**
 * One line of a chart's key: a chart shows short codes (T2) so that it keeps its size, and
 * the key beside it names them in full. `value` is shown, `valueText` is what is read aloud.
 */
export interface KeyEntry {
  code: string
  name: string
  value?: string
  valueText?: string
}

/**
 * An axis value as the charts write it: digits grouped by thousands (12,345), a decimal point,
 * at most three decimals; the same in both interface languages. (Chart.js's own formatter builds
 * an Intl.NumberFormat, whose first use costs a phone tens of milliseconds for these numbers.)
 */
export function tickText(value: number | string): string {
  if (typeof value !== 'number') return value
  const rounded = Math.round(value * 1000) / 1000
  if (!Number.isFinite(rounded)) return String(value)
  const [whole = '0', decimals] = String(Math.abs(rounded)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${rounded < 0 ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`
}

export const COLORS = {
  gap: '#c0392b',
  gapSoft: 'rgba(192, 57, 43, 0.18)',
  target: '#1f4e79',
  before: '#9aa5b1',
  after: '#1f4e79',
}

interface Series {
  label: string
  data: (number | null)[]
  color: string
}

/**
 * A category label as lines, so that labels side by side under bars do not run into each
 * other on a phone: a bracketed part goes on its own line ('整體職務（態度）',
 * 'Whole role (attitudes)'), and Latin words wrap past about a dozen letters.
 */
export function labelLines(label: string, width = 12): string | string[] {
  const parts = label.split(/\s*(?=[(（])/)
  const lines = parts.flatMap((part) => {
    const out: string[] = []
    for (const word of part.split(' ')) {
      const last = out[out.length - 1]
      if (last !== undefined && `${last} ${word}`.length <= width)
        out[out.length - 1] = `${last} ${word}`
      else out.push(word)
    }
    return out
  })
  return lines.length > 1 ? lines : label
}

/** A bar chart of one or more series over categories, on a fixed value axis. */
export function barConfig(options: {
  labels: string[]
  series: Series[]
  max: number
  horizontal?: boolean
  axisLabel: string
  /** Counts rather than gaps: the axis finds its own steps (whole numbers) up to `max`. */
  counts?: boolean
}): ChartConfiguration<'bar'> {
  const valueAxis = {
    min: 0,
    max: options.max,
    ticks: options.counts ? { precision: 0 } : { stepSize: options.max > 2 ? 1 : 0.5 },
    title: { display: true, text: options.axisLabel },
  }
  return {
    type: 'bar',
    data: {
      labels: options.horizontal ? options.labels : options.labels.map((l) => labelLines(l)),
      datasets: options.series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderRadius: 3,
        maxBarThickness: 36,
      })),
    },
    options: {
      indexAxis: options.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: options.series.length > 1, position: 'bottom' } },
      scales: options.horizontal
        ? { x: valueAxis, y: { ticks: { autoSkip: false } } }
        : { y: valueAxis, x: { ticks: { autoSkip: false, maxRotation: 0 } } },
    },
  }
}

/** A radar of one or more series (gap per duty), on a fixed radial axis. */
export function radarConfig(options: {
  labels: string[]
  series: Series[]
  max: number
}): ChartConfiguration<'radar'> {
  return {
    type: 'radar',
    data: {
      labels: options.labels,
      datasets: options.series.map((s) => ({
        label: s.label,
        data: s.data,
        borderColor: s.color,
        backgroundColor: s.color === COLORS.gap ? COLORS.gapSoft : 'rgba(0,0,0,0)',
        pointBackgroundColor: s.color,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: options.series.length > 1, position: 'bottom' } },
      scales: {
        r: {
          min: 0,
          max: options.max,
          ticks: { stepSize: 1 },
          // The axes carry codes, named in the key beside the chart: large and bold to find.
          pointLabels: { font: { size: 14, weight: 'bold' } },
        },
      },
    },
  }
}
