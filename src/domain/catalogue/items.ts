/**
 * The K, S and A items of a converted file, and the tasks' references to them: what the source
 * lists, in code order, with the references the source cannot back taken out and the items no
 * remaining task uses set aside, each named in a note.
 */
import type { AttitudeItem, Duty, KnowledgeItem, SkillItem } from '../standard/schema'
import type { SourceFile } from './source'
import { cleanText, type CleanLog } from './text'
import type { ConversionNote } from './notes'

const numberOf = (code: string) => Number(/\d+/.exec(code)?.[0] ?? Number.NaN)
const byNumber = (a: { code: string }, b: { code: string }) => numberOf(a.code) - numberOf(b.code)

interface Listed {
  code: string
  text: string
}

/** A list as the source gives it: codes trimmed, texts cleaned, a repeated or empty item once. */
function listOf(
  kind: 'K' | 'S',
  source: { code: string; name: string }[],
  log: CleanLog,
  notes: ConversionNote[],
): Listed[] {
  const pattern = kind === 'K' ? /^K\d{2,}$/ : /^S\d{2,}$/
  const items: Listed[] = []
  const dropped: string[] = []
  for (const raw of source) {
    const code = raw.code.trim()
    const text = cleanText(raw.name, code, log)
    if (!pattern.test(code) || !text || items.some((i) => i.code === code))
      dropped.push(`${code} ${text}`.trim())
    else items.push({ code, text })
  }
  if (dropped.length)
    notes.push({
      where: `${kind} list`,
      source: dropped.join(' | '),
      decision: `Entries with no text, a code not of the form ${kind}01, or a code already listed are left out.`,
    })
  if (items.some((item, i) => i > 0 && byNumber(items[i - 1]!, item) > 0)) {
    items.sort(byNumber)
    notes.push({
      where: `${kind} list`,
      source: 'items listed out of code order',
      decision: `The ${kind} items are put in code order.`,
    })
  }
  return items
}

export interface ItemsReading {
  knowledge: KnowledgeItem[]
  skills: SkillItem[]
  attitudes: AttitudeItem[]
}

/**
 * The items, with the duties' task references made to agree: a reference to a code the list
 * lacks is taken out (its text is not in the source), and an item no task uses any more (or
 * ever did) is set aside, its text kept in the note, as the standard check wants every K and S
 * item used by a task. Changes the duties' tasks in place.
 */
export function readItems(
  source: SourceFile,
  duties: Duty[],
  log: CleanLog,
  notes: ConversionNote[],
): ItemsReading {
  const lists = {
    K: listOf('K', source.competency_knowledge, log, notes),
    S: listOf('S', source.competency_skills, log, notes),
  }
  for (const kind of ['K', 'S'] as const) {
    const field = kind === 'K' ? 'knowledge' : 'skills'
    const known = new Set(lists[kind].map((i) => i.code))
    const unknown: string[] = []
    for (const duty of duties)
      for (const task of duty.tasks) {
        const missing = task[field].filter((code) => !known.has(code))
        if (missing.length) unknown.push(`${task.code}: ${missing.join(', ')}`)
        task[field] = task[field].filter((code) => known.has(code))
      }
    if (unknown.length)
      notes.push({
        where: unknown.map((u) => u.split(':')[0]).join(', '),
        source: unknown.join(' | '),
        decision: `These tasks name ${kind} codes the standard's ${kind} list does not hold; the references are taken out, as the items' texts are not in the source.`,
      })
    const used = new Set(duties.flatMap((d) => d.tasks.flatMap((t) => t[field])))
    const unused = lists[kind].filter((i) => !used.has(i.code))
    if (unused.length) {
      lists[kind] = lists[kind].filter((i) => used.has(i.code))
      notes.push({
        where: unused.map((i) => i.code).join(', '),
        source: unused.map((i) => `${i.code} ${i.text}`).join(' | '),
        decision: `No task (kept) uses ${unused.length === 1 ? 'this item' : 'these items'} in the source; ${unused.length === 1 ? 'it is' : 'they are'} set aside here, with ${unused.length === 1 ? 'its text' : 'their texts'}, rather than tied to a task the source does not name.`,
      })
    }
  }

  const attitudes: AttitudeItem[] = []
  const droppedA: string[] = []
  for (const raw of source.competency_attitudes) {
    const code = raw.code.trim()
    const name = cleanText(raw.name, code, log)
    const description = cleanText(raw.description, code, log)
    if (!/^A\d{2,}$/.test(code) || !name || !description || attitudes.some((a) => a.code === code))
      droppedA.push(`${code} ${name} ${description}`.trim())
    else attitudes.push({ code, name, description })
  }
  if (droppedA.length)
    notes.push({
      where: 'A list',
      source: droppedA.join(' | '),
      decision:
        'Attitudes with no name or description, a code not of the form A01, or a code already listed are left out.',
    })
  if (attitudes.some((a, i) => i > 0 && byNumber(attitudes[i - 1]!, a) > 0)) {
    attitudes.sort(byNumber)
    notes.push({
      where: 'A list',
      source: 'attitudes listed out of code order',
      decision: 'The attitudes are put in code order.',
    })
  }
  return { knowledge: lists.K, skills: lists.S, attitudes }
}
