import { onMounted, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import type { Chart, ChartConfiguration } from 'chart.js'
import { CHART_FONT, type KeyEntry } from '@/components/charts/configs'
import { figurePng } from '@/components/charts/png'
import { afterNextFrame } from './frames'

/** Fired on the canvas when a chart has drawn, for anything that waits for it (benchmarks). */
export const CHART_DRAWN_EVENT = 'gaplens:chart-drawn'

let loading: Promise<typeof Chart> | undefined
/** Chart.js and its registered pieces, fetched once: the first chart on a page loads the chunk. */
function loadChart(): Promise<typeof Chart> {
  loading ??= import('@/components/charts/chart-setup').then(
    (m) => m.Chart,
    (error: unknown) => {
      loading = undefined // try again on the next chart
      throw error
    },
  )
  return loading
}

/**
 * Loads Chart.js ahead of a page's first chart and, in a task of its own after that, readies
 * the canvas text it draws with (a 2D context and the chart font's glyphs), so the first chart's
 * own task is shorter by that much.
 */
export function prepareCharts(): void {
  loadChart().then(
    () =>
      setTimeout(() => {
        const context = document.createElement('canvas').getContext('2d')
        if (!context) return
        context.font = `12px ${CHART_FONT}`
        context.measureText('0123456789 人數 Count')
      }, 0),
    () => undefined,
  )
}

/**
 * Draws a Chart.js chart on a canvas and keeps it in step with its configuration. Chart.js is
 * loaded on first use (its own chunk); the chart is destroyed when the component goes away.
 */
export function useChart(canvas: Ref<HTMLCanvasElement | null>, config: () => ChartConfiguration) {
  const chart = shallowRef<Chart | null>(null)
  let disposed = false

  async function draw(): Promise<void> {
    const el = canvas.value
    if (!el) return
    const Chart = await loadChart()
    // In a task of its own, after the page has laid out what mounted the chart: the chart's
    // first measure and draw then neither lay out the whole page again nor add to that task.
    await afterNextFrame()
    if (disposed || canvas.value !== el) return
    chart.value?.destroy()
    chart.value = new Chart(el, config())
    el.dispatchEvent(new CustomEvent(CHART_DRAWN_EVENT, { bubbles: true }))
  }

  // On paper a chart takes its printed column's size: the layout switches to print media
  // before the page is printed, and the chart is drawn again to fit it (and back after).
  const print = typeof matchMedia === 'function' ? matchMedia('print') : undefined
  const fit = () => chart.value?.resize()

  onMounted(() => {
    print?.addEventListener('change', fit)
    return draw()
  })
  watch(config, draw)
  onScopeDispose(() => {
    disposed = true
    print?.removeEventListener('change', fit)
    chart.value?.destroy()
    chart.value = null
  })

  /**
   * The chart as a PNG data URL on white (a transparent PNG prints badly), with its title and,
   * where the chart shows codes, the key that names them: a picture that stands on its own.
   */
  function toPng(frame: {
    title: string
    key?: readonly KeyEntry[]
    valueHead?: string
  }): string | undefined {
    const current = chart.value
    if (!current) return undefined
    return figurePng(current.canvas, { ...frame, ratio: current.currentDevicePixelRatio })
  }

  return { chart, toPng }
}
