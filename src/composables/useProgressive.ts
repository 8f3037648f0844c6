import { onScopeDispose, ref, watch, type Ref } from 'vue'

/**
 * Shows a long page a part at a time: `shown` counts the parts to draw, from `first` up to
 * `total`, one more in each task after the first screen. A standard of a thousand elements
 * then never blocks the page for one long task, and the first screen paints without waiting
 * for the parts below it. Whatever looks for a part (a link to a task) waits for it to show.
 * `resetOn` starts again from the first part when it changes (another standard opened).
 */
export function useProgressive(
  total: () => number,
  options: { first?: number; resetOn?: () => unknown } = {},
): { shown: Ref<number> } {
  const first = options.first ?? 1
  const shown = ref(first)
  let timer: ReturnType<typeof setTimeout> | undefined
  const step = () => {
    timer = undefined
    if (shown.value >= total()) return
    shown.value += 1
    schedule()
  }
  function schedule(): void {
    if (timer === undefined && shown.value < total()) timer = setTimeout(step, 0)
  }
  watch(total, schedule, { immediate: true })
  if (options.resetOn)
    watch(options.resetOn, () => {
      shown.value = first
      schedule()
    })
  onScopeDispose(() => clearTimeout(timer))
  return { shown }
}
