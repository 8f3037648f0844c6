import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4173)
// Several runs side by side (a second checkout, a benchmark) each serve their own build folder
// and keep their own artifacts.
const dist = process.env.E2E_DIST ?? 'dist'
const out = process.env.E2E_OUT ?? 'test-results'

/**
 * Browser tests run against the production build (`vite build`, then `vite preview`), in the
 * Chromium the machine has: nothing is downloaded.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: `../../${out}/e2e`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Each test also runs axe on its last screen, which takes seconds on a long page.
  timeout: 90_000,
  // A CI machine with two cores runs two browsers: give a page the time a loaded machine needs.
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [
    ['list'],
    ['json', { outputFile: `../../${out}/playwright.json` }],
    ['./timing-reporter.ts'],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    locale: 'zh-TW',
    // The service worker precaches the whole app on a page's first load: only the tests of
    // offline use and of deploying need it (they allow it), the rest start without it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    // Each test also runs axe on its last screen, which takes seconds on a long page.
    timeout: 90_000,
  },
})
