/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { catalogue } from './scripts/catalogue/vite-plugin'
import { firstScreen } from './scripts/first-screen/vite-plugin'
import { CATALOGUE_CACHE } from './src/domain/catalogue/offline'

/**
 * The Content-Security-Policy of the built page. Nothing runs or loads unless it is one of the
 * app's own files: no inline script or style, no eval, no other origin. (The dev server needs
 * inline scripts for hot reload, so the policy is added to the build only.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/**
 * What a server should send with every file of the build, because a page cannot say it for
 * itself: `frame-ancestors` is ignored in a <meta> policy (only a header keeps another site
 * from framing the app to trick a click), X-Frame-Options says the same to older browsers,
 * nosniff stops a browser running a file as a type it was not served as, and no-referrer
 * keeps the app's address (a path on an intranet) from the sites a link opens. `npm run
 * preview` sends them; the README's deployment section gives them for a real server.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'gaplens:csp',
    apply: 'build',
    // Right after the charset, before any script or style the policy must govern.
    transformIndexHtml: (html) =>
      html.replace(
        /<meta charset="UTF-8" \/>/,
        (charset) =>
          `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  }
}

/**
 * Every page needs the bundled standards before it can show anything: the page asks for them
 * with the entry script rather than after it has run, so the first screen waits for one round
 * trip, not two. (Their check runs in a worker: src/workers/parse-standards.ts.)
 */
function preloadStandards(): Plugin {
  return {
    name: 'gaplens:preload-standards',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.values(ctx.bundle ?? {})
        const standards = files.filter(
          (f) =>
            f.type === 'asset' && f.originalFileNames.some((n) => n.startsWith('data/standards/')),
        )
        return standards.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./${f.fileName}`, as: 'fetch', crossorigin: '' },
          injectTo: 'head' as const,
        }))
      },
    },
  }
}

/**
 * Every chunk of the page is marked so that Chromium compiles it whole while it loads it, off
 * the page's thread, instead of one function at a time on the page's thread as each first runs
 * (V8's explicit compile hints: a first-line comment other browsers ignore). Measured on an
 * unthrottled load, median of 5: the page's main-thread work fell from 602 to 506 ms on the
 * standards list and from 1,072 to 952 ms on a standard's page, its longest task from 108 to
 * 77 ms; the cohort report's first chart, from a task of 50-56 ms to 22-34 ms. The workers are
 * built apart and left as they are: their start does not hold up the page.
 */
function compileWhole(): Plugin {
  return {
    name: 'gaplens:compile-whole',
    apply: 'build',
    generateBundle: {
      // After minifying (which drops comments) and after Vite has written its own first lines
      // (its preload list, added here too): the comment must be the file's first line. Like
      // that list, it is added after the file names are hashed; it is the same line in every
      // build. The build writes no source maps; one that did would need them shifted a line.
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle))
          if (file.type === 'chunk') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`
      },
    },
  }
}

/** Test files that need a process of their own (see `test.projects`). */
const OWN_PROCESS = ['tests/unit/dates.test.ts', 'tests/unit/first-screen.test.ts']

export default defineConfig({
  // Every URL in the build is relative and the router keeps its place after the '#', so the
  // same dist/ works at a server's root or under any sub-path (/hr/gaplens/), on a plain
  // static server with no rewrite rules: see the README's deployment section.
  base: './',
  plugins: [
    vue(),
    contentSecurityPolicy(),
    preloadStandards(),
    firstScreen(),
    compileWhole(),
    catalogue(),
    VitePWA({
      // A new version waits for the person to accept it: the page never reloads under them.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png', 'robots.txt'],
      manifest: {
        name: 'GapLens 職能落差自評',
        short_name: 'GapLens',
        description: '依職能基準自我評估，找出能力落差。Competency gap self-assessment.',
        lang: 'zh-Hant-TW',
        // Relative to the manifest, so the installed app opens wherever dist/ was copied.
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f4f6f8',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Every bundled standard is precached with the app, so all of it loads offline, and so
        // is the catalogue's index; the catalogue's standards (over 800 files) are not.
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,txt}'],
        globIgnores: ['catalogue/standards/**'],
        // A catalogue standard is cached when it is first opened (or when a person makes them
        // all available offline, which fetches them into the same cache): its file name holds
        // a fingerprint of its content, so a cached copy is never stale.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && url.pathname.includes('/catalogue/standards/'),
            handler: 'CacheFirst',
            options: { cacheName: CATALOGUE_CACHE },
          },
        ],
        // Routes live after the '#': every page of the app is index.html.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  preview: { headers: SECURITY_HEADERS },
  // Module workers, so a worker shares the app's chunks and imports.
  worker: { format: 'es' },
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  build: {
    target: 'es2022',
    // Standards are fetched as files, never inlined into the bundle.
    assetsInlineLimit: 0,
  },
  test: {
    // One worker more than the cores: the component tests wait on IndexedDB and timers as much
    // as they compute (the default, a core less, leaves one of two cores idle).
    maxWorkers: Math.min(availableParallelism() + 1, 8),
    // A test waits on what the page shows (tests/components/helpers.ts: until), never on a set
    // time: on a loaded machine that can take seconds, so a test's limit is generous.
    testTimeout: 30_000,
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts'],
          exclude: OWN_PROCESS,
          // Each file in a fresh context of a worker kept between files: the libraries and the
          // DOM are loaded once per worker rather than once per file (about half the time).
          pool: 'vmThreads',
        },
      },
      {
        extends: true,
        // Files that change the process itself (its time zone) or load Vite within it.
        test: { name: 'own process', include: OWN_PROCESS, pool: 'forks' },
      },
    ],
  },
})
