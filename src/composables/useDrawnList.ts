import { ref, shallowRef, watch } from 'vue'

/**
 * The page's side of a list drawn a part at a time (the rating and the review lists): where the
 * list starts, and whether it is whole yet.
 *
 * `start` is unset while the page opens its record; the page mounts the list once `begin` has
 * set it, with the item the person left off at, and the list draws that item's part first.
 * The list reports itself whole by setting `drawn`; `whenDrawn` waits for it.
 */
export function useDrawnList<T>() {
  const start = shallowRef<{ at?: T }>()
  const drawn = ref(false)

  function reset(): void {
    start.value = undefined
    drawn.value = false
  }

  function begin(at: T | undefined): void {
    start.value = { at }
  }

  function whenDrawn(): Promise<void> {
    if (drawn.value) return Promise.resolve()
    return new Promise((resolve) => {
      const stop = watch(drawn, (done) => {
        if (!done) return
        stop()
        resolve()
      })
    })
  }

  return { start, drawn, reset, begin, whenDrawn }
}
