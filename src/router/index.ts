import { createRouter, createWebHashHistory, START_LOCATION } from 'vue-router'
import { routes } from './routes'

/** Where the page's sticky bars end once stuck: their `top` plus their height. */
function stickyHeight(): number {
  let bottom = 0
  for (const el of document.querySelectorAll<HTMLElement>('.app-header, .toc, .status-bar')) {
    const style = getComputedStyle(el)
    // A bar that scrolls away with the page (the header on a phone) covers nothing.
    if (style.position !== 'sticky' && style.position !== 'fixed') continue
    bottom = Math.max(bottom, (parseFloat(style.top) || 0) + el.offsetHeight)
  }
  return bottom
}

/**
 * Resolves once an element with the id is on the page (true), or after a few seconds (false).
 * A deep link to a task is opened before the standard has loaded and the task is drawn.
 */
function whenShown(id: string, within = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    const started = performance.now()
    const look = () => {
      if (document.getElementById(id)) resolve(true)
      else if (performance.now() - started > within) resolve(false)
      else requestAnimationFrame(look)
    }
    look()
  })
}

export const router = createRouter({
  // The route is kept after the '#': a deep link (a standard, an assessment) opened or
  // reloaded on any static server, at any sub-path, is served index.html and lands where it
  // points, with no rewrite rules on the server.
  history: createWebHashHistory(),
  routes,
  scrollBehavior(to, from, saved) {
    if (saved) return saved
    // Land below whatever stays on top of the page (the header, a page's own sticky bar).
    if (to.hash) {
      const id = decodeURIComponent(to.hash.slice(1))
      return whenShown(id).then((found) => (found ? { el: `#${id}`, top: stickyHeight() + 8 } : {}))
    }
    // A page opened afresh is already at its top: scrolling there would lay it out for nothing.
    if (from === START_LOCATION) return false
    return { top: 0 }
  },
})
