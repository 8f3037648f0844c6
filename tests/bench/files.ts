/**
 * Assessment files, export and import, on the larger seed standard with every item rated and a
 * note on every fifth: the app's own domain code (build, seal, protect; open, unlock, check) in
 * Node, whose WebCrypto and JSON are the same engines as Chromium's. Storage is left out: a
 * file is one record (plus one per reviewed item), written in one transaction.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { rateableItems } from '@/domain/assessment/items'
import type { AssessmentRecord, ItemResponse } from '@/domain/assessment/records'
import { assessmentFileText, sealAssessmentFile } from '@/domain/files/assessment-file'
import { assessmentBlock, fileContent, selfRatingsOf } from '@/domain/files/build'
import { readAssessmentText } from '@/domain/files/read'
import { protect } from '@/domain/io/protect'
import { standardContentHash, standardVersion } from '@/domain/standard/identity'
import { parseStandardFile } from '@/domain/standard/parse'
import type { Standard } from '@/domain/standard/schema'
import type { BenchResults } from './results'

const RUNS = 7
const STANDARDS = ['TTM4221-002v4', 'THM3514-lodging-ecommerce']

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** Each seed standard in turn; the figures are the slower standard's. */
export async function fileBenchmarks(results: BenchResults): Promise<void> {
  const slowest = { export: 0, import: 0, encrypted: 0 }
  for (const id of STANDARDS) {
    const figures = await fileBenchmark(id, results)
    slowest.export = Math.max(slowest.export, figures.export)
    slowest.import = Math.max(slowest.import, figures.import)
    slowest.encrypted = Math.max(slowest.encrypted, figures.encrypted)
  }
  results.figure('export_ms', slowest.export)
  results.figure('import_ms', slowest.import)
  results.figure('import_encrypted_ms', slowest.encrypted)
}

async function fileBenchmark(
  id: string,
  results: BenchResults,
): Promise<{ export: number; import: number; encrypted: number }> {
  const parsed = parseStandardFile(`${id}.json`, readFileSync(`data/standards/${id}.json`, 'utf8'))
  if (!parsed.ok) throw new Error(`${id} does not load`)
  const standard: Standard = parsed.value
  const items = rateableItems(standard)
  const at = '2026-11-24T02:00:00.000Z'
  const responses = new Map<string, ItemResponse>(
    items.map((item, i) => [
      item.key,
      {
        rating: i % 11 === 0 ? 'na' : (i % 5) + 1,
        note: i % 5 === 0 ? '曾於 2025 年旺季獨立處理團體訂位與客訴，主管肯定。' : '',
        evidence: '',
        updatedAt: at,
      },
    ]),
  )
  const record: AssessmentRecord = {
    id: 'bench',
    standardId: standard.id,
    title: `王小明・${standard.title}・2026-11-24`,
    subject: { name: '王小明', employeeId: 'E01', department: '票務部', jobTitle: '專員' },
    scaleId: 'proficiency-5',
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId: null,
    createdAt: at,
    updatedAt: at,
    lastItemKey: null,
  }
  const contentHash = await standardContentHash(standard)
  const identity = {
    id: standard.id,
    code: standard.code,
    version: standardVersion(standard),
    title: standard.title,
    contentHash,
  }
  const order = items.map((i) => i.key)
  const exportText = async () => {
    const content = fileContent(
      identity,
      assessmentBlock(record, selfRatingsOf(responses, order)),
      null,
      new Date().toISOString(),
    )
    return assessmentFileText(await sealAssessmentFile(content))
  }
  const text = await exportText()
  const passphrase = '正確的通關密語'
  const protectedText = JSON.stringify(await protect(text, passphrase), null, 2)
  const standardOf = (id: string) => (id === standard.id ? standard : undefined)
  const hashOf = () => Promise.resolve(contentHash)
  const importText = async (body: string, key?: string) => {
    const read = await readAssessmentText('bench.gaplens.json', body, standardOf, hashOf, key)
    if (read.ok !== true) throw new Error('the bench file was refused')
  }

  const condition = `${id}, ${items.length} items, ${(text.length / 1024).toFixed(0)} KiB, Node, median of ${RUNS}`
  const exportMs = await timed(exportText)
  const importMs = await timed(() => importText(text))
  const encryptedMs = await timed(() => importText(protectedText, passphrase))
  results.row(
    'export an assessment file',
    `${condition}: build, canonical JSON, SHA-256`,
    `${exportMs.toFixed(1)} ms`,
  )
  results.row(
    'import an assessment file',
    `${condition}: parse, integrity, schema, items`,
    `${importMs.toFixed(1)} ms`,
  )
  results.row(
    'import a protected file',
    `${condition}: + PBKDF2 600,000 rounds, AES-GCM`,
    `${encryptedMs.toFixed(1)} ms`,
  )
  return { export: exportMs, import: importMs, encrypted: encryptedMs }
}
