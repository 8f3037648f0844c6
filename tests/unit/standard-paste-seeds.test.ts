/**
 * The paste parser on the two seed texts (shared/seeds/*.txt): parsed, with its judgements
 * accepted, each gives its bundled data file (data/standards/*.json).
 *
 * What a person answers in the preview is written out per seed (ANSWERS, OWN_NOTES): the id of a
 * standard without a code, two footnote anchors, and the wording of decisions that needed a human
 * reading (why T2.1 is level 4 …). Everything else is the parser's own default.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { EditorialNote, Standard } from '@/domain/standard/schema'
import {
  editorialOf,
  parsePastedStandard,
  type JudgementAnswer,
  type PasteOptions,
} from '@/domain/standard/import/paste'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')

interface Case {
  json: string
  seed: string
  /** The person's answers in the preview, by judgement id. */
  answers: Record<string, JudgementAnswer>
  /** Notes of the person's own: readings of the text that are no judgement of the parser. */
  own: NonNullable<PasteOptions['notes']>
  /** Judgement ids whose decision the person rewrote (a human reading), for the defaults test. */
  rewritten: string[]
  /**
   * Editorial entries of the bundled file the parser cannot reproduce even with the person's
   * answers, by index, with the reason.
   */
  unreachable: Record<number, string>
}

const json = (file: string) => JSON.parse(read(`../../data/standards/${file}`)) as Standard
const bundled = (c: Case) => json(c.json)
const entry = (c: Case, where: string): EditorialNote => {
  const e = bundled(c).editorial.find((n) => n.where === where)
  if (!e) throw new Error(`${c.json} has no editorial entry at ${where}`)
  return e
}
/** The bundled entries the parser itself writes: all but the person's own notes. */
const parserEntries = (c: Case) => {
  const own = new Set(c.own.map((n) => `${n.note.where}|${n.note.source}`))
  return bundled(c).editorial.filter((n) => !own.has(`${n.where}|${n.source}`))
}
const decision = (c: Case, where: string): JudgementAnswer => ({
  decision: entry(c, where).decision,
})

const TTM: Case = {
  json: 'TTM4221-002v4.json',
  seed: '000_cfa054c06da8b3b9.txt',
  answers: {},
  own: [],
  rewritten: ['empty-level:T2.1', 'empty-cell:T2.4 K', 'notes-linked:all'],
  unreachable: {},
}
TTM.answers = {
  // The level is the parser's default (4, from the row above); the reason is the person's.
  'empty-level:T2.1': decision(TTM, 'T2.1 職能級別'),
  // The bundled wording compares with the other bundled standard, which a paste cannot know.
  'empty-cell:T2.4 K': decision(TTM, 'T2.4 K column'),
  // Links are the parser's; the wording of which K texts to quote is the person's.
  'notes-linked:all': decision(TTM, '說明與補充事項 / 其他補充說明'),
}

const THM: Case = {
  json: 'THM3514-lodging-ecommerce.json',
  seed: '004_3208f0be47afb425.txt',
  answers: {},
  own: [],
  rewritten: ['words-joined:all'],
  unreachable: {},
}
THM.answers = {
  // No code: the id is the person's choice (the parser proposes THM3514-<hash of the title>).
  'no-code:id': { value: 'THM3514-lodging-ecommerce' },
  // The parser anchors a mark on the footnote's own term (類型, 技巧); the person widened two.
  'footnote-anchor:P1.1.1 1': { value: '網站類型' },
  'footnote-anchor:P2.2.2 9': { value: '所選技巧' },
  'words-joined:all': decision(THM, 'T3, T3.1–T3.3, O3.1.1'),
}
THM.own = [
  ...[
    '【註15】',
    '【註17】',
    '【註16】, 【註17】, 【註18】',
    '說明與補充事項 / qualifications',
  ].map((where) => ({ note: entry(THM, where), before: 'no-output:all' })),
  { note: entry(THM, 'A04'), before: 'attitude-matrix:all' },
]

function run(c: Case, withAnswers: boolean) {
  const started = performance.now()
  const result = parsePastedStandard(read(`../../../shared/seeds/${c.seed}`), {
    sourceName: `shared/seeds/${c.seed}`,
    schemaRef: '../schema/standard.schema.json',
    answers: withAnswers
      ? c.answers
      : Object.fromEntries(Object.entries(c.answers).filter(([, a]) => a.value !== undefined)),
    notes: withAnswers ? c.own : [],
  })
  const ms = performance.now() - started
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return { ...result, ms }
}

// Timed once, before the tests, so the figure shows in the test names.
const timing = Object.fromEntries(
  [TTM, THM].map((c) => {
    run(c, true) // warm-up
    const times = Array.from({ length: 5 }, () => run(c, true).ms).sort((a, b) => a - b)
    return [c.seed, (times[2] ?? 0).toFixed(1)]
  }),
)

for (const c of [TTM, THM]) {
  describe(`the paste of ${c.seed} (parsed in ${timing[c.seed]} ms, median of 5)`, () => {
    it(`gives ${c.json} exactly, once the person's answers are in (but for the entries listed)`, () => {
      const { standard } = run(c, true)
      const expected = bundled(c)
      const skip = (s: Standard) => ({
        ...s,
        editorial: s.editorial.filter((_, i) => !(i in c.unreachable)),
      })
      expect(skip(standard)).toStrictEqual(skip(expected))
      expect(standard.editorial).toHaveLength(expected.editorial.length)
      for (const i of Object.keys(c.unreachable).map(Number))
        expect({ reason: c.unreachable[i], entry: standard.editorial[i] }).not.toStrictEqual({
          reason: c.unreachable[i],
          entry: expected.editorial[i],
        })
    })

    it('with only the values answered, gives everything but the reworded decisions', () => {
      const { standard, judgements } = run(c, false)
      const expected = bundled(c)
      expect({ ...standard, editorial: [] }).toStrictEqual({ ...expected, editorial: [] })
      // The parser's own entries line up with the bundled ones less the person's notes: the same
      // place and source, and the same decision but where the person rewrote it.
      const theirs = parserEntries(c)
      const mine = judgements.filter((j) => j.note)
      expect(mine).toHaveLength(theirs.length)
      const compared = (pick: (n: EditorialNote, id: string) => unknown) =>
        mine.flatMap((j, i) => {
          const n = theirs[i]
          return n && j.note && !(i in c.unreachable) ? [[j.id, pick(n, j.id)]] : []
        })
      const same = (n: EditorialNote, id: string) => ({
        where: n.where,
        source: n.source,
        decision: c.rewritten.includes(id) ? '(rewritten)' : n.decision,
      })
      expect(
        compared((_, id) => {
          const note = mine.find((j) => j.id === id)?.note
          return note && same(note, id)
        }),
      ).toEqual(compared(same))
      expect(editorialOf(judgements)).toStrictEqual(standard.editorial)
    })

    it('lists a judgement, with its line, for every entry the bundled file records', () => {
      const { judgements } = run(c, true)
      const theirs = parserEntries(c)
      const mine = editorialOf(judgements)
      expect(mine.map((n) => n.source)).toEqual(theirs.map((n) => n.source))
      expect(judgements.filter((j) => !(j.line > 0)).map((j) => j.id)).toEqual([])
    })
  })
}
