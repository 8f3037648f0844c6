/**
 * The judgements that sum up what the reading did across the standard, one editorial entry
 * each: words joined, footnote marks and HTML taken out, cells and footnotes joined across a
 * page break, tasks without outputs, K and S items listed once, the attitude matrix (or its
 * absence).
 */
import type { Attitudes } from './attitudes'
import type { CleaningLog } from './cleaning'
import type { Judge } from './judge'
import type { KsLists } from './ks-lists'
import type { Notes } from './notes'
import type { Join, Kind, RawItem } from './table'
import type { TaskDraft } from './tasks'
import { cleanText, collapse, compactCodes, joinAcross, numberWord } from '../text'

/** Ends a sentence with a full stop unless the quoted text already ends one. */
const endSentence = (t: string) => (/[。.!?！？]$/.test(t) ? t : `${t}.`)

/** Spaces inside Chinese words removed, every item named. */
function judgeWordsJoined(log: CleaningLog, judge: Judge, line: number): void {
  if (log.brokenItems.length === 0) return
  const order: Kind[] = ['duty', 'task', 'output', 'indicator', 'knowledge', 'skill', 'attitude']
  const sortedItems = [...log.brokenItems].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind),
  )
  judge('words-joined', 'all', line, true, () => ({
    where: compactCodes(sortedItems.map((i) => i.code)),
    source: sortedItems.map((i) => `${i.code} ${i.raw}`).join(' / '),
    decision: `Spaces that the PDF extraction put inside Chinese words (line breaks in narrow table cells) are removed: ${sortedItems.map((i) => i.text).join(', ')}. The same applies to every text of the standard; spaces next to Latin letters or digits are kept as published.`,
  }))
}

/** Footnote marks kept as references with the words they follow, and HTML removed. */
function judgeFootnoteMarks(log: CleaningLog, judge: Judge, line: number): void {
  const { markForms, tagsMet, underlinedIn, markKinds, anchors } = log
  if (markForms.length === 0 && tagsMet.size === 0) return
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
  judge('footnote-marks', 'all', line, true, () => ({
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

/** Table cells and footnotes split by a page break, joined again: one judgement each. */
function judgeJoins(joins: Join[], notes: Notes, judge: Judge): void {
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
}

/** Tasks with an empty 工作產出 cell, kept with no output. */
function judgeNoOutput(tasks: TaskDraft[], judge: Judge): void {
  const noOutput = tasks.filter((t) => t.outputs.length === 0)
  if (noOutput.length === 0) return
  judge('no-output', 'all', noOutput[0]?.row.line ?? 1, true, () => ({
    where: noOutput.map((t) => t.item.code).join(', '),
    source: '(no output code in the 工作產出 cell)',
    decision:
      noOutput.length === 1
        ? 'This task has an empty work-output cell in the source and is kept with no output.'
        : 'These tasks have an empty work-output cell in the source and are kept with no output.',
  }))
}

/** K and S items listed per task, kept once each with the text of their first appearance. */
function judgeDeduplicated(ks: KsLists, firsts: RawItem[], judge: Judge, line: number): void {
  if (!ks.perTask) return
  const top = (m: Map<string, number>) =>
    [...m].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1])[0]
  const tops = [top(ks.kCount), top(ks.sCount)]
    .filter((x) => x !== undefined)
    .sort((a, b) => b[1] - a[1])
  const differ = [...ks.allK, ...ks.allS].filter(
    (i) =>
      cleanText(i.raw).text !== cleanText(firsts.find((f) => f.code === i.code)?.raw ?? '').text,
  )
  judge('items-deduplicated', 'all', line, true, () => ({
    where: 'K and S lists',
    source: `K/S items listed under each task, ${tops.map(([code, n], i) => `${code} under ${numberWord(n)}${i === 0 ? ' tasks' : ''}`).join(', ')}`,
    decision: `K and S items are numbered once per standard; the lists hold each code once, with the text of its first appearance (${
      differ.length === 0
        ? 'every repeat has the same text'
        : `the repeats of ${[...new Set(differ.map((d) => d.code))].join(', ')} read differently`
    }), and each task names the codes it lists.`,
  }))
}

/** The attitude matrix read, or the note that the standard has none. */
export function judgeAttitudeMatrix(attitudes: Attitudes, judge: Judge): void {
  if (attitudes.items.length === 0) return
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

/**
 * The summing judgements of the table and its notes (the attitude matrix's comes last, after
 * the notes are linked). `line` is the table's first line, where a judgement of the whole
 * table stands; `firsts` are the K and S items as kept, the first of each code.
 */
export function judgeSummaries(
  input: {
    log: CleaningLog
    joins: Join[]
    notes: Notes
    tasks: TaskDraft[]
    ks: KsLists
    firsts: RawItem[]
  },
  judge: Judge,
  line: number,
): void {
  judgeWordsJoined(input.log, judge, line)
  judgeFootnoteMarks(input.log, judge, line)
  judgeJoins(input.joins, input.notes, judge)
  judgeNoOutput(input.tasks, judge)
  judgeDeduplicated(input.ks, input.firsts, judge, line)
}
