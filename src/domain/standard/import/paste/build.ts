/**
 * The parts of the standard built from the drafts: the work description, the duties with their
 * tasks, outputs and indicators, the K and S lists (each code once, with the text of its first
 * appearance, in the order of their codes) and the attitudes (name and description split at the
 * colon), every text cleaned and every code checked to be unique.
 */
import type { Attitudes } from './attitudes'
import { DESCRIPTION, type Cleaner } from './cleaning'
import type { Header } from './header'
import type { KsLists } from './ks-lists'
import { pasteProblem, type PasteProblem } from './problems'
import type { RawItem } from './table'
import type { DutyDraft } from './tasks'
import { cleanText } from '../text'
import { codeOrder } from '../../../lists'

/**
 * The first item of each code, ordered by code. The tasks name K and S items in the order they
 * use them (K14, K17, K10 …), but the standard numbers them once for all: its lists follow the
 * numbers, so a standard pasted and the same standard opened as a file are one text, with one
 * content hash.
 */
const firstOf = (items: RawItem[]) => {
  const m = new Map<string, RawItem>()
  for (const i of items) if (!m.has(i.code)) m.set(i.code, i)
  return [...m.values()].sort((a, b) => codeOrder(a.code, b.code))
}

/**
 * The description, duties, K, S and attitudes of the standard, and the line of every code (for
 * placing a schema issue). A code met twice, a task without indicators and a ticked task that
 * does not exist are problems.
 */
export function buildParts(
  header: Header,
  duties: DutyDraft[],
  ks: KsLists,
  attitudes: Attitudes,
  cleaner: Cleaner,
  problems: PasteProblem[],
) {
  const { clean, note, marksOf, withMarks } = cleaner
  const seen = new Map<string, number>()
  const unique = (item: RawItem) => {
    if (seen.has(item.code))
      problems.push(pasteProblem('paste-duplicate-code', { code: item.code }, item.line))
    seen.set(item.code, item.line)
  }
  const kItems = firstOf(ks.allK)
  const sItems = firstOf(ks.allS)

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
        // A task's own lists by code too, as the bundled files hold them.
        knowledge: [...new Set(ks.knowledgeOf(t).map((k) => k.code))].sort(codeOrder),
        skills: [...new Set(ks.skillsOf(t).map((k) => k.code))].sort(codeOrder),
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
  const taskCodes = new Set(duties.flatMap((d) => d.tasks).map((t) => t.item.code))
  for (const code of attitudes.matrix?.get('') ?? [])
    if (!taskCodes.has(code))
      problems.push(
        pasteProblem('paste-code-misplaced', { code, column: 'task' }, attitudes.matrixLine),
      )
  return {
    description,
    duties: dutiesOut,
    kItems,
    sItems,
    knowledge,
    skills,
    attitudes: attitudesOut,
    /** The line of every code of a duty, task, output, indicator or attitude. */
    seen,
  }
}
