/**
 * The catalogue's conversion at build time: reads ../shared/catalogue/ (the parsed iCAP
 * standards), converts every file with src/domain/catalogue, and writes the index and one file
 * per standard to .catalogue/ (gitignored). A later build reuses that output while it is fresh:
 * while neither the source files, the app's domain code (which the conversion and its check
 * are) nor the bundled standards have changed.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { buildCatalogue, type BundledMatch } from '../../src/domain/catalogue/batch'
import { CATALOGUE_INDEX_URL, catalogueIndex } from '../../src/domain/catalogue/entry'
import { describeReason } from '../../src/domain/catalogue/notes'
import { parseStandardFile } from '../../src/domain/standard/parse'
import type { Standard } from '../../src/domain/standard/schema'

/** Where the parsed standards are, beside the project (CI clones /work/shared as ../shared). */
export function sourceDir(root: string): string {
  return resolve(
    root,
    process.env.GAPLENS_CATALOGUE_SOURCE ?? '../shared/catalogue/competencywizard-parsed',
  )
}

/** Where the conversion writes: files/ mirrors the build's paths (catalogue/index.json …). */
export function outputDir(root: string): string {
  return resolve(root, process.env.GAPLENS_CATALOGUE_OUT ?? '.catalogue')
}

export interface CatalogueReport {
  /** Whether the source folder was there; without it the catalogue is empty. */
  found: boolean
  source: string
  files: number
  converted: number
  /** Converted files a bundled standard answers for (not written twice). */
  matched: BundledMatch[]
  leftOut: { file: string; kind: string; reason: string }[]
  /** The whole conversion, reading included, in ms (0 where a fresh output was reused). */
  ms: number
  reused: boolean
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

function bundledStandards(root: string): Standard[] {
  const dir = join(root, 'data/standards')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const read = parseStandardFile(f, readFileSync(join(dir, f), 'utf8'))
      return read.ok ? [read.value] : []
    })
}

/** What the output depends on: the source texts, the domain code, the bundled standards. */
function stampOf(root: string, sources: { file: string; text: string }[]): string {
  const hash = createHash('sha256')
  for (const { file, text } of sources) hash.update(`${file}\0${text}\0`)
  for (const dir of ['src/domain', 'data/standards']) {
    for (const file of listFiles(join(root, dir)).sort())
      hash.update(`${relative(root, file)}\0`).update(readFileSync(file))
  }
  return hash.digest('hex')
}

function write(out: string, path: string, text: string): void {
  const target = join(out, 'files', path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, text)
}

/**
 * Converts the catalogue into .catalogue/, or reuses what is there when it is fresh (unless
 * `force`). Without the source folder the catalogue is an empty index, and the report says so.
 */
export function ensureCatalogue(root: string, force = false): CatalogueReport {
  const dir = sourceDir(root)
  const out = outputDir(root)
  const started = performance.now()
  const found = existsSync(dir)
  const sources = found
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
    : []
  const stamp = stampOf(root, sources)
  const stampFile = join(out, 'stamp.txt')
  const reportFile = join(out, 'report.json')
  if (
    !force &&
    existsSync(stampFile) &&
    existsSync(reportFile) &&
    readFileSync(stampFile, 'utf8') === stamp
  ) {
    const kept = JSON.parse(readFileSync(reportFile, 'utf8')) as CatalogueReport
    return { ...kept, ms: 0, reused: true }
  }

  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const build = found ? buildCatalogue(sources, bundledStandards(root)) : null
  write(out, CATALOGUE_INDEX_URL, JSON.stringify(build?.index ?? catalogueIndex([], [], 0)))
  for (const file of build?.files ?? []) write(out, file.path, file.text)
  const report: CatalogueReport = {
    found,
    source: relative(root, dir),
    files: sources.length,
    converted: build?.converted ?? 0,
    matched: build?.matched ?? [],
    leftOut: (build?.index.leftOut ?? []).map((l) => ({
      file: l.file,
      kind: l.reason.kind,
      reason: describeReason(l.reason),
    })),
    ms: Math.round(performance.now() - started),
    reused: false,
  }
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(stampFile, stamp)
  return report
}

/** Every file the build serves, as its path (catalogue/…) and where it is on disk. */
export function outputFiles(root: string): { path: string; disk: string }[] {
  const files = join(outputDir(root), 'files')
  if (!existsSync(files)) return []
  return listFiles(files).map((disk) => ({
    path: relative(files, disk).split('\\').join('/'),
    disk,
  }))
}

/** The report as lines a person reads at the end of a build or of `npm run catalogue`. */
export function describeReport(report: CatalogueReport): string[] {
  if (!report.found)
    return [`catalogue: ${report.source} not found, so the catalogue is empty (the app says so).`]
  const lines = [
    `catalogue: ${report.converted} of ${report.files} files converted` +
      (report.matched.length
        ? ` (${report.matched.length} answered by bundled standards: ${report.matched.map((m) => m.bundledId).join(', ')})`
        : '') +
      `, ${report.leftOut.length} left out` +
      (report.reused ? ' (reused .catalogue/, unchanged)' : ` in ${report.ms} ms`) +
      '.',
  ]
  for (const l of report.leftOut) lines.push(`  left out: ${l.file}: ${l.reason}`)
  return lines
}
