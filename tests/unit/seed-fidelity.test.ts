/**
 * The bundled standards (data/standards/*.json) say what their sources say.
 *
 * Every expectation here is read from the seed text (shared/seeds/*.txt, the PDF extractions
 * the JSON was transcribed from) by the small parser in ./seed-text, never from the JSON: codes,
 * counts, texts, levels, the attitude matrix and the footnotes. Texts are compared once layout
 * is gone (white space, HTML tags, footnote marks and their ^{…} wrappers; see `normalize`).
 *
 * The few places where the seed itself is broken are listed per standard in CASES, each with
 * the reason; the JSON records the same judgements in its `editorial` list.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Standard } from '@/domain/standard/schema'
import {
  footnoteMarks,
  normalize,
  parseSeed,
  taskOfCode,
  type SeedItem,
  type SeedMark,
  type SeedStandard,
} from './seed-text'

interface Case {
  /** The JSON file in data/standards/. */
  json: string
  /** The seed text in shared/seeds/. */
  seed: string
  /**
   * Output codes mistyped in the seed → the code the JSON uses. The parser still reads them as
   * outputs (its output pattern allows a missing last dot).
   */
  outputCodeFixes: Record<string, string>
  /** Tasks whose 職能級別 cell is empty in the seed: the JSON picks a level and says so. */
  emptyLevelTasks: string[]
  /** `${task} ${column}` of the cells a page break split, joined again by the parser. */
  continuations: string[]
  /** Footnotes whose body a page break split over later lines, joined again by the parser. */
  continuedFootnotes: number[]
}

const CASES: Case[] = [
  {
    json: 'TTM4221-002v4.json',
    seed: '000_cfa054c06da8b3b9.txt',
    // The seed prints "O2.31" for the output of T2.3: a typo for O2.3.1, the only output of
    // T2.3 (documented editorial judgement).
    outputCodeFixes: { 'O2.31': 'O2.3.1' },
    // The 職能級別 cell of T2.1 is empty in the seed (documented editorial judgement).
    emptyLevelTasks: ['T2.1'],
    // O4.1.2 is split by a page break: "公司服務政" ends the T4.1 row and "策與服務標準流程"
    // sits alone on a row after the next page's header; the parser joins the two (documented
    // editorial judgement).
    continuations: ['T4.1 outputs'],
    continuedFootnotes: [],
  },
  {
    json: 'THM3514-lodging-ecommerce.json',
    seed: '004_3208f0be47afb425.txt',
    outputCodeFixes: {},
    emptyLevelTasks: [],
    continuations: [],
    // 【註7】 is split by a page break: its body ends "報章雜" and goes on with "誌、照片。" on a
    // later line; the parser joins the two (documented editorial judgement).
    continuedFootnotes: [7],
  },
]

const jsonCache = new Map<string, Standard>()
/** The JSON is read when a test runs, so a missing file fails the tests that need it. */
function loadStandard(file: string): Standard {
  const cached = jsonCache.get(file)
  if (cached) return cached
  const url = new URL(`../../data/standards/${file}`, import.meta.url)
  if (!existsSync(url)) throw new Error(`data/standards/${file} does not exist`)
  const standard = JSON.parse(readFileSync(url, 'utf8')) as Standard
  jsonCache.set(file, standard)
  return standard
}

const seedCache = new Map<string, SeedStandard>()
function loadSeed(file: string): SeedStandard {
  const cached = seedCache.get(file)
  if (cached) return cached
  const seed = parseSeed(
    readFileSync(new URL(`../../../shared/seeds/${file}`, import.meta.url), 'utf8'),
  )
  seedCache.set(file, seed)
  return seed
}

const tasksOf = (s: Standard) => s.duties.flatMap((d) => d.tasks)
const sorted = (codes: Iterable<string>) =>
  [...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
const textMap = (items: { code: string; text: string }[]) =>
  Object.fromEntries(items.map((i) => [i.code, normalize(i.text)]))

/** The seed's output code as the JSON writes it. */
function outputCode(c: Case, code: string): string {
  return c.outputCodeFixes[code] ?? code
}

/** The first occurrence of every code among the items (K and S items repeat over tasks). */
function firstOfEach(items: SeedItem[]): SeedItem[] {
  const seen = new Map<string, SeedItem>()
  for (const item of items) if (!seen.has(item.code)) seen.set(item.code, item)
  return [...seen.values()]
}

/** Everything the seed's tables hold, flattened. */
function seedItems(c: Case) {
  const seed = loadSeed(c.seed)
  const outputs = seed.rows.flatMap((r) =>
    r.outputs.map((o) => ({ code: outputCode(c, o.code), text: o.text })),
  )
  return {
    seed,
    outputs,
    indicators: seed.rows.flatMap((r) => r.indicators),
    knowledgeAll: seed.rows.flatMap((r) => r.knowledge),
    skillsAll: seed.rows.flatMap((r) => r.skills),
    knowledge: firstOfEach(seed.rows.flatMap((r) => r.knowledge)),
    skills: firstOfEach(seed.rows.flatMap((r) => r.skills)),
  }
}

for (const c of CASES) {
  const name = c.json.replace(/\.json$/, '')

  describe(`${name} against its seed ${c.seed}`, () => {
    it(`${name}: the seed reader finds every code of the seed in its place`, () => {
      const { seed, outputs, indicators, knowledgeAll, skillsAll } = seedItems(c)
      // Every code a plain regex finds anywhere in the text is one the table reader placed.
      expect(sorted(seed.rawCodes.duty), 'duty codes').toEqual(
        sorted(seed.duties.map((d) => d.code)),
      )
      expect(sorted(seed.rawCodes.task), 'task codes').toEqual(
        sorted(seed.rows.map((r) => r.task.code)),
      )
      expect(sorted(seed.rawCodes.output.map((o) => outputCode(c, o))), 'output codes').toEqual(
        sorted(outputs.map((o) => o.code)),
      )
      expect(sorted(seed.rawCodes.indicator), 'indicator codes').toEqual(
        sorted(indicators.map((p) => p.code)),
      )
      expect(sorted(seed.rawCodes.knowledge), 'K codes').toEqual(
        sorted(new Set(knowledgeAll.map((k) => k.code))),
      )
      expect(sorted(seed.rawCodes.skill), 'S codes').toEqual(
        sorted(new Set(skillsAll.map((k) => k.code))),
      )
      expect(sorted(seed.rawCodes.attitude), 'A codes').toEqual(
        sorted(seed.attitudes.map((a) => a.code)),
      )

      // No code is defined twice; P and O codes sit in the row of the task their digits name.
      for (const list of [
        seed.duties,
        seed.rows.map((r) => r.task),
        outputs,
        indicators,
        seed.attitudes,
      ]) {
        const codes = list.map((i) => i.code)
        expect(
          codes.filter((code, i) => codes.indexOf(code) !== i),
          'codes defined twice',
        ).toEqual([])
      }
      const misplaced = seed.rows.flatMap((r) => [
        ...r.indicators
          .filter((p) => taskOfCode(p.code) !== r.task.code)
          .map((p) => `${p.code} in ${r.task.code}`),
        ...r.outputs
          .filter((o) => taskOfCode(outputCode(c, o.code)) !== r.task.code)
          .map((o) => `${o.code} in ${r.task.code}`),
      ])
      expect(misplaced, 'P/O codes outside the row of their task').toEqual([])
      // After the documented fixes every output code has the canonical shape.
      expect(outputs.map((o) => o.code).filter((code) => !/^O\d+\.\d+\.\d+$/.test(code))).toEqual(
        [],
      )
      expect(sorted(Object.keys(c.outputCodeFixes)), 'documented mistyped output codes').toEqual(
        sorted(seed.rawCodes.output.filter((code) => !/^O\d+\.\d+\.\d+$/.test(code))),
      )

      // A K or S item repeated over several tasks reads the same everywhere.
      const inconsistent = [...knowledgeAll, ...skillsAll]
        .filter((item) => {
          const first = [...knowledgeAll, ...skillsAll].find((i) => i.code === item.code)
          return first !== undefined && normalize(first.text) !== normalize(item.text)
        })
        .map((item) => item.code)
      expect(inconsistent, 'K/S items whose text differs between tasks').toEqual([])

      // Page breaks: only the documented split cells and footnotes were joined.
      expect(
        seed.continuations.map((k) => `${k.task} ${k.column}`),
        'joined cells',
      ).toEqual(c.continuations)
      expect(
        seed.footnotes.filter((f) => f.continued).map((f) => f.n),
        'joined footnotes',
      ).toEqual(c.continuedFootnotes)
    })

    it(`${name}: the counts of duties, tasks, outputs, indicators, K, S, A and footnotes equal the seed`, () => {
      const { seed, outputs, indicators, knowledge, skills } = seedItems(c)
      const json = loadStandard(c.json)
      const counts = {
        duties: seed.duties.length,
        tasks: seed.rows.length,
        outputs: outputs.length,
        indicators: indicators.length,
        knowledge: knowledge.length,
        skills: skills.length,
        attitudes: seed.attitudes.length,
        footnotes: seed.footnotes.length,
      }
      const tasks = tasksOf(json)
      expect({
        duties: json.duties.length,
        tasks: tasks.length,
        outputs: tasks.flatMap((t) => t.outputs).length,
        indicators: tasks.flatMap((t) => t.indicators).length,
        knowledge: json.knowledge.length,
        skills: json.skills.length,
        attitudes: json.attitudes.length,
        footnotes: json.footnotes.length,
      }).toEqual(counts)
    })

    it(`${name}: every task has the seed's indicators and outputs`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      // By the codes' digits (P1.2.x and O1.2.x belong to T1.2), over every code in the text.
      const byTask = (codes: string[]) =>
        Object.fromEntries(
          seed.rows.map((r) => [
            r.task.code,
            codes.filter((code) => taskOfCode(code) === r.task.code),
          ]),
        )
      const seedIndicators = byTask(seed.rawCodes.indicator)
      const seedOutputs = byTask(seed.rawCodes.output.map((o) => outputCode(c, o)))
      const count = (m: Record<string, string[]>) =>
        Object.fromEntries(Object.entries(m).map(([task, codes]) => [task, codes.length]))

      const tasks = tasksOf(json)
      const jsonIndicators = Object.fromEntries(
        tasks.map((t) => [t.code, t.indicators.map((p) => p.code)]),
      )
      const jsonOutputs = Object.fromEntries(
        tasks.map((t) => [t.code, t.outputs.map((o) => o.code)]),
      )
      expect(count(jsonIndicators), 'indicators per task').toEqual(count(seedIndicators))
      expect(count(jsonOutputs), 'outputs per task').toEqual(count(seedOutputs))
      expect(jsonIndicators, 'indicator codes per task, in order').toEqual(seedIndicators)
      expect(jsonOutputs, 'output codes per task, in order').toEqual(seedOutputs)
      // And the tasks sit under the seed's duties, in the seed's order.
      expect(
        Object.fromEntries(json.duties.map((d) => [d.code, d.tasks.map((t) => t.code)])),
        'tasks per duty',
      ).toEqual(
        Object.fromEntries(
          seed.duties.map((d) => [
            d.code,
            seed.rows.filter((r) => r.duty === d.code).map((r) => r.task.code),
          ]),
        ),
      )
    })

    it(`${name}: every duty and task title equals the seed`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      expect(
        textMap(json.duties.map((d) => ({ code: d.code, text: d.title }))),
        'duty titles by code',
      ).toEqual(textMap(seed.duties))
      expect(
        textMap(tasksOf(json).map((t) => ({ code: t.code, text: t.title }))),
        'task titles by code',
      ).toEqual(textMap(seed.rows.map((r) => r.task)))
    })

    it(`${name}: every output text equals the seed`, () => {
      const { outputs } = seedItems(c)
      const json = loadStandard(c.json)
      expect(textMap(tasksOf(json).flatMap((t) => t.outputs)), 'output texts by code').toEqual(
        textMap(outputs),
      )
    })

    it(`${name}: every indicator text equals the seed`, () => {
      const { indicators } = seedItems(c)
      const json = loadStandard(c.json)
      expect(
        textMap(tasksOf(json).flatMap((t) => t.indicators)),
        'indicator texts by code',
      ).toEqual(textMap(indicators))
    })

    it(`${name}: every K item text equals the seed`, () => {
      const { knowledge } = seedItems(c)
      expect(textMap(loadStandard(c.json).knowledge), 'K texts by code').toEqual(textMap(knowledge))
    })

    it(`${name}: every S item text equals the seed`, () => {
      const { skills } = seedItems(c)
      expect(textMap(loadStandard(c.json).skills), 'S texts by code').toEqual(textMap(skills))
    })

    it(`${name}: every attitude (name：description) equals the seed`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      expect(
        textMap(json.attitudes.map((a) => ({ code: a.code, text: `${a.name}：${a.description}` }))),
        'attitude texts by code',
      ).toEqual(textMap(seed.attitudes))
    })

    it(`${name}: every footnote body equals the seed`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      expect(
        json.footnotes.map((f) => f.n),
        'footnote numbers, in order',
      ).toEqual(json.footnotes.map((_, i) => i + 1))
      const bodies = (notes: { n: number; text: string }[]) =>
        Object.fromEntries(notes.map((f) => [`【註${f.n}】`, normalize(f.text)]))
      expect(bodies(json.footnotes), 'footnote bodies by number').toEqual(bodies(seed.footnotes))
    })

    it(`${name}: every footnote mark hangs on the same item and words as in the seed`, () => {
      const { indicators, knowledge, skills, outputs, seed } = seedItems(c)
      const json = loadStandard(c.json)
      const seedMarks = new Map<string, SeedMark[]>()
      for (const item of [...indicators, ...knowledge, ...skills]) {
        const marks = footnoteMarks(item.text)
        if (marks.length > 0) seedMarks.set(item.code, marks)
      }
      // Marks on items that cannot carry footnotes in the schema would be lost.
      const elsewhere = [
        ...outputs,
        ...seed.duties,
        ...seed.rows.map((r) => r.task),
        ...seed.attitudes,
      ]
        .filter((item) => footnoteMarks(item.text).length > 0)
        .map((item) => item.code)
      expect(elsewhere, 'footnote marks on items without footnotes').toEqual([])

      const jsonItems = [
        ...tasksOf(json).flatMap((t) => t.indicators),
        ...json.knowledge,
        ...json.skills,
      ]
      const jsonRefs = new Map(
        jsonItems
          .filter((i) => (i.footnotes?.length ?? 0) > 0)
          .map((i) => [i.code, i.footnotes ?? []]),
      )
      const numbers = (m: Map<string, { n: number }[]>) =>
        Object.fromEntries([...m].map(([code, refs]) => [code, refs.map((r) => r.n)]))
      expect(numbers(jsonRefs), 'footnote numbers by item').toEqual(numbers(seedMarks))

      // Where the JSON names the words a mark follows, the seed's mark follows them; where it
      // names none, the seed's mark ends the text (but for closing punctuation).
      const misplaced: string[] = []
      for (const [code, refs] of jsonRefs)
        for (const ref of refs) {
          const mark = seedMarks.get(code)?.find((m) => m.n === ref.n)
          if (!mark) continue
          const ok =
            ref.after === undefined
              ? /^[。．.，,、;；]*$/.test(mark.after)
              : mark.before.endsWith(normalize(ref.after))
          if (!ok)
            misplaced.push(
              `${code} 【註${ref.n}】 after "${ref.after ?? '(end)'}" but seed has "${mark.before}|${mark.after}"`,
            )
        }
      expect(misplaced, 'footnote marks in the wrong place').toEqual([])
    })

    it(`${name}: every task names the seed's K and S items where its cell is filled`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      // An empty K or S cell is a merged cell (the rows share the cell above) or an empty one;
      // which of the two is a judgement, so only filled cells are compared.
      const filled = (pick: (r: (typeof seed.rows)[number]) => SeedItem[]) =>
        Object.fromEntries(
          seed.rows
            .filter((r) => pick(r).length > 0)
            .map((r) => [r.task.code, pick(r).map((i) => i.code)]),
        )
      const seedK = filled((r) => r.knowledge)
      const seedS = filled((r) => r.skills)
      const tasks = tasksOf(json)
      expect(
        Object.fromEntries(tasks.filter((t) => t.code in seedK).map((t) => [t.code, t.knowledge])),
        'K codes per task',
      ).toEqual(seedK)
      expect(
        Object.fromEntries(tasks.filter((t) => t.code in seedS).map((t) => [t.code, t.skills])),
        'S codes per task',
      ).toEqual(seedS)
    })

    it(`${name}: K, S, A and task references resolve, and every K and S item is used`, () => {
      const json = loadStandard(c.json)
      const tasks = tasksOf(json)
      const kCodes = new Set(json.knowledge.map((k) => k.code))
      const sCodes = new Set(json.skills.map((k) => k.code))
      const taskCodes = new Set(tasks.map((t) => t.code))
      expect(
        tasks.flatMap((t) =>
          t.knowledge.filter((k) => !kCodes.has(k)).map((k) => `${t.code} names ${k}`),
        ),
        'unknown K items',
      ).toEqual([])
      expect(
        tasks.flatMap((t) =>
          t.skills.filter((k) => !sCodes.has(k)).map((k) => `${t.code} names ${k}`),
        ),
        'unknown S items',
      ).toEqual([])
      const usedK = new Set(tasks.flatMap((t) => t.knowledge))
      const usedS = new Set(tasks.flatMap((t) => t.skills))
      expect(
        json.knowledge.map((k) => k.code).filter((k) => !usedK.has(k)),
        'K items no task uses',
      ).toEqual([])
      expect(
        json.skills.map((k) => k.code).filter((k) => !usedS.has(k)),
        'S items no task uses',
      ).toEqual([])
      expect(
        json.attitudes.flatMap((a) =>
          (a.tasks ?? []).filter((t) => !taskCodes.has(t)).map((t) => `${a.code} names ${t}`),
        ),
        'attitudes naming unknown tasks',
      ).toEqual([])
    })

    it(`${name}: the attitude × task matrix equals the seed's √ marks`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      if (seed.matrix === null) {
        // No matrix in the source: the schema leaves `tasks` out.
        expect(
          json.attitudes.filter((a) => a.tasks !== undefined).map((a) => a.code),
          'attitudes with tasks although the seed has no matrix',
        ).toEqual([])
        return
      }
      expect(sorted(Object.keys(seed.matrix)), 'matrix rows are the attitudes').toEqual(
        sorted(seed.attitudes.map((a) => a.code)),
      )
      const seedMatrix = Object.fromEntries(
        Object.entries(seed.matrix).map(([a, ts]) => [a, sorted(ts)]),
      )
      expect(
        Object.fromEntries(json.attitudes.map((a) => [a.code, sorted(a.tasks ?? [])])),
        'tasks marked √ per attitude',
      ).toEqual(seedMatrix)
    })

    it(`${name}: every indicator has the level of its task's 職能級別 cell`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      const indicators = tasksOf(json).flatMap((t) =>
        t.indicators.map((p) => ({ task: t.code, p })),
      )
      expect(
        indicators.filter(({ p }) => !Number.isInteger(p.level)).map(({ p }) => p.code),
        'indicators without a level',
      ).toEqual([])

      // The documented empty cells are indeed empty, and the JSON says what it chose there.
      expect(
        seed.rows.filter((r) => r.level === '').map((r) => r.task.code),
        'empty level cells',
      ).toEqual(c.emptyLevelTasks)
      for (const task of c.emptyLevelTasks)
        expect(
          json.editorial.some((e) => {
            const said = [e.where, e.source, e.decision]
            return said.some((s) => s.includes(task)) && said.some((s) => /級別|level/i.test(s))
          }),
          `an editorial entry explains the level of ${task}`,
        ).toBe(true)

      const seedLevels = Object.fromEntries(
        seed.rows
          .filter((r) => r.level !== '')
          .flatMap((r) => r.indicators.map((p) => [p.code, Number(r.level)])),
      )
      expect(
        Object.fromEntries(
          indicators
            .filter(({ task }) => !c.emptyLevelTasks.includes(task))
            .map(({ p }) => [p.code, p.level]),
        ),
        'indicator levels by code',
      ).toEqual(seedLevels)
    })

    it(`${name}: the code, 基準級別 and 工作描述 equal the seed`, () => {
      const { seed } = seedItems(c)
      const json = loadStandard(c.json)
      expect({
        code: json.code,
        level: json.level,
        description: normalize(json.description),
      }).toEqual({
        code: seed.header.code,
        level: Number(seed.header.level),
        description: normalize(seed.header.description),
      })
    })
  })
}
