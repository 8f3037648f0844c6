/**
 * Chart.js with only the pieces GapLens draws, registered once. Imported dynamically, so it
 * is its own chunk and loads only where charts are shown.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js'
import { CHART_FONT, CHART_FONT_PX, tickText } from './configs'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  RadarController,
  RadialLinearScale,
  PointElement,
  LineElement,
  Filler,
  Legend,
  Tooltip,
)

// Charts are drawn once and read, and they print: no animation, fonts that show Chinese.
Chart.defaults.animation = false
Chart.defaults.font.family = CHART_FONT
Chart.defaults.font.size = CHART_FONT_PX
Chart.defaults.color = '#1d2733'
// Axis numbers written plainly (see tickText), not through Intl.NumberFormat.
Chart.defaults.scales.linear.ticks.callback = tickText
Chart.defaults.scales.radialLinear.ticks.callback = tickText

export { Chart }
