/**
 * Writes N realistic assessment files for a cohort: seeded, so a test, the bench and a person
 * at the command line get the same files from the same seed. People have departments and job
 * titles, an ability of their own and items a difficulty of their own, so ratings spread as in
 * a real team; some items are n/a, some people stopped before the end, some files carry a
 * supervisor's review; optionally some files are broken, each with the problem the app must
 * refuse it for.
 *
 *   npx tsx tests/tools/generate-cohort.ts --standard TTM4221-002v4 --n 200 --seed 1 \
 *     [--broken 5] [--scale proficiency-5] [--out DIR]
 *
 * Without --out the files go to a new folder under the system's temporary folder. A folder
 * inside the repository is refused unless git ignores it: generated files are never committed.
 * The folder gets the files (*.gaplens.json) and manifest.json (the broken files' names and
 * reasons).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rateableItems, type RateableItem } from '../../src/domain/assessment/items'
import type { AssessmentRecord, ItemResponse } from '../../src/domain/assessment/records'
import { getScale, type ScaleId } from '../../src/domain/assessment/scales'
import {
  assessmentFileText,
  sealAssessmentFile,
  type AssessmentFileContent,
} from '../../src/domain/files/assessment-file'
import {
  assessmentBlock,
  fileContent,
  reviewBlock,
  selfRatingsOf,
  type ReviewItem,
  type StandardIdentity,
} from '../../src/domain/files/build'
import type { ProblemCode } from '../../src/domain/io/problems'
import { standardContentHash, standardVersion } from '../../src/domain/standard/identity'
import { parseStandardFile } from '../../src/domain/standard/parse'
import type { Standard } from '../../src/domain/standard/schema'

/** mulberry32: a tiny seeded generator, good enough to make test data (not for secrets). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number

/** A standard normal draw (Box–Muller). */
const normal = (random: Random) =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))

/** Departments, most people in the first ones, as in a company. */
const DEPARTMENTS = ['業務部', '業務部', '業務部', '客服部', '客服部', '票務部', '行銷部', '財務部']
/** Job titles and how far above a new hire each stands on average. */
const TITLES: readonly [string, number][] = [
  ['專員', 0],
  ['專員', 0],
  ['專員', 0],
  ['資深專員', 0.3],
  ['組長', 0.5],
  ['主任', 0.6],
  ['經理', 0.8],
]
const SURNAMES = [...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周']
const GIVEN = [...'志明美玲家豪怡君俊傑淑芬冠宇雅婷承恩宜蓁建宏佩珊柏翰欣怡']
const NOTES = ['曾於旺季獨立處理團體訂位。', '需要再練習。', '主管示範過一次。', '已完成內訓課程。']

export interface GenerateOptions {
  standard: Standard
  /** Valid files to write. */
  n: number
  seed: number
  scale?: ScaleId
  /** Broken files to add after the valid ones (cycling through the kinds below). */
  broken?: number
  /** Shares of people: with a review; stopped before the end. Of items: marked n/a. */
  reviewedShare?: number
  incompleteShare?: number
  naShare?: number
  /** The earliest moment an assessment starts; the cohort spans the following year. */
  start?: string
  /** Every file of this round (by default most are round 1, some round 2). */
  round?: number
  /** Items made harder for everyone by this many steps (a gap planted for a test). */
  harder?: Readonly<Record<string, number>>
}

export interface GeneratedFile {
  name: string
  text: string
}

export interface BrokenFile extends GeneratedFile {
  /** The problem the app's reader must report. */
  code: ProblemCode
  reason: string
}

export interface GeneratedCohort {
  files: GeneratedFile[]
  broken: BrokenFile[]
}

const DAY = 86_400_000

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = '89ab'[Math.floor(random() * 4)]!
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

interface Person {
  content: AssessmentFileContent
  name: string
}

function person(
  random: Random,
  i: number,
  options: Required<Omit<GenerateOptions, 'broken' | 'n' | 'seed' | 'round' | 'harder'>> &
    Pick<GenerateOptions, 'round'>,
  identity: StandardIdentity,
  difficulty: readonly number[],
  items: readonly RateableItem[],
): Person {
  const { standard, reviewedShare, incompleteShare, naShare } = options
  const scale = getScale(options.scale)
  const values = scale.steps.map((s) => s.value)
  const [jobTitle, seniority] = pick(random, TITLES)
  const name = `${pick(random, SURNAMES)}${pick(random, GIVEN)}${pick(random, GIVEN)}`
  const ability = normal(random) * 0.8 + seniority
  const created = Date.parse(options.start) + Math.floor(random() * 330) * DAY + random() * DAY
  const updated = created + random() * 10 * DAY
  const exported = updated + random() * DAY
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString()
  const stoppedEarly = random() < incompleteShare

  const responses = new Map<string, ItemResponse>()
  items.forEach((item, k) => {
    if (stoppedEarly && random() < 0.2) return
    const at = iso(created + random() * (updated - created))
    if (random() < naShare) {
      responses.set(item.key, { rating: 'na', note: '', evidence: '', updatedAt: at })
      return
    }
    // Around the target: "independent" on the five steps, the item's level on the six.
    const centre = scale.target.kind === 'fixed' ? scale.target.value - 0.6 : item.level - 0.6
    const value = Math.round(centre + ability - difficulty[k]! + normal(random) * 0.6)
    responses.set(item.key, {
      rating: clamp(value, values[0]!, values.at(-1)!),
      note: random() < 0.05 ? pick(random, NOTES) : '',
      evidence: '',
      updatedAt: at,
    })
  })

  const record: AssessmentRecord = {
    id: uuid(random),
    standardId: standard.id,
    title: `${name}・${standard.title}`,
    subject: {
      name,
      employeeId: `E${String(i + 1).padStart(5, '0')}`,
      department: pick(random, DEPARTMENTS),
      jobTitle,
    },
    scaleId: scale.id,
    targets: { duties: {}, tasks: {} },
    round: random() < 0.8 ? 1 : 2,
    ...(options.round === undefined ? {} : { round: options.round }),
    previousId: null,
    createdAt: iso(created),
    updatedAt: iso(updated),
    lastItemKey: null,
  }
  const order = items.map((item) => item.key)
  let review = null
  if (random() < reviewedShare) {
    const reviewed = updated + random() * 5 * DAY
    const ratings = new Map<string, ReviewItem>()
    for (const [key, own] of responses) {
      if (typeof own.rating !== 'number' || random() < 0.3) continue
      // A supervisor mostly agrees, rates a little lower on average, and now and then differs
      // by two steps or more (the flag).
      const value = clamp(
        Math.round(own.rating - 0.2 + normal(random) * 0.8),
        values[0]!,
        values.at(-1)!,
      )
      ratings.set(key, {
        rating: random() < 0.02 ? 'na' : value,
        comment: '',
        updatedAt: iso(reviewed),
      })
    }
    review = reviewBlock(
      {
        reviewer: { name: `${pick(random, SURNAMES)}主管`, jobTitle: '經理' },
        comment: '',
        startedAt: iso(updated + DAY),
        updatedAt: iso(reviewed + DAY),
      },
      ratings,
      order,
    )
  }
  const content = fileContent(
    identity,
    assessmentBlock(record, selfRatingsOf(responses, order)),
    review,
    iso(review ? Date.parse(review.updatedAt) + 3_600_000 : exported),
  )
  return { content, name }
}

/** The kinds of broken file, in turn: each is made from one more valid file. */
const BREAKERS: readonly {
  code: ProblemCode
  reason: string
  name: string
  make: (content: AssessmentFileContent, text: string) => Promise<string> | string
}[] = [
  {
    code: 'not-json',
    reason: 'cut off half way: not JSON',
    name: 'truncated',
    make: (_c, text) => text.slice(0, Math.floor(text.length / 2)),
  },
  {
    code: 'integrity-mismatch',
    reason: 'a rating changed in a text editor after export',
    name: 'edited',
    make: (_c, text) =>
      text.replace(/"rating": (\d)/, (_m, d: string) => `"rating": ${d === '1' ? 2 : 1}`),
  },
  {
    code: 'version-newer',
    reason: 'format version 3, from a newer app',
    name: 'newer-version',
    make: (_c, text) => text.replace('"formatVersion": 2', '"formatVersion": 3'),
  },
  {
    code: 'unknown-item',
    reason: 'an item code the standard does not have (K999), sealed again',
    name: 'unknown-item',
    make: async (content) => {
      const changed = structuredClone(content)
      changed.assessment.ratings[0]!.item = 'K999'
      return assessmentFileText(await sealAssessmentFile(changed))
    },
  },
]

/** N valid files (and `broken` broken ones) for one standard, the same for the same seed. */
export async function generateCohort(options: GenerateOptions): Promise<GeneratedCohort> {
  const full = {
    scale: 'proficiency-5' as ScaleId,
    reviewedShare: 0.3,
    incompleteShare: 0.2,
    naShare: 0.03,
    start: '2026-01-05T01:00:00.000Z',
    ...options,
  }
  const { standard, n, seed } = full
  const random = mulberry32(seed)
  const items = rateableItems(standard)
  // Some items are harder for everyone: the common gaps a trainer should find.
  const difficulty = items.map((item) => normal(random) * 0.7 + (options.harder?.[item.key] ?? 0))
  const identity: StandardIdentity = {
    id: standard.id,
    code: standard.code,
    version: standardVersion(standard),
    title: standard.title,
    contentHash: await standardContentHash(standard),
  }
  const brokenCount = options.broken ?? 0
  const width = String(n + brokenCount).length
  const fileName = (i: number, label: string) =>
    `${String(i + 1).padStart(width, '0')}-${label}.gaplens.json`

  const files: GeneratedFile[] = []
  for (let i = 0; i < n; i++) {
    const { content, name } = person(random, i, full, identity, difficulty, items)
    files.push({
      name: fileName(i, name),
      text: assessmentFileText(await sealAssessmentFile(content)),
    })
  }
  const broken: BrokenFile[] = []
  for (let b = 0; b < brokenCount; b++) {
    const i = n + b
    const { content } = person(random, i, full, identity, difficulty, items)
    // An unrated file has no rating to edit: rate its first item so every breaker applies.
    if (!content.assessment.ratings.some((r) => typeof r.rating === 'number'))
      content.assessment.ratings.unshift({
        item: items[0]!.key,
        rating: 3,
        note: '',
        evidence: '',
        updatedAt: content.assessment.updatedAt,
      })
    const text = assessmentFileText(await sealAssessmentFile(content))
    const breaker = BREAKERS[b % BREAKERS.length]!
    broken.push({
      name: fileName(i, `broken-${breaker.name}`),
      text: await breaker.make(content, text),
      code: breaker.code,
      reason: breaker.reason,
    })
  }
  return { files, broken }
}

/** A seed standard from data/standards, checked as the app checks it. */
export function loadSeedStandard(id: string): Standard {
  const path = `data/standards/${id}.json`
  const parsed = parseStandardFile(path, readFileSync(path, 'utf8'))
  if (!parsed.ok) throw new Error(`${path} does not load`)
  return parsed.value
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}

/** Refuses a folder inside the repository that git does not ignore. */
export function checkOutside(out: string): void {
  const inside = relative(process.cwd(), out)
  if (inside.startsWith('..') || isAbsolute(inside)) return
  try {
    execFileSync('git', ['check-ignore', '-q', out], { stdio: 'ignore' })
  } catch {
    throw new Error(`${out} is inside the repository and not ignored by git: choose another --out`)
  }
}

async function main(args: string[]): Promise<void> {
  const standard = loadSeedStandard(argument(args, 'standard') ?? 'TTM4221-002v4')
  const n = Number(argument(args, 'n') ?? 200)
  const seed = Number(argument(args, 'seed') ?? 1)
  const broken = Number(argument(args, 'broken') ?? 0)
  const scale = (argument(args, 'scale') ?? 'proficiency-5') as ScaleId
  const given = argument(args, 'out')
  const out = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'gaplens-cohort-'))
  checkOutside(out)
  mkdirSync(out, { recursive: true })
  const cohort = await generateCohort({ standard, n, seed, broken, scale })
  for (const file of [...cohort.files, ...cohort.broken])
    writeFileSync(join(out, file.name), file.text)
  const manifest = {
    standard: standard.id,
    n,
    seed,
    scale,
    broken: cohort.broken.map(({ name, code, reason }) => ({ name, code, reason })),
  }
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  console.log(`${cohort.files.length} files and ${cohort.broken.length} broken ones in ${out}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
