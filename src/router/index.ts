import { createRouter, createWebHistory } from 'vue-router'
import { routes } from './routes'

/** Where the page's sticky bars end once stuck: their `top` plus their height. */
function stickyHeight(): number {
  let bottom = 0
  for (const el of document.querySelectorAll<HTMLElement>('.app-header, .toc, .status-bar'))
    bottom = Math.max(bottom, (parseFloat(getComputedStyle(el).top) || 0) + el.offsetHeight)
  return bottom
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior(to, _from, saved) {
    if (saved) return saved
    // Land below whatever stays on top of the page (the header, a page's own sticky bar).
    if (to.hash) return { el: decodeURIComponent(to.hash), top: stickyHeight() + 8 }
    return { top: 0 }
  },
})
