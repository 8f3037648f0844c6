/**
 * Chart configurations for the results: plain functions from figures to Chart.js options.
 * Axes are fixed (0 to the scale's top) so charts compare across people and rounds.
 */
import type { ChartConfiguration } from 'chart.js'

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

/** A bar chart of one or more series over categories, on a fixed value axis. */
export function barConfig(options: {
  labels: string[]
  series: Series[]
  max: number
  horizontal?: boolean
  axisLabel: string
}): ChartConfiguration<'bar'> {
  const valueAxis = {
    min: 0,
    max: options.max,
    ticks: { stepSize: options.max > 2 ? 1 : 0.5 },
    title: { display: true, text: options.axisLabel },
  }
  return {
    type: 'bar',
    data: {
      labels: options.labels,
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
      scales: { r: { min: 0, max: options.max, ticks: { stepSize: 1 } } },
    },
  }
}
