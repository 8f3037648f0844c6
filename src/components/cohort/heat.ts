/**
 * The heatmap's colours: five steps of one hue, light to dark, so that order is read by
 * lightness alone (safe for every kind of colour blindness, and in grey on paper). Each step
 * carries the text colour that keeps its number readable (WCAG AA on the cell).
 */
export const HEAT_STEPS = [
  { fill: '#fff5eb', ink: '#1a1a1a' },
  { fill: '#fdd0a2', ink: '#1a1a1a' },
  { fill: '#fdae6b', ink: '#1a1a1a' },
  { fill: '#e6550d', ink: '#1a1a1a' },
  { fill: '#8c2d04', ink: '#ffffff' },
] as const

/** The step of a value between 0 and `max` (a value at or above `max` is the darkest). */
export function heatStep(value: number, max: number): number {
  if (!(max > 0) || value <= 0) return 0
  return Math.min(HEAT_STEPS.length - 1, Math.floor((value / max) * HEAT_STEPS.length))
}

/** The range of values each step stands for, for the legend. */
export function heatRanges(max: number): { from: number; to: number }[] {
  const width = max / HEAT_STEPS.length
  return HEAT_STEPS.map((_, i) => ({ from: i * width, to: (i + 1) * width }))
}

/**
 * The top of the colour scale: the largest value shown, rounded up to a round step, so that the
 * colours spread over what the cohort has (a mean gap of 0.9 on a four-step scale would
 * otherwise be all pale) while the legend says what each colour stands for.
 */
export function heatTop(values: readonly (number | null)[], step: number, limit: number): number {
  let top = 0
  for (const v of values) if (v !== null && v > top) top = v
  return Math.min(limit, Math.max(step, Math.ceil(top / step - 1e-9) * step))
}
