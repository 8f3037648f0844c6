/**
 * The standards list's first screen, drawn into index.html at build time by the app's own
 * components (./render.ts, run through Vite on the server), so a phone shows the list as soon
 * as the page and its stylesheet arrive, before the entry script and the standards' files have
 * run. The app takes the screen over when it starts (src/first-screen.ts); public/first-screen.js
 * hides it before it is drawn on any other page, or for a person who chose English.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type IndexHtmlTransformContext, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import type { StandardText } from '../../src/workers/parse-standards'

/** The source index.html's #app, whose contents are what shows before the script runs. */
const APP = /<div id="app">([\s\S]*?)<\/div>\s*(?=<script|<\/body>)/

/** The bundled standards, as the app fetches them (src/stores/standards.ts: bundledUrls). */
export function bundledStandardTexts(root: string): StandardText[] {
  const folder = join(root, 'data/standards')
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, body: readFileSync(join(folder, file), 'utf8') }))
}

/**
 * Draws the list with the app's components, loaded through a Vite server of their own: the
 * same Vue plugin, so each component's scoped-style attribute is the one the build's stylesheet
 * selects. The service worker's prompt, which needs a window, is drawn as it is before the
 * worker has said anything.
 */
export async function renderFirstScreen(root: string, files: StandardText[]): Promise<string> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    plugins: [vue()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: {
      alias: [
        {
          find: /^@\/composables\/usePwa$/,
          replacement: join(root, 'scripts/first-screen/pwa.ts'),
        },
        { find: '@', replacement: join(root, 'src') },
      ],
    },
  })
  try {
    const module = (await server.ssrLoadModule('/scripts/first-screen/render.ts')) as {
      renderFirstScreen: (files: StandardText[]) => Promise<string>
    }
    return await module.renderFirstScreen(files)
  } finally {
    await server.close()
  }
}

/** The scoped-style attributes of the markup that no stylesheet of the build selects. */
function unstyledScopes(markup: string, ctx: IndexHtmlTransformContext): string[] {
  const css = Object.values(ctx.bundle ?? {})
    .filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'))
    .map((f) => (f.type === 'asset' ? String(f.source) : ''))
    .join('\n')
  const scopes = new Set(markup.match(/data-v-[0-9a-f]{8}/g) ?? [])
  return [...scopes].filter((scope) => !css.includes(scope))
}

/**
 * Puts the list into index.html's #app beside the header's band that shows on other pages,
 * marked `data-first-screen` (base.css shows one or the other), and loads the small classic
 * script that chooses before the page is drawn.
 */
export function placeFirstScreen(html: string, markup: string): string {
  if (!APP.test(html)) throw new Error('first screen: index.html has no <div id="app">')
  return html.replace(
    APP,
    (_all, shell: string) => `<div id="app" data-first-screen>${shell}${markup}</div>\n    `,
  )
}

export function firstScreen(): Plugin {
  let root = process.cwd()
  return {
    name: 'gaplens:first-screen',
    apply: 'build',
    configResolved(config) {
      root = config.root
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const markup = await renderFirstScreen(root, bundledStandardTexts(root))
        // A component whose scope the stylesheet does not know would be drawn unstyled, then
        // jump when the app takes over: the build stops rather than ship that.
        const unstyled = unstyledScopes(markup, ctx)
        if (unstyled.length)
          throw new Error(`first screen: no stylesheet selects ${unstyled.join(', ')}`)
        return {
          html: placeFirstScreen(html, markup),
          tags: [{ tag: 'script', attrs: { src: './first-screen.js' }, injectTo: 'head' }],
        }
      },
    },
  }
}
