/**
 * A long batch's way of letting its thread hear messages. A worker hears the page (a cancel)
 * only between tasks, and a batch that never waits on anything but settled promises (files
 * refused from memory, a long inflate) never ends its task: a cancel sent at 5 s was heard
 * after 100 s. Work that may run long awaits `giveWay()` between steps.
 */

/** At most this long without a new task: a cancel is heard within about this much. */
export const GIVE_WAY_MS = 30

let lastTurn = -Infinity

/**
 * Resolves in a new task if this thread has worked GIVE_WAY_MS since the last, at once
 * otherwise (so calling it often costs little).
 */
export async function giveWay(): Promise<void> {
  if (performance.now() - lastTurn < GIVE_WAY_MS) return
  await new Promise((resolve) => setTimeout(resolve, 0))
  lastTurn = performance.now()
}
