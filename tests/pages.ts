/**
 * What a test's pages leave behind when it ends. A page's stores keep listening to the other
 * tabs and keep their short timers (read the list again, give the training worker back) after
 * the test that made them; so does Node's BroadcastChannel, which reaches every test file a
 * worker runs one after another. Here each file's channels are named apart (a file is a browser
 * of its own), and `closePages` ends every store the test made, as closing the tab would,
 * before its database is closed (tests/components/helpers.ts: freshDatabase).
 */
import type { EffectScope } from 'vue'
import type { Pinia } from 'pinia'

export function scopeBroadcastChannels(): void {
  const NodeChannel = globalThis.BroadcastChannel
  if (!NodeChannel) return
  const browser = crypto.randomUUID()
  Object.defineProperty(globalThis, 'BroadcastChannel', {
    configurable: true,
    writable: true,
    value: class extends NodeChannel {
      constructor(name: string) {
        super(`${browser}:${name}`)
      }
    },
  })
}

const made = new Set<Pinia>()

/** Keeps every Pinia made in this file (tests/setup.ts wraps `createPinia`). */
export function madePinia(pinia: Pinia): Pinia {
  made.add(pinia)
  return pinia
}

/** Ends every store the file's pages made so far: their channels close, their timers stop. */
export function closePages(): void {
  for (const pinia of made) (pinia as Pinia & { _e: EffectScope })._e.stop()
  made.clear()
}
