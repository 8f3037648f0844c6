import { onScopeDispose, watch, type Ref } from 'vue'
import type { RatingValue } from '@/domain/assessment/ratings'

export interface KeyboardRatingOptions {
  /** The element holding the rating items (each marked with data-item-key). */
  container: Ref<HTMLElement | null>
  /** The values a digit key may set. */
  values: () => number[]
  rate: (key: string, value: RatingValue | null, at: number) => void
  nextUnrated: (afterKey?: string) => string | undefined
}

const ITEM = '[data-item-key]'

/**
 * Rating from the keyboard: on a focused item, a digit rates it, N marks it not applicable,
 * Delete clears it; ↑/↓ (or K/J) move between items and U jumps to the next unrated one.
 * Rating an item moves on to the next, so a whole standard can be rated without a mouse.
 */
export function useKeyboardRating(options: KeyboardRatingOptions) {
  function itemsInOrder(): HTMLElement[] {
    return [...(options.container.value?.querySelectorAll<HTMLElement>(ITEM) ?? [])]
  }

  function focusElement(el: HTMLElement | undefined): void {
    if (!el) return
    el.focus({ preventScroll: true })
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior })
  }

  /** Focuses the first place an item is shown. */
  function focusItem(key: string | undefined): void {
    if (key === undefined) return
    focusElement(itemsInOrder().find((el) => el.dataset.itemKey === key))
  }

  function move(from: HTMLElement, step: 1 | -1): void {
    const all = itemsInOrder()
    focusElement(all[all.indexOf(from) + step])
  }

  function onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (target.closest('textarea, input, select, summary')) return
    const item = target.closest<HTMLElement>(ITEM)
    const key = item?.dataset.itemKey
    if (!item || key === undefined) return

    const digit = Number(event.key)
    let handled = true
    if (/^\d$/.test(event.key) && options.values().includes(digit)) {
      options.rate(key, digit, event.timeStamp)
      move(item, 1)
    } else if (event.key === 'n' || event.key === 'N') {
      options.rate(key, 'na', event.timeStamp)
      move(item, 1)
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      options.rate(key, null, event.timeStamp)
    } else if (event.key === 'ArrowDown' || event.key === 'j') {
      move(item, 1)
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      move(item, -1)
    } else if (event.key === 'u' || event.key === 'U') {
      focusItem(options.nextUnrated(key))
    } else {
      handled = false
    }
    if (handled) event.preventDefault()
  }

  const stop = watch(
    options.container,
    (el, previous) => {
      previous?.removeEventListener('keydown', onKeydown)
      el?.addEventListener('keydown', onKeydown)
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stop()
    options.container.value?.removeEventListener('keydown', onKeydown)
  })

  return { focusItem }
}
