import { ref } from 'vue'
import { useRegisterSW } from 'virtual:pwa-register/vue'

/**
 * The service worker's state for the page: a new version waiting (shown as a prompt, applied
 * only when the person says so) and whether the app is ready to work offline.
 */
export function usePwa() {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  window.addEventListener('online', () => (online.value = true))
  window.addEventListener('offline', () => (online.value = false))
  const { needRefresh, offlineReady, updateServiceWorker } = useRegisterSW({ immediate: true })
  return { needRefresh, offlineReady, online, update: () => updateServiceWorker(true) }
}
