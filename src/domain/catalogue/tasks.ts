/**
 * Duties and tasks from the parser's task rows: one row per task, with its duty's code and
 * title run together, its outputs as one string, its indicators without their codes and one
 * level. Codes the source lacks (P, O) are given in the published order; every reading that is
 * not a plain copy becomes an editorial note; a file whose rows cannot be read without
 * inventing is refused with its reason.
 */
import type { CompetencyLevel, Duty, Indicator, Output, Task } from '../standard/schema'
import type { SourceTask } from './source'
import { cleanText, splitOutputs, type CleanLog } from './text'
import { WHERE_TASKS_LEFT_OUT, type ConversionNote, type LeftOutReason } from './notes'

/** Said for a duty whose title the parser did not keep: the schema wants a text, never a guess. */
export const MISSING_DUTY_TITLE = '（轉錄缺此主要職責名稱）'
/** Said for a task whose title the parser did not keep. */
export const MISSING_TASK_TITLE = '（轉錄缺此工作任務名稱）'

export type DutiesReading =
  { ok: true; duties: Duty[]; tasksLeftOut: string[] } | { ok: false; reason: LeftOutReason }

interface Row {
  task: string
  duty: string
  source: SourceTask
}

const TASK_CODE = /^T(\d+)\.(\d+)$/
const DUTY_PREFIX = /^\s*T\s*(\d+)\s*[.．、:：]?\s*/u

/** The levels a row's level cell holds: 4 → [4]; 34 → [3, 4] (two run together); 0 → none. */
export function levelsOf(value: number | null | undefined): CompetencyLevel[] {
  if (value === null || value === undefined || !Number.isInteger(value)) return []
  if (value >= 1 && value <= 6) return [value]
  const digits = String(value).split('').map(Number)
  if (value >= 10 && digits.length === 2 && digits.every((d) => d >= 1 && d <= 6))
    return [...new Set(digits)].sort((a, b) => a - b)
  return []
}

/** Two rows that say the same words (one may be a copy that lost its level, K or S). */
function sameWords(a: SourceTask, b: SourceTask): boolean {
  const key = (r: SourceTask) =>
    JSON.stringify([r.main_responsibility, r.task_name, r.output, r.behaviors])
  return key(a) === key(b)
}

/** Rows of the same words as one: a level where one has it, the K and S each lists. */
function mergeCopies(group: SourceTask[]): SourceTask {
  const union = (lists: string[][]) => [...new Set(lists.flat())]
  return {
    ...group[0]!,
    level: group.find((r) => levelsOf(r.level).length)?.level ?? group[0]!.level,
    knowledge: union(group.map((r) => r.knowledge)),
    skills: union(group.map((r) => r.skills)),
  }
}

/** A task code as written, read as ASCII (T2.５ is T2.5) without spaces. */
export function taskCodeOf(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, '')
}

const hasIndicators = (r: SourceTask) => r.behaviors.some((b) => cleanText(b).length > 0)

/**
 * One row per task code. Rows repeated exactly are one; a repeated code whose other rows hold
 * no indicator text (the parser's cut of one cell at a page break, ".2 開立規格書") keeps the
 * row that has it; two rows of one code that each hold indicators are different tasks under
 * one code, and which is which the source does not say: the file is refused.
 */
function oneRowPerTask(
  source: SourceTask[],
  notes: ConversionNote[],
): { ok: true; rows: Row[] } | { ok: false; reason: LeftOutReason } {
  const byCode = new Map<string, SourceTask[]>()
  const rewritten = new Set<string>()
  for (const row of source) {
    const code = taskCodeOf(row.task_id)
    if (code !== row.task_id) rewritten.add(`${row.task_id} → ${code}`)
    byCode.set(code, [...(byCode.get(code) ?? []), row])
  }
  if (rewritten.size)
    notes.push({
      where: [...rewritten].map((r) => r.split(' → ')[1]).join(', '),
      source: [...rewritten].join(', '),
      decision: 'Task codes written with full-width digits or spaces are read as plain codes.',
    })
  const rows: Row[] = []
  const clashes: string[] = []
  for (const [task, group] of byCode) {
    const found = TASK_CODE.exec(task)
    if (!found) return { ok: false, reason: { kind: 'bad-task-code', task } }
    let kept = group[0]!
    if (group.length > 1) {
      if (group.every((r) => sameWords(r, kept))) {
        kept = mergeCopies(group)
        notes.push({
          where: task,
          source: `${group.length} rows of the same words`,
          decision: `The row of ${task} is repeated (a copy may lack its level, K or S); kept once, with the level and the K and S codes its rows give.`,
        })
      } else {
        const full = group.filter(hasIndicators)
        if (full.length > 1) {
          clashes.push(task)
          continue
        }
        kept = full[0] ?? kept
        notes.push({
          where: task,
          source: group
            .filter((r) => r !== kept)
            .map((r) => r.task_name)
            .join(' | '),
          decision: `Other rows under ${task} hold no indicator text (a cell the parser cut at a page break); only the row with its indicators is kept.`,
        })
      }
    }
    rows.push({ task, duty: `T${found[1]}`, source: kept })
  }
  if (clashes.length) return { ok: false, reason: { kind: 'repeated-task', tasks: clashes } }
  return { ok: true, rows }
}

/** A duty's title as one row gives it, if that row names the duty itself; else null. */
function titleIn(row: Row, log: CleanLog): string | null {
  const raw = row.source.main_responsibility
  const found = DUTY_PREFIX.exec(raw)
  if (!found || `T${found[1]}` !== row.duty) return null
  const title = cleanText(raw.slice(found[0].length), row.duty, log)
  // "T4行銷企劃與預算控管T4行銷企劃與預算控管": the cell read twice.
  const again = title.indexOf(row.duty)
  if (again > 0 && title.slice(0, again) === title.slice(again + row.duty.length))
    return title.slice(0, again)
  return title || null
}

function dutyTitles(rows: Row[], log: CleanLog, notes: ConversionNote[]): Map<string, string> {
  const seen = new Map<string, string[]>()
  for (const row of rows) {
    const title = titleIn(row, log)
    const list = seen.get(row.duty) ?? []
    if (title !== null && !list.includes(title)) list.push(title)
    seen.set(row.duty, list)
  }
  const titles = new Map<string, string>()
  for (const [duty, list] of seen) {
    const longest = [...list].sort((a, b) => b.length - a.length)[0]
    if (!longest) {
      titles.set(duty, MISSING_DUTY_TITLE)
      const other = rows.find((r) => r.duty === duty)?.source.main_responsibility ?? ''
      notes.push({
        where: duty,
        source: other,
        decision: `The parser kept no title for ${duty}: its rows repeat another duty's. Shown as ${MISSING_DUTY_TITLE}.`,
      })
    } else if (list.every((t) => longest.startsWith(t))) titles.set(duty, longest)
    else {
      titles.set(duty, list[0]!)
      notes.push({
        where: duty,
        source: list.join(' | '),
        decision: `The rows of ${duty} give its title differently; the first is kept.`,
      })
    }
    if (longest && list.length > 1 && list.every((t) => longest.startsWith(t)))
      notes.push({
        where: duty,
        source: list.join(' | '),
        decision: `Some rows of ${duty} cut its title short; the whole title is kept.`,
      })
  }
  return titles
}

interface LevelReading {
  levels: CompetencyLevel[]
  from: 'cell' | 'above' | 'standard'
}

/**
 * Each task's level: its own cell; an empty cell (0) reads as the level of the task above it in
 * the same duty (a cell merged down the duty's rows, the PDF keeping its value on the first row
 * only), and the first task of a duty with an empty cell reads as the standard's level.
 */
function taskLevels(rows: Row[], standardLevel: CompetencyLevel): Map<string, LevelReading> {
  const readings = new Map<string, LevelReading>()
  let previous: { duty: string; levels: CompetencyLevel[] } | null = null
  for (const row of rows) {
    const own = levelsOf(row.source.level)
    let reading: LevelReading
    if (own.length) reading = { levels: own, from: 'cell' }
    else if (previous?.duty === row.duty) reading = { levels: previous.levels, from: 'above' }
    else reading = { levels: [standardLevel], from: 'standard' }
    readings.set(row.task, reading)
    previous = { duty: row.duty, levels: reading.levels }
  }
  return readings
}

function levelNotes(
  rows: Row[],
  readings: Map<string, LevelReading>,
  standardLevel: number,
  notes: ConversionNote[],
): void {
  const list = (from: LevelReading['from']) =>
    rows.filter((r) => readings.get(r.task)?.from === from)
  const above = list('above')
  if (above.length)
    notes.push({
      where: above.map((r) => r.task).join(', '),
      source: '職能級別 0 (no level read)',
      decision: `The level cell is empty; read as the level of the task above in the same duty, as a cell merged down the duty's rows: ${above.map((r) => `${r.task} ${readings.get(r.task)!.levels.join('/')}`).join(', ')}.`,
    })
  const standard = list('standard')
  if (standard.length)
    notes.push({
      where: standard.map((r) => r.task).join(', '),
      source: '職能級別 0 (no level read)',
      decision: `The level cell of the first task of a duty is empty; read as the standard's level, ${standardLevel}.`,
    })
  const two = rows.filter((r) => (readings.get(r.task)?.levels.length ?? 0) > 1)
  if (two.length)
    notes.push({
      where: two.map((r) => r.task).join(', '),
      source: two.map((r) => `${r.task} 職能級別 ${r.source.level}`).join(', '),
      decision:
        'The task has indicators at two levels, run together by the parser; which indicator is at which level is not in the source, so every indicator is given the higher, the task’s level.',
    })
}

/** The outputs of a row: split at 、 and numbered in order (output codes are not in the source). */
function outputsOf(row: Row, prefix: string, log: CleanLog): Output[] {
  return splitOutputs(row.source.output)
    .map((text) => cleanText(text, row.task, log))
    .filter((text) => text.length > 0)
    .map((text, i) => ({ code: `O${prefix}.${i + 1}`, text }))
}

/**
 * The duties and tasks of a file, in the source's order. A task without indicator text is left
 * out with its K and S references (named in a note); a file that keeps fewer than half of its
 * tasks is refused, as what is left would mislead more than help.
 */
export function readDuties(
  source: SourceTask[],
  standardLevel: CompetencyLevel,
  log: CleanLog,
  notes: ConversionNote[],
): DutiesReading {
  if (source.length === 0) return { ok: false, reason: { kind: 'no-tasks' } }
  const grouped = oneRowPerTask(source, notes)
  if (!grouped.ok) return grouped
  const rows = grouped.rows
  const titles = dutyTitles(rows, log, notes)
  const levels = taskLevels(rows, standardLevel)
  levelNotes(rows, levels, standardLevel, notes)

  const duties = new Map<string, Duty>()
  const leftOut: Row[] = []
  for (const row of rows) {
    const prefix = row.task.slice(1)
    const level = Math.max(...levels.get(row.task)!.levels) as CompetencyLevel
    const indicators: Indicator[] = row.source.behaviors
      .map((b) => cleanText(b, row.task, log))
      .filter((text) => text.length > 0)
      .map((text, i) => ({ code: `P${prefix}.${i + 1}`, text, level }))
    if (!indicators.length) {
      leftOut.push(row)
      continue
    }
    const title = cleanText(row.source.task_name, row.task, log)
    if (!title)
      notes.push({
        where: row.task,
        source: '(no task title)',
        decision: `The parser kept no title for ${row.task}; shown as ${MISSING_TASK_TITLE}.`,
      })
    const task: Task = {
      code: row.task,
      title: title || MISSING_TASK_TITLE,
      outputs: outputsOf(row, prefix, log),
      indicators,
      knowledge: [...new Set(row.source.knowledge.map((k) => k.trim()))],
      skills: [...new Set(row.source.skills.map((s) => s.trim()))],
    }
    const duty = duties.get(row.duty)
    if (duty) duty.tasks.push(task)
    else duties.set(row.duty, { code: row.duty, title: titles.get(row.duty)!, tasks: [task] })
  }
  const kept = rows.length - leftOut.length
  if (kept * 2 < rows.length)
    return {
      ok: false,
      reason: { kind: 'tasks-without-indicators', without: leftOut.length, of: rows.length },
    }
  if (leftOut.length)
    notes.push({
      where: `${WHERE_TASKS_LEFT_OUT}${leftOut.map((r) => r.task).join(', ')}`,
      source: leftOut.map((r) => `${r.task} ${cleanText(r.source.task_name)}`).join(' | '),
      decision: `The source holds no indicator text for ${leftOut.length === 1 ? 'this task' : 'these tasks'}; ${leftOut.length === 1 ? 'it is' : 'they are'} left out, with the K and S items only ${leftOut.length === 1 ? 'it' : 'they'} used (a task cannot be rated without its indicators, and none is invented).`,
    })
  return { ok: true, duties: [...duties.values()], tasksLeftOut: leftOut.map((r) => r.task) }
}
