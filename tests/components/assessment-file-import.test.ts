/**
 * The import of assessment files, through the store the pages use: a corpus of malformed files
 * each refused with its own message, and a seeded fuzz of a valid file. Refused files write
 * nothing.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { useFilesStore, type OpenOutcome } from '@/stores/files'
import { assessmentFileText } from '@/domain/files/assessment-file'
import { problemsOf } from '@/domain/io/problems'
import { describeFailure } from '@/i18n/problems'
import { freshDatabase, freshPinia } from './helpers'
import { makeAssessmentFile } from '../fixtures/assessment-file'

const database = freshDatabase()
const DIR = 'tests/fixtures/assessment-files'

interface Expected {
  name: string
  about: string
  code: string
  says: string
  passphrase?: string
}
const corpus = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected[]

function fileOf(name: string, text: string) {
  const bytes = new TextEncoder().encode(text)
  return { name, size: bytes.length, text: () => Promise.resolve(text) }
}

async function tableSizes() {
  const db = database()
  return Promise.all([db.reviews.count(), db.reviewRatings.count(), db.receivedReviews.count()])
}

/** The message of a refusal in both languages; fails the test on any other outcome. */
function messages(outcome: OpenOutcome): { zh: string; en: string } {
  if (outcome.ok !== false) throw new Error(`expected a refusal, got ${String(outcome.ok)}`)
  return { zh: describeFailure(outcome, 'zh-TW'), en: describeFailure(outcome, 'en') }
}

beforeEach(async () => {
  await freshPinia()
})

describe('a corpus of malformed assessment files', () => {
  it('holds at least 40 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40)
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length)
  })

  it.each(corpus.map((c) => [c.name, c] as const))(
    '%s is refused with its message',
    async (_name, c) => {
      const text = readFileSync(join(DIR, c.name), 'utf8')
      const outcome = await useFilesStore().open(fileOf(c.name, text), 'review', c.passphrase)
      const { zh, en } = messages(outcome)
      if (outcome.ok === false) expect(problemsOf(outcome).map((p) => p.code)).toContain(c.code)
      expect(zh).toContain(c.says)
      // In the person's words: no schema path, no English in the Chinese sentence's place.
      for (const text of [zh, en])
        expect(text).not.toMatch(/assessment\.ratings|Invalid input|[a-z]\.\d+\./)
      expect(en).not.toMatch(/[\u4e00-\u9fff]{2,}：/)
      expect(await tableSizes()).toEqual([0, 0, 0])
    },
  )
})

/** A small seeded generator (mulberry32): the same mutations on every run. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Node = Record<string, unknown> | unknown[]
function containers(value: unknown, found: Node[] = []): Node[] {
  if (typeof value === 'object' && value !== null) {
    found.push(value as Node)
    for (const child of Object.values(value)) containers(child, found)
  }
  return found
}

describe('a seeded fuzz of a valid file', () => {
  it('1,000 mutations each import as a valid file or are refused with a message; none throws, none writes when refused', async () => {
    const valid = assessmentFileText(await makeAssessmentFile())
    const next = random(20261129)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
    const strange = [
      null,
      true,
      0,
      -1,
      1e308,
      '',
      'x'.repeat(100_000),
      [],
      {},
      'na',
      7,
      '__proto__',
    ]
    const mutations: Record<string, () => string> = {
      flipByte: () => {
        const bytes = new TextEncoder().encode(valid)
        const at = Math.floor(next() * bytes.length)
        bytes[at] = bytes[at]! ^ (1 << Math.floor(next() * 8))
        return new TextDecoder().decode(bytes)
      },
      truncate: () => valid.slice(0, Math.floor(next() * valid.length)),
      deleteField: () => {
        const raw = JSON.parse(valid) as unknown
        const objects = containers(raw).filter((n) => !Array.isArray(n)) as Record<
          string,
          unknown
        >[]
        const target = pick(objects)
        const keys = Object.keys(target)
        if (keys.length) delete target[pick(keys)]
        return JSON.stringify(raw)
      },
      swapFields: () => {
        const raw = JSON.parse(valid) as unknown
        const objects = containers(raw).filter((n) => !Array.isArray(n)) as Record<
          string,
          unknown
        >[]
        const target = pick(objects)
        const keys = Object.keys(target)
        if (keys.length > 1) {
          const [a, b] = [pick(keys), pick(keys)]
          ;[target[a], target[b]] = [target[b], target[a]]
        }
        return JSON.stringify(raw)
      },
      wrongType: () => {
        const raw = JSON.parse(valid) as unknown
        const target = pick(containers(raw)) as Record<string, unknown>
        const keys = Object.keys(target)
        if (keys.length) target[pick(keys)] = pick(strange)
        return JSON.stringify(raw)
      },
      hugeString: () => valid.replace('還在學', 'x'.repeat(1_000_000)),
      deepNesting: () => {
        const depth = 10 + Math.floor(next() * 3000)
        return valid.replace('"review": null', `"review": ${'['.repeat(depth)}${']'.repeat(depth)}`)
      },
      injectKey: () =>
        valid.replace(
          '"subject": {',
          `"subject": { "${pick(['__proto__', 'constructor', 'prototype'])}": {"x": 1},`,
        ),
    }
    const kinds = Object.keys(mutations)
    const counts = { imported: 0, refused: 0 }
    for (let i = 0; i < 1000; i++) {
      const kind = kinds[i % kinds.length]!
      const text = mutations[kind]!()
      const before = await tableSizes()
      let outcome: OpenOutcome
      try {
        outcome = await useFilesStore().open(fileOf(`fuzz-${i}.gaplens.json`, text), 'review')
      } catch (error) {
        throw new Error(`mutation ${i} (${kind}) threw: ${String(error)}`)
      }
      if (outcome.ok === true) {
        counts.imported++
        continue
      }
      counts.refused++
      expect(outcome.ok, `mutation ${i} (${kind})`).toBe(false)
      const { zh, en } = messages(outcome)
      expect(zh.length, `mutation ${i} (${kind})`).toBeGreaterThan(0)
      expect(en.length).toBeGreaterThan(0)
      expect(await tableSizes(), `mutation ${i} (${kind}) wrote`).toEqual(before)
    }
    expect(counts.imported + counts.refused).toBe(1000)
    // Most mutations break the file; a few (a flip inside a base64-free text…) cannot be told.
    expect(counts.refused).toBeGreaterThan(900)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  }, 120_000)
})
