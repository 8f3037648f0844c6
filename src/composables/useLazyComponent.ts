/**
 * A component fetched the first time it is wanted. It does what defineAsyncComponent does for
 * us, without its runtime: that would join the entry script (Vue lives there), and the entry's
 * budget is 70 kB.
 */
import { markRaw, shallowRef, watchEffect, type Component, type ShallowRef } from 'vue'

export function useLazyComponent(
  load: () => Promise<{ default: Component }>,
  wanted: () => boolean = () => true,
): ShallowRef<Component | null> {
  const component = shallowRef<Component | null>(null)
  let started = false
  watchEffect(() => {
    if (started || !wanted()) return
    started = true
    void load().then((module) => (component.value = markRaw(module.default)))
  })
  return component
}
