/**
 * Reads the text of a published 職能基準 as it comes when the whole document is selected and
 * copied (the shape of shared/seeds/*.txt) into a GapLens standard, with every judgement the
 * reading needed (see ./judgements). Pure: no DOM, no storage; never throws.
 *
 * The person answers judgements in the preview; the app parses again with those answers (a
 * seed takes a few milliseconds), so the standard and its `editorial` list always agree.
 */
import { Standard, STANDARD_FORMAT_VERSION, type EditorialNote } from '../schema'
import { KIND_ORDER, type Judgement, type JudgementAnswer, type JudgementKind } from './judgements'
import { pasteProblem, type PasteProblem } from './problems'
import {
  cleanText,
  collapse,
  compactCodes,
  joinAcross,
  numberWord,
  shortHash,
  similarity,
  type CleanMark,
  type CleanText,
} from './text'
import {
  kindOf,
  readAttitudes,
  readHeader,
  readNotes,
  readTable,
  Refusal,
  type Kind,
  SOURCE_SUFFIX,
  type RawItem,
  type Row,
} from './sections'

export type { Judgement, JudgementAnswer, JudgementKind } from './judgements'
export { editorialOf } from './judgements'
export type { PasteProblem, PasteProblemCode } from './problems'

export interface PasteOptions {
  /** Answers to judgements, by judgement id. */
  answers?: Record<string, JudgementAnswer>
  /** Where the text came from, for `source.extraction` (default "pasted text"). */
  sourceName?: string
  /** A `$schema` reference to write into the standard (the bundled files have one). */
  schemaRef?: string
  /**
   * Editorial notes of the person's own (a typo kept as published …), each placed before the
   * entry of the judgement it names, or at the end.
   */
  notes?: { note: EditorialNote; before?: string }[]
}

export type PasteResult =
  | { ok: true; standard: Standard; judgements: Judgement[] }
  | { ok: false; problems: PasteProblem[] }

/** How the editorial list and the judgements name the work description. */
const DESCRIPTION = '工作描述'

/** The language the parser writes its editorial entries in. */
const PARSER_LANG = 'en'

/**
 * The language of a decision the person wrote, when they do not say. An English decision quotes
 * Chinese text at length, so the count of characters says little: English where it is built of
 * English words (the, is, of …), else Traditional Chinese where it holds Han characters.
 */
export function langOf(text: string): string {
  const english = text.match(/\b(?:the|a|an|is|are|was|of|to|and|as|in|on|it|its|by|with)\b/gi)
  if ((english?.length ?? 0) >= 2) return 'en'
  return /\p{Script=Han}/u.test(text) ? 'zh-Hant-TW' : 'en'
}

export const PASTE_MAX_LENGTH = 2_000_000
export const PASTE_MAX_LINE = 50_000

interface Block {
  row: Row
  level: number | null
}
interface TaskDraft {
  duty: string
  item: RawItem
  outputs: RawItem[]
  blocks: Block[]
  knowledge: RawItem[]
  skills: RawItem[]
  /** Whether the source's K / S cells were empty on the task's first row. */
  kEmpty: boolean
  sEmpty: boolean
  row: Row
}

/**
 * Parses the pasted text of a 職能基準. Returns the standard (checked by the standard schema)
 * and the judgements made, or the problems found, each naming its line.
 */
export function parsePastedStandard(text: string, options: PasteOptions = {}): PasteResult {
  try {
    return parse(typeof text === 'string' ? text : '', options)
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problems: e.problems }
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [pasteProblem('paste-unreadable', { message }, 1)] }
  }
}

function parse(input: string, options: PasteOptions): PasteResult {
  const problems: PasteProblem[] = []
  const refuse = (p: PasteProblem): never => {
    throw new Refusal([...problems, p])
  }
  if (input.length > PASTE_MAX_LENGTH)
    refuse(pasteProblem('paste-too-large', { limit: PASTE_MAX_LENGTH, length: input.length }, 1))
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (lines.every((l) => l.trim() === '')) refuse(pasteProblem('paste-empty', {}, 1))
  lines.forEach((l, i) => {
    if (l.length > PASTE_MAX_LINE)
      refuse(
        pasteProblem('paste-line-too-long', { limit: PASTE_MAX_LINE, length: l.length }, i + 1),
      )
    if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(l))
      refuse(pasteProblem('paste-not-text', {}, i + 1))
  })

  const isHeader = (l: string) => /^\s*主要職責[\t ]+工作任務/.test(l)
  const tableStart = lines.findIndex(isHeader)
  if (tableStart < 0) refuse(pasteProblem('paste-no-table', {}, 1))
  const isAttitudeHeading = (l: string) => /^\s*職能內涵\s*[(（]\s*A\s*=\s*attitude/i.test(l)
  const isNotesHeading = (l: string) => /^\s*說明與補充事項\s*$/.test(l)
  const after = (from: number, test: (l: string) => boolean) => {
    const i = lines.findIndex((l, j) => j > from && test(l))
    return i < 0 ? null : i
  }
  const notesStart = after(tableStart, isNotesHeading)
  const attitudeStart = after(tableStart, (l) => isAttitudeHeading(l) || isNotesHeading(l))
  const tableEnd = attitudeStart ?? lines.length

  // ---- header -------------------------------------------------------------------------
  const header = readHeader(lines.slice(0, tableStart))
  // ---- table --------------------------------------------------------------------------
  const judged: Judgement[] = []
  const answers = options.answers ?? {}
  const judge = (
    kind: JudgementKind,
    subject: string,
    line: number,
    value: Judgement['value'],
    note: ((value: Judgement['value']) => Omit<EditorialNote, 'lang'>) | null,
  ): Judgement['value'] => {
    const id = `${kind}:${subject}`
    const answer = answers[id]
    const chosen = answer?.value ?? value
    // The parser writes its entries in English; a decision the person rewrote is in the
    // language they say, else the one its script shows.
    const made = note ? { ...note(chosen), lang: PARSER_LANG } : null
    judged.push({
      id,
      kind,
      line,
      value: chosen,
      note:
        made && answer?.decision !== undefined
          ? { ...made, decision: answer.decision, lang: answer.lang ?? langOf(answer.decision) }
          : made,
    })
    return chosen
  }

  const { rows, joins } = readTable(lines, tableStart, tableEnd, isHeader, problems)
  if (rows.length === 0) refuse(pasteProblem('paste-no-table', {}, tableStart + 1))

  // Rows into duties and tasks. A row without a task that holds indicators is a further block
  // of the task above (indicators at a second level).
  const duties: { item: RawItem; tasks: TaskDraft[] }[] = []
  for (const row of rows) {
    const [duty, ...moreDuties] = row.cells.duty
    if (moreDuties[0])
      problems.push(
        pasteProblem(
          'paste-code-misplaced',
          { code: moreDuties[0].code, column: 'duty' },
          row.line,
        ),
      )
    if (duty) duties.push({ item: duty, tasks: [] })
    const current = duties.at(-1)
    const [task, ...moreTasks] = row.cells.task
    if (moreTasks[0])
      problems.push(
        pasteProblem('paste-code-misplaced', { code: moreTasks[0].code, column: 'task' }, row.line),
      )
    if (!current) refuse(pasteProblem('paste-orphan-row', {}, row.line))
    const c = current as NonNullable<typeof current>
    if (task) {
      c.tasks.push({
        duty: c.item.code,
        item: task,
        outputs: [...row.cells.outputs],
        blocks: [{ row, level: null }],
        knowledge: [...row.cells.knowledge],
        skills: [...row.cells.skills],
        kEmpty: row.cells.knowledge.length === 0,
        sEmpty: row.cells.skills.length === 0,
        row,
      })
      continue
    }
    const last = c.tasks.at(-1)
    if (!last) refuse(pasteProblem('paste-orphan-row', {}, row.line))
    const t = last as TaskDraft
    t.outputs.push(...row.cells.outputs)
    if (row.cells.indicators.length > 0) t.blocks.push({ row, level: null })
    t.knowledge.push(...row.cells.knowledge)
    t.skills.push(...row.cells.skills)
  }
  const tasks = duties.flatMap((d) => d.tasks)

  // Mistyped P and O codes: the digits must name the row's task, in order. A well-formed code
  // of another task that this task's item repeats (a task's output printed with the code of
  // the next task's) is a mistake too: the item takes its own task's next code.
  const codesOf = (t: TaskDraft, letter: 'O' | 'P') =>
    letter === 'O' ? t.outputs : t.blocks.flatMap((b) => b.row.cells.indicators)
  for (const t of tasks) {
    const digits = t.item.code.slice(1)
    const fix = (items: RawItem[], letter: 'O' | 'P', word: string) => {
      const expected = new RegExp(`^${letter}${digits.replace('.', '\\.')}\\.\\d+$`)
      const taken = new Set(items.filter((x) => expected.test(x.code)).map((x) => x.code))
      items.forEach((item, i) => {
        if (expected.test(item.code)) return
        const original = item.code
        const owner = /^[OP](\d+\.\d+)\.\d+$/.exec(original)?.[1]
        const repeated = tasks.find(
          (o) =>
            o !== t &&
            o.item.code === `T${owner ?? ''}` &&
            codesOf(o, letter).some((x) => x.code === original),
        )
        let n = i + 1
        if (taken.has(`${letter}${digits}.${n}`)) {
          n = 1
          while (taken.has(`${letter}${digits}.${n}`)) n++
        }
        const proposed = `${letter}${digits}.${n}`
        const text = cleanText(item.raw).text
        const nth = items.length === 1 ? `the only ${word}` : `${word} ${i + 1}`
        item.code = String(
          repeated
            ? judge('code-fixed', `${t.item.code} ${original}`, item.line, proposed, (v) => ({
                where: `${t.item.code} / ${String(v)}`,
                source: `${t.item.code} … ${original} ${text}`,
                decision: `The ${word} code ${original} under task ${t.item.code} repeats the code of an ${word} of task ${repeated.item.code} by mistake; read as ${String(v)} (${nth} of task ${t.item.code}, numbered like every other ${word} ${letter}<duty>.<task>.<n>).`,
              }))
            : judge('code-fixed', original, item.line, proposed, (v) => ({
                where: `${t.item.code} / ${String(v)}`,
                source: `${original} ${text}`,
                decision: `The ${word} code ${original} is a mistyped ${String(v)} (${nth} of task ${t.item.code}, numbered like every other ${word} ${letter}<duty>.<task>.<n>).`,
              })),
        )
        taken.add(item.code)
      })
    }
    fix(t.outputs, 'O', 'output')
    fix(
      t.blocks.flatMap((b) => b.row.cells.indicators),
      'P',
      'indicator',
    )
  }

  // ---- attitudes and notes ------------------------------------------------------------
  const attitudes = readAttitudes(
    lines,
    attitudeStart ?? tableEnd,
    notesStart ?? lines.length,
    problems,
  )
  const notes = readNotes(lines, notesStart)

  // ---- levels -------------------------------------------------------------------------
  const standardLevel = Number(header.level)
  if (header.level === null)
    problems.push(pasteProblem('paste-missing-field', { field: 'level' }, 1))
  else if (!/^[1-6]$/.test(header.level))
    problems.push(pasteProblem('paste-bad-level', { value: header.level }, header.levelLine))
  let previous: { level: number; task: string } | null = null
  for (const t of tasks)
    for (const block of t.blocks) {
      const cell = block.row.level
      if (/^[1-6]$/.test(cell)) block.level = Number(cell)
      else if (cell !== '')
        problems.push(pasteProblem('paste-bad-level', { value: cell }, block.row.line))
      else {
        const above: { level: number; task: string } | null = previous
        const proposed = above?.level ?? (Number.isInteger(standardLevel) ? standardLevel : 1)
        const firstKs = [...t.knowledge, ...t.skills][0]
        const subject = t.blocks.length > 1 ? `${t.item.code}@${block.row.line}` : t.item.code
        block.level = Number(
          judge('empty-level', subject, block.row.line, proposed, (v) => ({
            where: `${t.item.code} 職能級別`,
            source: `${t.item.code} ${cleanText(t.item.raw).text} … (level cell empty)${
              firstKs ? ` ${firstKs.code}…` : ''
            }`,
            decision:
              `The level cell of ${t.item.code} is empty in the source. Read as ${String(v)}` +
              (v === proposed
                ? above
                  ? `, the level of the row above (${above.task}), as if the cell were merged with it.`
                  : ', the level of the standard.'
                : '.'),
          })),
        )
        if (!/^[1-6]$/.test(String(block.level)))
          problems.push(
            pasteProblem('paste-bad-level', { value: String(block.level) }, block.row.line),
          )
      }
      previous = { level: block.level ?? 0, task: t.item.code }
    }

  // ---- K and S: repeated codes mean the standard lists them per task --------------------
  const allK = tasks.flatMap((t) => t.knowledge)
  const allS = tasks.flatMap((t) => t.skills)
  const repeats = (items: RawItem[]) => {
    const byCode = new Map<string, number>()
    for (const t of tasks)
      for (const code of new Set(
        items.filter((i) => t.knowledge.includes(i) || t.skills.includes(i)).map((i) => i.code),
      ))
        byCode.set(code, (byCode.get(code) ?? 0) + 1)
    return byCode
  }
  const kCount = repeats(allK)
  const sCount = repeats(allS)
  const perTask = [...kCount.values(), ...sCount.values()].some((n) => n > 1)

  // Empty K/S cells: merged with the filled cell above in the same duty, unless per task.
  const spreadFrom = new Map<TaskDraft, { k: TaskDraft | null; s: TaskDraft | null }>()
  let firstMergedDuty: string | null = null
  for (const d of duties) {
    let i = 0
    while (i < d.tasks.length) {
      const head = d.tasks[i] as TaskDraft
      let j = i + 1
      while (
        j < d.tasks.length &&
        (d.tasks[j] as TaskDraft).kEmpty &&
        (d.tasks[j] as TaskDraft).sEmpty
      )
        j++
      const followers = d.tasks.slice(i + 1, j)
      if (!perTask && followers.length > 0 && (!head.kEmpty || !head.sEmpty)) {
        const ks = [!head.kEmpty ? 'K' : null, !head.sEmpty ? 'S' : null]
          .filter((x) => x !== null)
          .join(' and ')
        const kList = compactCodes(head.knowledge.map((k) => k.code))
        const sList = compactCodes(head.skills.map((k) => k.code))
        const lists = [kList, sList].filter((x) => x !== '').join(' and ')
        const covered = [head, ...followers].map((t) => t.item.code)
        const all = covered.length === d.tasks.length
        const range = compactCodes(covered)
        const firstDuty: string | null = firstMergedDuty
        const spread = judge('merged-cell', `${head.item.code}`, head.row.line, true, () =>
          firstDuty === null
            ? {
                where: `${range} ${ks}`,
                source: `${lists} listed once, on ${head.item.code}; the ${ks} cells of ${compactCodes(covered.slice(1))} empty`,
                decision: `The ${ks} cells are merged over ${all ? `all tasks of duty ${d.item.code}` : range} in the published table; the extraction keeps them only on the first row. ${all ? `Every task of ${d.item.code}` : `Each of ${range}`} gets ${lists}.`,
              }
            : {
                where: `${range} ${ks}`,
                source: `${lists} listed once, on ${head.item.code}`,
                decision: `Merged cells, as for ${firstDuty}: ${all ? `every task of ${d.item.code}` : `each of ${range}`} gets ${lists}.`,
              },
        )
        firstMergedDuty ??= d.item.code
        if (spread === true)
          for (const f of followers)
            spreadFrom.set(f, { k: head.kEmpty ? null : head, s: head.sEmpty ? null : head })
      }
      i = j
    }
  }
  // Empty cells kept empty (per-task lists, or nothing above to spread).
  for (const d of duties)
    d.tasks.forEach((t, i) => {
      if (spreadFrom.has(t) || (!t.kEmpty && !t.sEmpty)) return
      if (!perTask && i > 0 && t.kEmpty && t.sEmpty) return
      const cols = [t.kEmpty ? 'K' : null, t.sEmpty ? 'S' : null].filter((x) => x !== null)
      const label = cols.join(' and ')
      const other = t.kEmpty && !t.sEmpty ? t.skills : !t.kEmpty ? t.knowledge : []
      const repeated = [...kCount].find(([, n]) => n > 1) ?? [...sCount].find(([, n]) => n > 1)
      const where = repeated
        ? tasks
            .filter((x) => [...x.knowledge, ...x.skills].some((k) => k.code === repeated[0]))
            .map((x) => x.item.code)
        : []
      const spread = judge('empty-cell', `${t.item.code} ${label}`, t.row.line, false, () => ({
        where: `${t.item.code} ${label} column${cols.length > 1 ? 's' : ''}`,
        source: `${t.item.code} ${cleanText(t.item.raw).text} … ${t.row.level} (${label} cell${cols.length > 1 ? 's' : ''} empty)${
          other.length > 0
            ? ` ${(t.kEmpty ? t.row.rawCells.skills : t.row.rawCells.knowledge)?.trim() ?? ''}`
            : ''
        }`,
        decision:
          `${t.item.code} lists no ${t.kEmpty && t.sEmpty ? 'knowledge or skill item' : t.kEmpty ? 'knowledge item' : 'skill item'}${
            other.length > 0 ? ` and only ${other.map((o) => o.code).join(', ')}` : ''
          }. Kept as published: ` +
          (repeated
            ? `this standard lists K and S per task (${repeated[0]} appears under ${where.length === 2 ? `both ${where[0]} and ${where[1]}` : where.join(', ')}), so an empty cell here is not a merged cell.`
            : 'no filled cell above it in the same duty could be merged with it.'),
      }))
      if (spread === true) {
        const above = d.tasks.slice(0, i).reverse()
        spreadFrom.set(t, {
          k: t.kEmpty ? (above.find((a) => !a.kEmpty) ?? null) : null,
          s: t.sEmpty ? (above.find((a) => !a.sEmpty) ?? null) : null,
        })
      }
    })
  const knowledgeOf = (t: TaskDraft) =>
    t.kEmpty ? (spreadFrom.get(t)?.k?.knowledge ?? t.knowledge) : t.knowledge
  const skillsOf = (t: TaskDraft) =>
    t.sEmpty ? (spreadFrom.get(t)?.s?.skills ?? t.skills) : t.skills

  // ---- footnotes ----------------------------------------------------------------------
  const footnoteText = new Map(notes.footnotes.map((f) => [f.n, f.text]))
  const seenNotes = new Set<number>()
  for (const f of notes.footnotes) {
    if (seenNotes.has(f.n))
      problems.push(pasteProblem('paste-duplicate-code', { code: `【註${f.n}】` }, f.line))
    seenNotes.add(f.n)
  }
  const anchors: { code: string; n: number; after: string | undefined; underlined?: string }[] = []
  const marksOf = (code: string, clean: CleanText, line: number) => {
    const refs = clean.marks.map((m: CleanMark) => {
      if (!footnoteText.has(m.n))
        problems.push(pasteProblem('paste-footnote-missing', { n: m.n }, line))
      if (m.rest === '') return { n: m.n }
      const term = /^([^：:]{1,30})[：:]/.exec(footnoteText.get(m.n) ?? '')?.[1]?.trim()
      const proposed =
        m.underlined ??
        (term && m.before.endsWith(term)
          ? term
          : (/[^，。、；：,;:\s]{1,12}$/.exec(m.before)?.[0] ?? m.before))
      const chosen = String(judge('footnote-anchor', `${code} ${m.n}`, line, proposed, null))
      anchors.push({
        code,
        n: m.n,
        after: chosen || undefined,
        ...(m.underlined ? { underlined: m.underlined } : {}),
      })
      return chosen ? { n: m.n, after: chosen } : { n: m.n }
    })
    return refs.length > 0 ? refs : undefined
  }
  const withMarks = (code: string, clean: CleanText, line: number) => {
    const refs = marksOf(code, clean, line)
    return refs ? { footnotes: refs } : {}
  }

  // ---- build ----------------------------------------------------------------------------
  const brokenItems: { code: string; raw: string; text: string; kind: Kind }[] = []
  const clean = (item: RawItem): CleanText => {
    const c = cleanText(item.raw)
    if (c.broken)
      brokenItems.push({
        code: item.code,
        raw: collapseSpaces(item.raw),
        text: c.text,
        kind: kindOf(item.code),
      })
    return c
  }
  const seen = new Map<string, number>()
  const unique = (item: RawItem) => {
    if (seen.has(item.code))
      problems.push(pasteProblem('paste-duplicate-code', { code: item.code }, item.line))
    seen.set(item.code, item.line)
  }

  const firstOf = (items: RawItem[]) => {
    const m = new Map<string, RawItem>()
    for (const i of items) if (!m.has(i.code)) m.set(i.code, i)
    return [...m.values()]
  }
  const kItems = firstOf(allK)
  const sItems = firstOf(allS)
  const markForms: string[] = []
  const tagsMet = new Set<string>()
  const underlinedIn: { code: string; phrase: string }[] = []
  const markKinds = new Set<Kind | 'description'>()
  const note = (c: CleanText, code: string) => {
    for (const f of c.markForms) markForms.push(f)
    for (const t of c.tags) tagsMet.add(t)
    for (const u of c.underlined) underlinedIn.push({ code, phrase: u })
    if (c.marks.length > 0) markKinds.add(code === DESCRIPTION ? 'description' : kindOf(code))
    return c
  }

  // Marks in the work description, the titles, outputs and attitudes hang there as they do
  // on indicators (the description first, as the editorial list names it first).
  const described = note(cleanText(header.description ?? ''), DESCRIPTION)
  const description = {
    text: described.text,
    marks: marksOf(DESCRIPTION, described, header.descriptionLine),
  }
  const titled = (item: RawItem) => {
    const c = note(clean(item), item.code)
    const marks = marksOf(item.code, c, item.line)
    return { title: c.text, ...(marks ? { titleFootnotes: marks } : {}) }
  }
  const builtDuties = duties.map((d) => {
    unique(d.item)
    return {
      code: d.item.code,
      ...titled(d.item),
      tasks: d.tasks.map((t) => {
        unique(t.item)
        return { t, ...titled(t.item) }
      }),
    }
  })
  const dutiesOut = builtDuties.map((d) => ({
    code: d.code,
    title: d.title,
    ...(d.titleFootnotes ? { titleFootnotes: d.titleFootnotes } : {}),
    tasks: d.tasks.map(({ t, title, titleFootnotes }) => {
      const indicators = t.blocks.flatMap((b) =>
        b.row.cells.indicators.map((p) => {
          unique(p)
          const c = note(clean(p), p.code)
          return {
            code: p.code,
            text: c.text,
            level: b.level ?? 0,
            ...withMarks(p.code, c, p.line),
          }
        }),
      )
      if (indicators.length === 0)
        problems.push(
          pasteProblem('paste-task-without-indicators', { task: t.item.code }, t.item.line),
        )
      return {
        code: t.item.code,
        title,
        ...(titleFootnotes ? { titleFootnotes } : {}),
        outputs: t.outputs.map((o) => {
          unique(o)
          const c = note(clean(o), o.code)
          return { code: o.code, text: c.text, ...withMarks(o.code, c, o.line) }
        }),
        indicators,
        knowledge: [...new Set(knowledgeOf(t).map((k) => k.code))],
        skills: [...new Set(skillsOf(t).map((k) => k.code))],
      }
    }),
  }))
  const ksItem = (item: RawItem) => {
    const c = note(clean(item), item.code)
    return { code: item.code, text: c.text, ...withMarks(item.code, c, item.line) }
  }
  const knowledge = kItems.map(ksItem)
  const skills = sItems.map(ksItem)
  const attitudesOut = attitudes.items.map((a) => {
    unique(a)
    const c = note(clean(a), a.code)
    const m = /^(.*?)[：:](.*)$/.exec(c.text)
    const name = (m?.[1] ?? c.text).trim()
    const description = (m?.[2] ?? '').trim()
    // The marks of an attitude stand in its description: the words a mark follows are taken
    // from the description alone, never across the name's colon.
    const descriptionStart = c.text.length - (m?.[2] ?? '').trimStart().length
    const inDescription = {
      ...c,
      marks: c.marks.map((mark) => ({
        ...mark,
        before: mark.before.slice(Math.min(descriptionStart, mark.before.length)),
      })),
    }
    return {
      code: a.code,
      name,
      description,
      ...withMarks(a.code, inDescription, a.line),
      ...(attitudes.matrix ? { tasks: attitudes.matrix.get(a.code) ?? [] } : {}),
    }
  })
  const taskCodes = new Set(tasks.map((t) => t.item.code))
  for (const code of attitudes.matrix?.get('') ?? [])
    if (!taskCodes.has(code))
      problems.push(
        pasteProblem('paste-code-misplaced', { code, column: 'task' }, attitudes.matrixLine),
      )

  // ---- judgements that sum up -----------------------------------------------------------
  if (brokenItems.length > 0) {
    const order: Kind[] = ['duty', 'task', 'output', 'indicator', 'knowledge', 'skill', 'attitude']
    const sortedItems = [...brokenItems].sort(
      (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind),
    )
    judge('words-joined', 'all', tableStart + 1, true, () => ({
      where: compactCodes(sortedItems.map((i) => i.code)),
      source: sortedItems.map((i) => `${i.code} ${i.raw}`).join(' / '),
      decision: `Spaces that the PDF extraction put inside Chinese words (line breaks in narrow table cells) are removed: ${sortedItems.map((i) => i.text).join(', ')}. The same applies to every text of the standard; spaces next to Latin letters or digits are kept as published.`,
    }))
  }
  if (markForms.length > 0 || tagsMet.size > 0) {
    const forms: string[] = []
    const sup = markForms.find((f) => f.startsWith('^'))
    const bare = markForms.find((f) => !f.startsWith('^'))
    if (sup) forms.push(sup)
    if (bare) forms.push(bare)
    if (tagsMet.has('p')) forms.push('<p>…</p>')
    for (const u of underlinedIn) forms.push(`<u>${u.phrase}</u>`)
    const anchored = anchors.filter((a) => a.after !== undefined)
    const examples = [
      anchored[0],
      anchored.find((a, i) => i > 0 && a.underlined !== undefined) ?? anchored[1],
    ].filter((a): a is (typeof anchored)[number] => a !== undefined)
    const kinds = [
      markKinds.has('description') ? 'Work description' : null,
      markKinds.has('duty') ? 'Duty titles' : null,
      markKinds.has('task') ? 'Task titles' : null,
      markKinds.has('output') ? 'Outputs' : null,
      markKinds.has('indicator') ? 'Indicators' : null,
      markKinds.has('knowledge') && markKinds.has('skill')
        ? 'K and S items'
        : markKinds.has('knowledge')
          ? 'K items'
          : markKinds.has('skill')
            ? 'S items'
            : null,
      markKinds.has('attitude') ? 'Attitudes' : null,
    ].filter((x) => x !== null)
    const html = [
      tagsMet.has('p') ? 'paragraphs' : null,
      ...underlinedIn.map((u) => `the underline of ${u.phrase} in ${u.code}`),
    ].filter((x) => x !== null)
    judge('footnote-marks', 'all', tableStart + 1, true, () => ({
      where: kinds.join(', ') || 'Table',
      source: forms.join(', '),
      decision:
        (markForms.length > 0
          ? `Footnote marks are taken out of the text and kept as references to the footnote${
              examples.length > 0
                ? `, with the words each mark follows (${examples.map((a) => `${a.code} ${a.after ?? ''}【註${a.n}】`).join(', ')}${anchored.length > examples.length ? ', …' : ''})`
                : ''
            }${anchors.some((a) => a.after === undefined) || anchors.length < markForms.length ? '; marks at the end of an item hang on the whole item' : ''}.`
          : '') +
        (html.length > 0
          ? `${markForms.length > 0 ? ' ' : ''}HTML markup of the extraction (${html.join(', ')}) is removed.`
          : ''),
    }))
  }
  for (const j of joins)
    judge('cell-joined', `${j.code} ${j.column}`, j.line, true, () => ({
      where: `${j.task} / ${j.code}`,
      source: `${j.code} ${j.first} | (next page) ${j.rest}`,
      decision: `The ${j.word} ${j.code} is split across a page break; the two parts are joined: ${j.joined}.`,
    }))
  for (const f of notes.footnotes)
    if (f.parts.length > 1) {
      const first = f.parts[0] ?? ''
      const rest = f.parts.slice(1).join('')
      judge('footnote-joined', String(f.n), f.line, true, () => ({
        where: `【註${f.n}】`,
        source: `${/[^，,]*$/.exec(first)?.[0] ?? first} | (next page) ${rest}`,
        decision: `The footnote is split across a page break; joined as ${endSentence(joinAcross(/[^，、：,:]*$/.exec(first)?.[0] ?? '', rest))}`,
      }))
    }
  const noOutput = tasks.filter((t) => t.outputs.length === 0)
  if (noOutput.length > 0)
    judge('no-output', 'all', noOutput[0]?.row.line ?? 1, true, () => ({
      where: noOutput.map((t) => t.item.code).join(', '),
      source: '(no output code in the 工作產出 cell)',
      decision:
        noOutput.length === 1
          ? 'This task has an empty work-output cell in the source and is kept with no output.'
          : 'These tasks have an empty work-output cell in the source and are kept with no output.',
    }))
  if (perTask) {
    const top = (m: Map<string, number>) =>
      [...m].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1])[0]
    const tops = [top(kCount), top(sCount)]
      .filter((x) => x !== undefined)
      .sort((a, b) => b[1] - a[1])
    const differ = [...allK, ...allS].filter(
      (i) =>
        cleanText(i.raw).text !==
        cleanText([...kItems, ...sItems].find((f) => f.code === i.code)?.raw ?? '').text,
    )
    judge('items-deduplicated', 'all', tableStart + 1, true, () => ({
      where: 'K and S lists',
      source: `K/S items listed under each task, ${tops.map(([code, n], i) => `${code} under ${numberWord(n)}${i === 0 ? ' tasks' : ''}`).join(', ')}`,
      decision: `K and S items are numbered once per standard; the lists hold each code once, with the text of its first appearance (${
        differ.length === 0
          ? 'every repeat has the same text'
          : `the repeats of ${[...new Set(differ.map((d) => d.code))].join(', ')} read differently`
      }), and each task names the codes it lists.`,
    }))
  }
  // A note explains the K, S or A item it names by code, else the one whose text (an
  // attitude's name) its term reads most like.
  const explainable = [
    ...knowledge,
    ...skills,
    ...attitudesOut.map((a) => ({ code: a.code, text: a.name })),
  ]
  const supplementary = notes.supplementary.map((s) => {
    const term = /^([^：:]{1,40})[：:]/.exec(s.text)?.[1]?.trim() ?? s.text.slice(0, 20)
    const named = [...s.text.matchAll(/(?<![A-Za-z0-9])[KSA]\d{2,}(?!\d)/g)]
      .map((m) => m[0])
      .filter((c, i, all) => all.indexOf(c) === i && explainable.some((k) => k.code === c))
    const best = explainable
      .map((k) => ({ k, score: similarity(term, k.text) }))
      .sort((a, b) => b.score - a.score)[0]
    const proposed =
      named.length > 0 ? named.join(', ') : best && best.score >= 0.6 ? best.k.code : ''
    const chosen = String(judge('note-link', term, s.line, proposed, null))
    const codes = chosen.split(/[,\s]+/).filter((c) => /^[KSA]\d{2,}$/.test(c))
    return { s, term, codes }
  })
  if (supplementary.length > 0) {
    const linked = supplementary.filter((x) => x.codes.length > 0)
    const textOf = (code: string) => explainable.find((k) => k.code === code)?.text ?? ''
    const letters = new Set(linked.flatMap((x) => x.codes.map((c) => c[0])))
    const itemWord = !letters.has('A')
      ? letters.has('S')
        ? 'knowledge or skill item'
        : 'knowledge item'
      : letters.size === 1
        ? 'attitude'
        : `${[letters.has('K') ? 'knowledge' : null, letters.has('S') ? 'skill' : null]
            .filter((x) => x !== null)
            .join(', ')} or attitude item`
    judge('notes-linked', 'all', supplementary[0]?.s.line ?? 1, true, () => ({
      where: '說明與補充事項 / 其他補充說明',
      source: `${supplementary[0]?.term ?? ''}：… (${numberWord(supplementary.length)} line${supplementary.length > 1 ? 's' : ''})`,
      decision: `Each line of 其他補充說明 expands on a${itemWord.startsWith('a') ? 'n' : ''} ${itemWord}; it is linked to that item (${linked
        .map(
          (x) =>
            `${x.term} → ${x.codes.map((c) => (textOf(c).includes(x.term) || x.term.includes(textOf(c)) ? c : `${c} ${textOf(c)}`)).join(', ')}`,
        )
        .join(
          ', ',
        )})${linked.length < supplementary.length ? '; lines that match no item are kept without a link' : ''}.`,
    }))
  }
  if (attitudes.items.length > 0) {
    const a0 = attitudes.items[0] as RawItem
    const aN = attitudes.items.at(-1) as RawItem
    const short = (a: RawItem) =>
      `${a.code}${/^\s/.test(a.raw) ? ' ' : ''}${collapse(a.raw).text.replace(/[：:].*$/, '')}：…`
    judge('attitude-matrix', 'all', attitudes.line, true, () =>
      attitudes.matrix
        ? {
            where: 'Attitude matrix',
            source: `√ table of ${compactCodes(attitudes.items.map((a) => a.code))} by ${attitudes.columns[0] ?? ''}–${attitudes.columns.at(-1) ?? ''}`,
            decision: 'Each attitude lists the tasks ticked in its row.',
          }
        : {
            where: 'Attitudes',
            source: a0 === aN ? short(a0) : `${short(a0)} ${short(aN)}`,
            decision:
              'The standard has no attitude-to-task matrix: attitudes apply to the whole occupation and carry no task list.',
          },
    )
  }

  // ---- header values, the id ------------------------------------------------------------
  for (const field of ['title', 'description', 'field', 'occupation'] as const)
    if (header[field] === null) problems.push(pasteProblem('paste-missing-field', { field }, 1))
  if (header.industriesUnpaired)
    problems.push(
      pasteProblem('paste-industries-unpaired', header.industriesUnpaired, header.industriesLine),
    )
  else if (header.industries.length === 0)
    problems.push(pasteProblem('paste-missing-field', { field: 'industry' }, 1))
  const fieldC = header.field ?? { name: '', code: '' }
  const occupationC = header.occupation ?? { name: '', code: '' }
  const title = header.title ?? ''
  let id = header.code ?? ''
  if (header.code === null) {
    const proposed =
      `${fieldC.code}${occupationC.code}-${shortHash(title)}`.replace(/[^A-Za-z0-9._-]/g, '') ||
      `standard-${shortHash(title)}`
    id = String(
      judge('no-code', 'id', header.codeLine, proposed, (v) => ({
        where: 'id, code',
        source: '職能基準代碼 (empty)',
        decision: `The standard has no code yet: code is null, and the file id ${String(v)} is GapLens’s own, built from its field (${fieldC.code}) and occupation (${occupationC.code}) codes. It is not an iCAP code.`,
      })),
    )
  }

  if (problems.length > 0) throw new Refusal(problems)

  // The editorial list: the judgements' entries in the bundled files' order, then the person's.
  const ordered = [...judged].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  )
  const editorial: EditorialNote[] = []
  const own = options.notes ?? []
  for (const j of ordered) {
    for (const n of own) if (n.before === j.id) editorial.push(n.note)
    if (j.note) editorial.push(j.note)
  }
  const ids = new Set(ordered.map((j) => j.id))
  for (const n of own) if (n.before === undefined || !ids.has(n.before)) editorial.push(n.note)

  const heading = header.heading ?? `${title}職能基準`
  const candidate = {
    ...(options.schemaRef !== undefined ? { $schema: options.schemaRef } : {}),
    formatVersion: STANDARD_FORMAT_VERSION,
    id,
    code: header.code,
    title,
    level: standardLevel,
    field: fieldC,
    occupation: occupationC,
    industries: header.industries,
    description: description.text,
    ...(description.marks ? { descriptionFootnotes: description.marks } : {}),
    duties: dutiesOut,
    knowledge,
    skills,
    attitudes: attitudesOut,
    footnotes: notes.footnotes.map((f) => ({ n: f.n, text: f.text })),
    notes: {
      general: notes.general,
      qualifications: notes.qualifications,
      supplementary: supplementary.map(({ s, codes }) => ({
        text: s.text,
        ...(codes.length > 0 ? { explains: codes } : {}),
      })),
    },
    versions: header.versions,
    source: {
      document: header.code
        ? `${heading} ${header.code}（${SOURCE_SUFFIX}）`
        : `${heading}（尚無職能基準代碼；${SOURCE_SUFFIX}）`,
      extraction: options.sourceName ?? 'pasted text',
    },
    editorial,
  }
  const checked = Standard.safeParse(candidate)
  if (!checked.success) {
    const lineOf = (path: PropertyKey[]): number => {
      let node: unknown = candidate
      let line = tableStart + 1
      for (const key of path) {
        if (node === null || typeof node !== 'object') break
        node = (node as Record<PropertyKey, unknown>)[key]
        const code =
          node && typeof node === 'object' ? (node as { code?: unknown }).code : undefined
        if (typeof code === 'string' && seen.has(code)) line = seen.get(code) ?? line
      }
      return line
    }
    throw new Refusal(
      checked.error.issues.map((issue) =>
        pasteProblem(
          'paste-invalid',
          { path: issue.path.map(String).join('.'), message: issue.message },
          lineOf(issue.path),
        ),
      ),
    )
  }
  return { ok: true, standard: checked.data, judgements: ordered }
}

/** Ends a sentence with a full stop unless the quoted text already ends one. */
const endSentence = (t: string) => (/[。.!?！？]$/.test(t) ? t : `${t}.`)

const collapseSpaces = (raw: string) => raw.trim().replace(/\s+/g, ' ')
