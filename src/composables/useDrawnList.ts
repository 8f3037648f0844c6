import { nextTick, ref, shallowRef, watch } from 'vue'

/**
 * The page's side of a list drawn a part at a time (the rating and the review lists): where the
 * list starts, whether it is whole, and whether the page has resumed where the person left off.
 *
 * `start` is unset while the page opens its record; the page mounts the list once `resume` has
 * set it, with the item the person left off at, and the list draws that item's part first. The
 * list reports itself whole by setting `drawn`; `whenDrawn` waits for it. `resumed` is true once
 * the page has moved to the item and the list is whole.
 */
export function useDrawnList<T extends { key: string }>(focusItem: (key: string) => Promise<void>) {
  const start = shallowRef<{ at?: T }>()
  const drawn = ref(false)
  const resumed = ref(false)

  /** Another record is being opened: nothing is drawn until it is. */
  function reset(): void {
    start.value = undefined
    drawn.value = false
    resumed.value = false
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

  /**
   * Once the record is open: draws the list from the item left off at, focuses it, and marks
   * the page resumed when the list is whole, unless another record was opened meanwhile.
   */
  async function resume(
    items: readonly T[],
    last: string | null | undefined,
    current: () => boolean,
  ): Promise<void> {
    if (!current()) return
    start.value = { at: items.find((i) => i.key === last) }
    if (last) await nextTick(() => focusItem(last))
    await whenDrawn()
    if (current()) resumed.value = true
  }

  return { start, drawn, resumed, reset, resume, whenDrawn }
}
