/**
 * The catalogue in the build and on the dev server: converted (or reused while fresh) when a
 * build or the dev server starts, then emitted as static files (catalogue/index.json and
 * catalogue/standards/*.json) or served from .catalogue/. The converted files are never
 * committed: every build makes them from ../shared/catalogue/.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { describeReport, ensureCatalogue, outputFiles } from './output'
import { CATALOGUE_INDEX_URL } from '../../src/domain/catalogue/entry'

export function catalogue(): Plugin {
  let root = process.cwd()
  let served = new Map<string, string>()
  const prepare = () => {
    const report = ensureCatalogue(root)
    // The count here; `npm run catalogue` lists each file left out, with its reason.
    const [summary, ...leftOut] = describeReport(report)
    console.log(leftOut.length ? `${summary} (npm run catalogue lists them)` : summary)
    served = new Map(outputFiles(root).map((f) => [`/${f.path}`, f.disk]))
  }
  return {
    name: 'gaplens:catalogue',
    // Unit tests read the domain code directly; they never need the converted files.
    apply: () => !process.env.VITEST,
    configResolved(config) {
      root = config.root
    },
    buildStart() {
      prepare()
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '')
        const disk = served.get(path)
        if (!disk) return next()
        response.setHeader('Content-Type', 'application/json; charset=utf-8')
        response.end(readFileSync(disk))
      })
    },
    generateBundle() {
      // The index goes through the bundle (and into the service worker's precache list).
      const index = outputFiles(root).find((f) => f.path === CATALOGUE_INDEX_URL)
      if (index)
        this.emitFile({ type: 'asset', fileName: index.path, source: readFileSync(index.disk) })
    },
    writeBundle(options) {
      // The standards' 800-odd files are copied beside it, unlisted: the build's report of its
      // files stays readable, and nothing is gzipped to be measured. The service worker leaves
      // them out of its precache (vite.config.ts) and caches each when it is first opened.
      const out = options.dir ?? resolve(root, 'dist')
      let n = 0
      for (const file of outputFiles(root)) {
        if (file.path === CATALOGUE_INDEX_URL) continue
        mkdirSync(dirname(join(out, file.path)), { recursive: true })
        copyFileSync(file.disk, join(out, file.path))
        n++
      }
      console.log(`catalogue: ${n} standard files copied to ${relative(root, out)}/catalogue/`)
    },
  }
}
