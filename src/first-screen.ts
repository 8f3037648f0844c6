/**
 * The standards list drawn into index.html at build time (scripts/first-screen) and its takeover.
 * The list shows before any script has run; the app replaces it only once it can draw the same
 * list (the standards loaded, the route resolved), in one task, so nothing flashes or moves.
 */
import type { App } from 'vue'
import type { Router } from 'vue-router'
import { isLocale, locale } from '@/i18n'

/** Whether the page shows the list drawn at build time (not on another route, not in English). */
export function showsFirstScreen(doc: Document = document): boolean {
  return (
    doc.querySelector('#app[data-first-screen]') !== null &&
    !doc.documentElement.classList.contains('no-first-screen')
  )
}

/**
 * Mounts the app in #app in a task of its own: at once, or, where the list drawn at build time
 * shows, once `ready` (the standards' load) and the first route have settled.
 */
export function mountOver(app: App, router: Router, ready: () => Promise<unknown>): void {
  const mount = () => {
    // A language chosen on the list drawn at build time, before the app could answer the press
    // (public/first-screen.js keeps it on the page).
    const chosen = document.documentElement.dataset.chosenLocale
    if (isLocale(chosen)) locale.value = chosen
    app.mount('#app')
    // The app's own markup now: base.css's rules for the screen before it no longer apply.
    document.getElementById('app')?.removeAttribute('data-first-screen')
  }
  if (!showsFirstScreen()) {
    setTimeout(mount, 0)
    return
  }
  void Promise.allSettled([ready(), router.isReady()]).then(() => setTimeout(mount, 0))
}
