/**
 * The standards list's first screen, drawn by the app's own components on the server at build
 * time (loaded through Vite by ./vite-plugin.ts, never bundled into the app): the page shows it
 * before any script has run, and the app, once started, draws the same markup in its place.
 */
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import App from '@/App.vue'
import { routes } from '@/router/routes'
import { locale } from '@/i18n'
import { useStandardsStore } from '@/stores/standards'
import type { StandardText } from '@/workers/parse-standards'

/** The list as the app shows it in zh-TW once the given standard files are loaded. */
export async function renderFirstScreen(files: StandardText[]): Promise<string> {
  // The default language: a person who chose English sees the app's own screen instead
  // (public/first-screen.js hides this one before it is drawn).
  locale.value = 'zh-TW'
  const pinia = createPinia()
  // Links as the app writes them, after the '#' (src/router/index.ts), so they work without it.
  const router = createRouter({ history: createMemoryHistory('#'), routes })
  const app = createSSRApp(App).use(pinia).use(router)
  // The app's own load, so a file the app would refuse is left out here too.
  const sources = files.map((f) => ({ file: f.file, read: async () => f.body }))
  await useStandardsStore(pinia).load(sources)
  await router.push('/')
  await router.isReady()
  const html = await renderToString(app)
  // The list's page loads its later parts as it starts: they are let finish here, before the
  // server that loads them closes (a load cut off stops the build).
  await Promise.all([
    import('@/components/catalogue/CatalogueSpot.vue'),
    import('@/i18n/sections/versions'),
    import('@/i18n/sections/library'),
  ])
  return html
}
