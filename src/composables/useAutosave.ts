import { getCurrentScope, onScopeDispose, shallowReactive, shallowRef, type Ref } from 'vue'

/** Where a key's latest change stands: being written, stored, or failed (kept to retry). */
export type SaveState = 'saving' | 'saved' | 'error'

/** How a write is asked for. */
export interface WriteHow {
  /**
   * The page is being hidden or closed: the write must not wait for the page to answer anything
   * (a closing page runs no more callbacks), so it is sent whole, with its commit, at once.
   */
  closing: boolean
}

export interface AutosaveOptions<K> {
  /**
   * Stores the current value of `key`. Called synchronously by `save`, before any state changes,
   * so the storage request leaves before the page renders. Resolves once the value is durable;
   * rejects if it was not stored.
   */
  write: (key: K, how: WriteHow) => Promise<void>
  /** The pause after the last change of a `schedule`d key before it is written. */
  debounceMs: number
  /**
   * The longest a `schedule`d key waits in a burst of changes with no pause: typing goes on being
   * stored at this pace, so a crash mid-burst loses at most this much. Default: no limit.
   */
  maxWaitMs?: number
  /**
   * A `save` that settles within this time never shows 'saving': its key goes straight to its
   * outcome, so a fast save makes one render, after it is stored. Default 0: 'saving' at once.
   */
  quietMs?: number
  /** The latest write of `key` is stored; `startedAt` is the time of the input that caused it. */
  onSaved?: (key: K, startedAt: number) => void
  /** The latest write of `key` failed; the key stays in 'error' until written again. */
  onError?: (key: K, error: unknown) => void
  /**
   * Writes every scheduled change at once when the page is hidden or left (visibilitychange to
   * hidden, pagehide): a closed tab runs no more timers. Default true where there is a document.
   */
  flushWhenHidden?: boolean
}

/** The save state of every key, reactive per key: a change re-renders only what reads that key. */
export type SaveStates<K> = ReadonlyMap<K, SaveState>

/**
 * The autosave queue, generic over the key and the write: each change is written at once
 * (`save`) or after a pause (`schedule`, for typing), and its save state is kept per key.
 *
 *   - Every write gets a sequence number; only the latest write of a key may set its state, so an
 *     older write finishing late never marks a newer change saved (nor failed).
 *   - Typing is written after a pause, and at least every `maxWaitMs` during a long burst.
 *   - `flush` writes every scheduled change now (a field left, the page hidden); a page being
 *     hidden or closed asks for writes that need no answer from it (`WriteHow.closing`).
 *   - A failed write leaves its key in 'error'; `retryFailed` writes those keys again, with
 *     whatever value they hold by then.
 *   - The counts of keys saving and failed are kept as they change: reading them costs nothing,
 *     however many keys there are.
 */
export function useAutosave<K>(options: AutosaveOptions<K>) {
  const states = shallowReactive(new Map<K, SaveState>())
  const pending = shallowRef(0)
  const failed = shallowRef(0)

  // One counter for every key, never reset: a write issued before `reset` can never match.
  let sequence = 0
  const latest = new Map<K, number>()
  const timers = new Map<
    K,
    { id: ReturnType<typeof setTimeout>; startedAt: number; firstAt: number }
  >()
  /**
   * Writes issued that wait for an answer from the page and have not settled, per key: a closing
   * page sends them again in a way that needs none.
   */
  const unsettled = new Map<K, number>()

  function setState(key: K, next: SaveState): void {
    const previous = states.get(key)
    if (previous === next) return
    if (previous === 'saving') pending.value--
    if (previous === 'error') failed.value--
    if (next === 'saving') pending.value++
    if (next === 'error') failed.value++
    states.set(key, next)
  }

  function cancelTimer(key: K): void {
    const timer = timers.get(key)
    if (!timer) return
    clearTimeout(timer.id)
    timers.delete(key)
  }

  /**
   * Writes `key` now. `startedAt` is the time of the input that caused the change (an event's
   * timeStamp), so that `onSaved` can measure from the input to the commit.
   */
  function save(key: K, startedAt = performance.now(), closing = false): Promise<void> {
    cancelTimer(key)
    const seq = ++sequence
    latest.set(key, seq)
    let written: Promise<void>
    try {
      written = options.write(key, { closing })
    } catch (error) {
      written = Promise.reject(error)
    }
    // A closing write needs no answer from the page: only the others are sent again on close.
    if (!closing) unsettled.set(key, (unsettled.get(key) ?? 0) + 1)
    const settle = () => {
      if (closing) return
      const left = (unsettled.get(key) ?? 1) - 1
      if (left > 0) unsettled.set(key, left)
      else unsettled.delete(key)
    }
    const saving = () => {
      if (latest.get(key) === seq) setState(key, 'saving')
    }
    const quiet = options.quietMs ?? 0
    let timer: ReturnType<typeof setTimeout> | undefined
    if (quiet > 0) timer = setTimeout(saving, quiet)
    else saving()
    return written.then(
      () => {
        clearTimeout(timer)
        settle()
        if (latest.get(key) !== seq) return
        setState(key, 'saved')
        options.onSaved?.(key, startedAt)
      },
      (error: unknown) => {
        clearTimeout(timer)
        settle()
        if (latest.get(key) !== seq) return
        setState(key, 'error')
        options.onError?.(key, error)
      },
    )
  }

  /**
   * Writes `key` after a pause of `debounceMs` with no further change to it, or `maxWaitMs`
   * after the first change of a burst that has no such pause, whichever comes first.
   */
  function schedule(key: K, startedAt = performance.now()): void {
    const now = performance.now()
    const firstAt = timers.get(key)?.firstAt ?? now
    cancelTimer(key)
    // A write already under way holds an older value: it must not mark this change saved.
    latest.set(key, ++sequence)
    setState(key, 'saving')
    const left = firstAt + (options.maxWaitMs ?? Infinity) - now
    const id = setTimeout(
      () => {
        timers.delete(key)
        void save(key, startedAt)
      },
      Math.max(0, Math.min(options.debounceMs, left)),
    )
    timers.set(key, { id, startedAt, firstAt })
  }

  /**
   * Writes every scheduled change now; resolves when each has settled. `closing`: the page is
   * being hidden or closed, so writes go whole and at once, and the writes still waiting for an
   * answer from the page are sent again that way (the page may never answer).
   */
  async function flush(how: WriteHow = { closing: false }): Promise<void> {
    const unanswered = how.closing ? [...unsettled.keys()].filter((key) => !timers.has(key)) : []
    const waiting = [...timers].map(([key, { startedAt }]) => save(key, startedAt, how.closing))
    for (const key of unanswered) waiting.push(save(key, performance.now(), true))
    await Promise.all(waiting)
  }

  /**
   * Marks `key` saved if nothing of it is being written or waiting to be: its value was read
   * back from storage (changed in another tab), so what the page shows is what is stored.
   */
  function markStored(key: K): void {
    if (timers.has(key) || unsettled.has(key) || states.get(key) === 'error') return
    setState(key, 'saved')
  }

  /** Writes again every key whose latest write failed. */
  async function retryFailed(): Promise<void> {
    const keys = [...states].filter(([, state]) => state === 'error').map(([key]) => key)
    await Promise.all(keys.map((key) => save(key)))
  }

  /** Forgets every key (another document opened). Writes under way finish but set nothing. */
  function reset(): void {
    for (const { id } of timers.values()) clearTimeout(id)
    timers.clear()
    // Writes under way are left to settle and count themselves out.
    latest.clear()
    states.clear()
    pending.value = 0
    failed.value = 0
  }

  if ((options.flushWhenHidden ?? true) && typeof document !== 'undefined') {
    const closing = { closing: true }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush(closing)
    }
    const onPageHide = () => void flush(closing)
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', onPageHide)
    if (getCurrentScope())
      onScopeDispose(() => {
        document.removeEventListener('visibilitychange', onVisibility)
        window.removeEventListener('pagehide', onPageHide)
      })
  }
  // Whatever still waits for its pause is written, not dropped, when the owner goes away.
  if (getCurrentScope()) onScopeDispose(() => void flush())

  return {
    states: states as SaveStates<K>,
    pending: pending as Readonly<Ref<number>>,
    failed: failed as Readonly<Ref<number>>,
    save,
    schedule,
    flush,
    retryFailed,
    markStored,
    reset,
  }
}

export type Autosave<K> = ReturnType<typeof useAutosave<K>>
