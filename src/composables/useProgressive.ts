import { computed, onScopeDispose, ref, watch, type ComputedRef, type Ref } from 'vue'

export interface Progressive {
  /** One past the last part drawn: the parts before it are drawn, from `from` on. */
  shown: Ref<number>
  /** Whether the i-th part is drawn. */
  isShown: (i: number) => boolean
  /** The parts of [start, end) that are drawn, as a range [from, to) counted from `start`. */
  shownIn: (start: number, end: number) => { from: number; to: number }
  /** Whether every part is drawn. */
  whole: ComputedRef<boolean>
}

/**
 * Shows a long page a part at a time: `first` parts from the part `from` at once, then one more
 * in each task after the first screen, down to the end and then up from `from` to the top. A
 * standard of a thousand elements then never blocks the page for one long task, the first
 * screen paints without waiting for the parts below it, and a page that opens in its middle
 * (where the person left off) draws that part first; the browser keeps it in place as the
 * parts above it arrive (scroll anchoring). Whatever looks for a part waits for it to show.
 * `resetOn` starts again from the first parts when it changes (another standard opened).
 */
export function useProgressive(
  total: () => number,
  options: { first?: number; from?: number; resetOn?: () => unknown } = {},
): Progressive {
  const first = options.first ?? 1
  const from = Math.max(0, options.from ?? 0)
  const low = ref(from)
  const shown = ref(from + first)
  let timer: ReturnType<typeof setTimeout> | undefined
  const whole = computed(() => low.value <= 0 && shown.value >= total())
  const step = () => {
    timer = undefined
    if (shown.value < total()) shown.value += 1
    else if (low.value > 0) low.value -= 1
    else return
    schedule()
  }
  function schedule(): void {
    if (timer === undefined && !whole.value) timer = setTimeout(step, 0)
  }
  watch(total, schedule, { immediate: true })
  if (options.resetOn)
    watch(options.resetOn, () => {
      low.value = from
      shown.value = from + first
      schedule()
    })
  onScopeDispose(() => clearTimeout(timer))
  return {
    shown,
    isShown: (i) => i >= low.value && i < shown.value,
    shownIn: (start, end) => ({
      from: Math.min(end, Math.max(start, low.value)) - start,
      to: Math.min(end, Math.max(start, shown.value)) - start,
    }),
    whole,
  }
}
