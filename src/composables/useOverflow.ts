import { onScopeDispose, ref, watch, type Ref } from 'vue'

/**
 * Whether an element's content is wider than the element (it scrolls sideways), taller (it
 * scrolls down), and whether there is more to the left or the right of what shows, kept up as
 * the element and its content change size and as it scrolls. For a box to say that it scrolls.
 * The element may come and go (a `v-if`): it is followed as its ref changes.
 */
export function useOverflow(el: Ref<HTMLElement | null>) {
  const wide = ref(false)
  const scrolls = ref(false)
  const moreLeft = ref(false)
  const moreRight = ref(false)

  function measure(): void {
    const box = el.value
    if (!box) return
    wide.value = box.scrollWidth > box.clientWidth + 1
    scrolls.value = wide.value || box.scrollHeight > box.clientHeight + 1
    moreLeft.value = wide.value && box.scrollLeft > 1
    moreRight.value = wide.value && box.scrollLeft + box.clientWidth < box.scrollWidth - 1
  }

  let observer: ResizeObserver | undefined
  function follow(box: HTMLElement | null, previous?: HTMLElement | null): void {
    observer?.disconnect()
    previous?.removeEventListener('scroll', measure)
    if (!box) return
    measure()
    box.addEventListener('scroll', measure, { passive: true })
    if (typeof ResizeObserver !== 'function') return
    observer ??= new ResizeObserver(measure)
    observer.observe(box)
    for (const child of box.children) observer.observe(child)
  }
  const stop = watch(el, follow, { immediate: true, flush: 'post' })
  onScopeDispose(() => {
    stop()
    follow(null, el.value)
  })

  return { wide, scrolls, moreLeft, moreRight, measure }
}
