import { onScopeDispose, watch, type Ref } from 'vue'
import type { RatingValue } from '@/domain/assessment/ratings'

export interface KeyboardRatingOptions {
  /** The element holding the rating items (each marked with data-item-key). */
  container: Ref<HTMLElement | null>
  /** The values a digit key may set. */
  values: () => number[]
  rate: (key: string, value: RatingValue | null, at: number) => void
  nextUnrated: (afterKey?: string) => string | undefined
  /** Undoes the last clear (Ctrl+Z or ⌘Z); true when there was one to undo. */
  undo?: () => boolean
}

const ITEM = '[data-item-key]'
/** The most frames a jump waits for the cards around its item to be laid out, and how many in a
 * row the item must stay in sight. */
const SETTLE_FRAMES = 30
const STEADY_FRAMES = 3

/** Whether an element's middle is on the screen, in its middle half (or it has no box to place). */
function inSight(el: HTMLElement): boolean {
  const box = el.getBoundingClientRect()
  if (!box.width && !box.height) return true
  const middle = box.top + Math.min(box.height, window.innerHeight) / 2
  return middle >= window.innerHeight / 4 && middle <= (window.innerHeight * 3) / 4
}

/**
 * Rating from the keyboard: on a focused item, a digit rates it, N marks it not applicable,
 * Delete or Backspace clears it (Ctrl+Z or ⌘Z undoes the clear); ↑/↓ (or K/J) move between
 * items and U jumps to the next unrated one.
 * Rating an item moves on to the next, so a whole standard can be rated without a mouse.
 */
export function useKeyboardRating(options: KeyboardRatingOptions) {
  function itemsInOrder(): HTMLElement[] {
    return [...(options.container.value?.querySelectorAll<HTMLElement>(ITEM) ?? [])]
  }

  /**
   * Focuses an item and brings it to the middle of the screen. Cards far from the screen are not
   * laid out (content-visibility), so a long jump lands on guessed heights: as the cards around
   * the item are laid out the item moves, and it is brought back, for a few frames at most.
   * Resolves once the item stays in sight.
   */
  async function focusElement(el: HTMLElement | undefined): Promise<void> {
    if (!el) return
    el.focus({ preventScroll: true })
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior })
    if (typeof requestAnimationFrame !== 'function') return
    let steady = 0
    for (let frame = 0; frame < SETTLE_FRAMES && steady < STEADY_FRAMES; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve))
      if (!el.isConnected || document.activeElement !== el) return
      if (inSight(el)) steady += 1
      else {
        steady = 0
        el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior })
      }
    }
  }

  /** Focuses the first place an item is shown; resolves once it is in sight. */
  function focusItem(key: string | undefined): Promise<void> {
    if (key === undefined) return Promise.resolve()
    return focusElement(itemsInOrder().find((el) => el.dataset.itemKey === key))
  }

  function move(from: HTMLElement, step: 1 | -1): void {
    const all = itemsInOrder()
    void focusElement(all[all.indexOf(from) + step])
  }

  function onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement
    if (target.closest('textarea, input, select, summary')) return
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z') {
      if (options.undo?.()) event.preventDefault()
      return
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return
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
      void focusItem(options.nextUnrated(key))
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
