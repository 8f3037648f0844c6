/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useAutosave, type AutosaveOptions } from '@/composables/useAutosave'
import { TEXT_DEBOUNCE_MS, TEXT_MAX_WAIT_MS } from '@/stores/rating'

/** A write whose every call waits until the test settles it. */
function controlledWrites() {
  const calls: { key: string; resolve: () => void; reject: (e: unknown) => void }[] = []
  const write = vi.fn(
    (key: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ key, resolve, reject })
      }),
  )
  return { write, calls }
}

/** The queue in an effect scope of its own, stopped after each test. */
let scope: ReturnType<typeof effectScope>
function autosave(
  options: Partial<AutosaveOptions<string>> & Pick<AutosaveOptions<string>, 'write'>,
) {
  return scope.run(() => useAutosave<string>({ debounceMs: 100, ...options }))!
}

beforeEach(() => {
  scope = effectScope()
})
afterEach(() => {
  scope.stop()
  vi.useRealTimers()
})

/** Lets settled promises run their callbacks. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('autosave queue', () => {
  it('with a quiet time, a fast save goes straight to saved and a slow one shows saving', async () => {
    vi.useFakeTimers()
    const { write, calls } = controlledWrites()
    const queue = autosave({ write, quietMs: 100 })
    const fast = queue.save('a')
    const slow = queue.save('b')
    expect(write).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(99)
    expect(queue.states.get('a')).toBeUndefined()
    expect(queue.pending.value).toBe(0)
    calls[0]!.resolve()
    await fast
    expect(queue.states.get('a')).toBe('saved')
    await vi.advanceTimersByTimeAsync(1)
    // 'a' never showed saving; 'b' has taken 100 ms and shows it now.
    expect(queue.states.get('a')).toBe('saved')
    expect(queue.states.get('b')).toBe('saving')
    expect(queue.pending.value).toBe(1)
    calls[1]!.reject(new Error('disk full'))
    await slow
    expect(queue.states.get('b')).toBe('error')
    expect(queue.pending.value).toBe(0)
    expect(queue.failed.value).toBe(1)
  })

  it('writes at once, before the state changes, and says saved only when the write is stored', async () => {
    const states: (string | undefined)[] = []
    const { write, calls } = controlledWrites()
    const saved = vi.fn()
    const queue = autosave({
      write: (key) => {
        states.push(queue.states.get(key))
        return write(key)
      },
      onSaved: saved,
    })
    const done = queue.save('a', 12.5)
    // The request left while the key still showed its previous state: nothing rendered first.
    expect(states).toEqual([undefined])
    expect(queue.states.get('a')).toBe('saving')
    expect(queue.pending.value).toBe(1)
    calls[0]!.resolve()
    await done
    expect(queue.states.get('a')).toBe('saved')
    expect(queue.pending.value).toBe(0)
    expect(saved).toHaveBeenCalledWith('a', 12.5)
  })

  it('never lets an older write that finishes late mark a newer change saved, nor failed', async () => {
    const { write, calls } = controlledWrites()
    const onError = vi.fn()
    const queue = autosave({ write, onError })
    const first = queue.save('a')
    const second = queue.save('a')
    calls[0]!.resolve()
    await first
    expect(queue.states.get('a')).toBe('saving')

    const third = queue.save('a')
    calls[1]!.reject(new Error('older write failed'))
    await second
    expect(queue.states.get('a')).toBe('saving')
    expect(onError).not.toHaveBeenCalled()
    calls[2]!.resolve()
    await third
    expect(queue.states.get('a')).toBe('saved')
  })

  it(`writes typed text ${TEXT_DEBOUNCE_MS} ms after the last change, once (the rating store waits no more than 150 ms)`, async () => {
    expect(TEXT_DEBOUNCE_MS).toBeLessThanOrEqual(150)
    vi.useFakeTimers()
    const write = vi.fn((_key: string) => Promise.resolve())
    const queue = autosave({ write, debounceMs: TEXT_DEBOUNCE_MS })
    queue.schedule('a')
    await vi.advanceTimersByTimeAsync(TEXT_DEBOUNCE_MS - 10)
    queue.schedule('a') // another keystroke: the pause starts again
    await vi.advanceTimersByTimeAsync(TEXT_DEBOUNCE_MS - 10)
    expect(write).not.toHaveBeenCalled()
    expect(queue.states.get('a')).toBe('saving')
    await vi.advanceTimersByTimeAsync(10)
    expect(write).toHaveBeenCalledTimes(1)
    expect(queue.states.get('a')).toBe('saved')
  })

  it(`writes a long burst of typing at least every ${TEXT_MAX_WAIT_MS} ms, not only after its pause`, async () => {
    vi.useFakeTimers()
    const write = vi.fn((_key: string) => Promise.resolve())
    const queue = autosave({ write, debounceMs: TEXT_DEBOUNCE_MS, maxWaitMs: TEXT_MAX_WAIT_MS })
    const start = Date.now()
    const writtenAt: number[] = []
    write.mockImplementation(() => {
      writtenAt.push(Date.now() - start)
      return Promise.resolve()
    })
    // A keystroke every 50 ms for 2.5 s: never a pause of 100 ms.
    for (let at = 0; at < 2500; at += 50) {
      queue.schedule('a')
      await vi.advanceTimersByTimeAsync(50)
    }
    expect(writtenAt).toEqual([1000, 2000])
    // The burst's end is written after its pause, as before.
    await vi.advanceTimersByTimeAsync(TEXT_DEBOUNCE_MS)
    expect(write).toHaveBeenCalledTimes(3)
    expect(queue.states.get('a')).toBe('saved')
  })

  it('does not say saved while newer text waits for its pause, even if an older write is stored', async () => {
    vi.useFakeTimers()
    const { write, calls } = controlledWrites()
    const queue = autosave({ write })
    const older = queue.save('a')
    queue.schedule('a')
    calls[0]!.resolve()
    await older
    expect(queue.states.get('a')).toBe('saving')
    await vi.advanceTimersByTimeAsync(100)
    calls[1]!.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(queue.states.get('a')).toBe('saved')
  })

  it('flush writes every change still waiting for its pause, at once', async () => {
    vi.useFakeTimers()
    const write = vi.fn((_key: string) => Promise.resolve())
    const saved = vi.fn()
    const queue = autosave({ write, onSaved: saved })
    queue.schedule('a', 1)
    queue.schedule('b', 2)
    await queue.flush()
    expect(write.mock.calls.map(([key]) => key)).toEqual(['a', 'b'])
    expect(saved.mock.calls).toEqual([
      ['a', 1],
      ['b', 2],
    ])
    // Their timers are gone: nothing is written twice.
    await vi.advanceTimersByTimeAsync(1000)
    expect(write).toHaveBeenCalledTimes(2)
  })

  it('keeps a failed write as failed, counts it, and writes it again on retry', async () => {
    let fail = true
    const write = vi.fn((_key: string) =>
      fail ? Promise.reject(new Error('disk full')) : Promise.resolve(),
    )
    const onError = vi.fn()
    const queue = autosave({ write, onError })
    await queue.save('a')
    await queue.save('b')
    expect(queue.states.get('a')).toBe('error')
    expect(queue.failed.value).toBe(2)
    expect(queue.pending.value).toBe(0)
    expect(onError).toHaveBeenCalledWith('a', expect.objectContaining({ message: 'disk full' }))

    fail = false
    await queue.retryFailed()
    expect(write).toHaveBeenCalledTimes(4)
    expect(queue.states.get('a')).toBe('saved')
    expect(queue.states.get('b')).toBe('saved')
    expect(queue.failed.value).toBe(0)
  })

  it('treats a write that throws as one that failed', async () => {
    const queue = autosave({
      write: () => {
        throw new Error('connection closing')
      },
    })
    await queue.save('a')
    expect(queue.states.get('a')).toBe('error')
  })

  it('writes waiting text at once when the page is hidden or left', async () => {
    vi.useFakeTimers()
    const write = vi.fn((_key: string) => Promise.resolve())
    const queue = autosave({ write })
    queue.schedule('a')
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    visibility.mockRestore()
    expect(write).toHaveBeenCalledTimes(1)

    queue.schedule('b')
    window.dispatchEvent(new Event('pagehide'))
    expect(write.mock.calls.map(([key]) => key)).toEqual(['a', 'b'])
    await vi.advanceTimersByTimeAsync(0)
    expect(queue.states.get('b')).toBe('saved')
  })

  it('after a reset, a write still under way sets nothing', async () => {
    const { write, calls } = controlledWrites()
    const queue = autosave({ write })
    const pending = queue.save('a')
    queue.reset()
    expect(queue.states.size).toBe(0)
    expect(queue.pending.value).toBe(0)
    calls[0]!.resolve()
    await pending
    await tick()
    expect(queue.states.has('a')).toBe(false)
  })

  it('writes what waits for its pause when its owner goes away, and stops listening', async () => {
    vi.useFakeTimers()
    const write = vi.fn((_key: string) => Promise.resolve())
    const queue = autosave({ write })
    queue.schedule('a')
    scope.stop()
    expect(write).toHaveBeenCalledTimes(1)
    queue.schedule('b')
    window.dispatchEvent(new Event('pagehide'))
    expect(write).toHaveBeenCalledTimes(1)
  })
})
