/**
 * The service worker's state as the page has it before the worker has said anything: online,
 * nothing waiting. The first screen is drawn on the server, where there is no window.
 */
import { ref } from 'vue'

/** What src/composables/usePwa.ts gives, before the service worker has spoken. */
export function usePwa() {
  return {
    needRefresh: ref(false),
    offlineReady: ref(false),
    online: ref(true),
    update: () => Promise.resolve(),
  }
}
