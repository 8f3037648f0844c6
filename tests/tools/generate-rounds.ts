/**
 * Two rounds of a cohort with a planted training effect, for the trainer's plan and outcome
 * tests: N people rated in round 1 (the generator's files, some items made harder for everyone
 * so many people fall short on them), then the same people in round 2, rated as before on
 * every item but the planted ones, which each person who was below target now meets. A course
 * covering the planted items therefore closes their gap and nothing else moves.
 *
 *   npx tsx tests/tools/generate-rounds.ts --standard TTM4221-002v4 --n 100 --seed 21 \
 *     --planted K20,S17 [--out DIR]
 *
 * Seeded: the same options give the same files. Generated files are never committed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rateableItems } from '../../src/domain/assessment/items'
import { targetResolver } from '../../src/domain/assessment/gaps'
import { getScale } from '../../src/domain/assessment/scales'
import {
  assessmentFileText,
  sealAssessmentFile,
  type AssessmentFile,
  type AssessmentFileContent,
} from '../../src/domain/files/assessment-file'
import {
  checkOutside,
  generateCohort,
  loadSeedStandard,
  mulberry32,
  type GenerateOptions,
  type GeneratedFile,
} from './generate-cohort'

export interface RoundsOptions extends Omit<GenerateOptions, 'round' | 'harder' | 'broken'> {
  /** The items a course will close: made harder in round 1, met in round 2 by all below. */
  planted: readonly string[]
}

export interface GeneratedRounds {
  round1: GeneratedFile[]
  round2: GeneratedFile[]
}

const DAY = 86_400_000
const later = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * DAY).toISOString().replace(/\.\d{3}Z$/, '.000Z')

/** A uuid from the seeded generator (a round 2 assessment is a new assessment). */
function uuid(random: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  h[12] = '4'
  const x = h.join('')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-a${x.slice(17, 20)}-${x.slice(20)}`
}

/** Round 1 and round 2 of the same people, with the planted items' gaps closed in round 2. */
export async function generateRounds(options: RoundsOptions): Promise<GeneratedRounds> {
  const { standard, planted } = options
  const harder = Object.fromEntries(planted.map((code) => [code, 1.6]))
  const { files } = await generateCohort({ ...options, round: 1, harder, broken: 0 })
  const scale = getScale(options.scale ?? 'proficiency-5')
  const random = mulberry32(options.seed + 1)
  const items = new Map(rateableItems(standard).map((item) => [item.key, item]))
  const round2: GeneratedFile[] = []
  for (const file of files) {
    const { integrity: _integrity, ...content } = JSON.parse(file.text) as AssessmentFile
    const targetOf = targetResolver(standard, scale, content.assessment.targets)
    const at = later(content.assessment.updatedAt, 180)
    const next: AssessmentFileContent = {
      ...content,
      exportedAt: later(at, 1),
      assessment: {
        ...content.assessment,
        id: uuid(random),
        round: 2,
        createdAt: at,
        updatedAt: at,
        plan: [],
        ratings: content.assessment.ratings.map((r) => {
          const item = items.get(r.item)
          if (!planted.includes(r.item) || !item || typeof r.rating !== 'number') return r
          const target = targetOf(item)
          return r.rating < target ? { ...r, rating: target, updatedAt: at } : r
        }),
      },
      review: null,
    }
    round2.push({
      name: file.name.replace(/\.gaplens\.json$/, '-round2.gaplens.json'),
      text: assessmentFileText(await sealAssessmentFile(next)),
    })
  }
  return { round1: files, round2 }
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}

async function main(args: string[]): Promise<void> {
  const standard = loadSeedStandard(argument(args, 'standard') ?? 'TTM4221-002v4')
  const n = Number(argument(args, 'n') ?? 100)
  const seed = Number(argument(args, 'seed') ?? 21)
  const planted = (argument(args, 'planted') ?? 'K20,S17').split(',')
  const given = argument(args, 'out')
  const out = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'gaplens-rounds-'))
  checkOutside(out)
  mkdirSync(out, { recursive: true })
  const { round1, round2 } = await generateRounds({ standard, n, seed, planted })
  for (const file of [...round1, ...round2]) writeFileSync(join(out, file.name), file.text)
  console.log(`${round1.length} + ${round2.length} files (planted ${planted.join(', ')}) in ${out}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
