/**
 * Facts derived from a standard: task levels, which tasks use an item, and the rateable items.
 * Pure functions over the data; nothing here is stored.
 */
import type { AttitudeItem, CompetencyLevel, Duty, Indicator, Standard, Task } from './schema'

/** The levels a task's indicators sit at, lowest first (usually one). */
export function taskLevels(task: Task): CompetencyLevel[] {
  return [...new Set(task.indicators.map((p) => p.level))].sort((a, b) => a - b)
}

/** A task's level is the highest level among its indicators. */
export function taskLevel(task: Task): CompetencyLevel {
  return Math.max(...task.indicators.map((p) => p.level))
}

export function allTasks(standard: Standard): Task[] {
  return standard.duties.flatMap((d) => d.tasks)
}

/** The number of tasks before each duty's first, in the standard's order. */
export function tasksBeforeDuties(standard: Standard): number[] {
  let n = 0
  return standard.duties.map((duty) => {
    const before = n
    n += duty.tasks.length
    return before
  })
}

export function dutyOfTask(standard: Standard, taskCode: string): Duty | undefined {
  return standard.duties.find((d) => d.tasks.some((t) => t.code === taskCode))
}

/** Task codes that use each K, S and A code (attitudes only where the standard maps them). */
export function itemUsage(standard: Standard): Map<string, string[]> {
  const usage = new Map<string, string[]>()
  const add = (code: string, task: string) => {
    const list = usage.get(code)
    if (list) list.push(task)
    else usage.set(code, [task])
  }
  for (const task of allTasks(standard)) {
    for (const code of [...task.knowledge, ...task.skills]) add(code, task.code)
  }
  for (const a of standard.attitudes) for (const t of a.tasks ?? []) add(a.code, t)
  return usage
}

/** Whether the standard maps its attitudes to tasks (a √ matrix). */
export function hasAttitudeMatrix(standard: Standard): boolean {
  return standard.attitudes.some((a) => a.tasks !== undefined)
}

export function attitudeLabel(a: AttitudeItem): string {
  return `${a.name}：${a.description}`
}

export interface StandardCounts {
  duties: number
  tasks: number
  outputs: number
  indicators: number
  knowledge: number
  skills: number
  attitudes: number
  footnotes: number
}

export function countStandard(standard: Standard): StandardCounts {
  const tasks = allTasks(standard)
  return {
    duties: standard.duties.length,
    tasks: tasks.length,
    outputs: tasks.reduce((n, t) => n + t.outputs.length, 0),
    indicators: tasks.reduce((n, t) => n + t.indicators.length, 0),
    knowledge: standard.knowledge.length,
    skills: standard.skills.length,
    attitudes: standard.attitudes.length,
    footnotes: standard.footnotes.length,
  }
}

/** Indicators grouped into runs of one level, in order: how a task's table rows read. */
export function indicatorBlocks(task: Task): { level: CompetencyLevel; indicators: Indicator[] }[] {
  const blocks: { level: CompetencyLevel; indicators: Indicator[] }[] = []
  for (const p of task.indicators) {
    const last = blocks.at(-1)
    if (last && last.level === p.level) last.indicators.push(p)
    else blocks.push({ level: p.level, indicators: [p] })
  }
  return blocks
}

/** Splits a text at its footnote anchors so a mark can be shown where it hangs. */
export function footnoteSegments(
  body: string,
  refs: { n: number; after?: string }[] | undefined,
): { text: string; note?: number }[] {
  if (!refs?.length) return [{ text: body }]
  const cuts = refs
    .map((r) => {
      const at = r.after === undefined ? -1 : body.indexOf(r.after)
      return { n: r.n, end: at < 0 ? body.length : at + (r.after?.length ?? 0) }
    })
    .sort((a, b) => a.end - b.end)
  const segments: { text: string; note?: number }[] = []
  let from = 0
  for (const cut of cuts) {
    segments.push({ text: body.slice(from, cut.end), note: cut.n })
    from = cut.end
  }
  if (from < body.length) segments.push({ text: body.slice(from) })
  return segments
}

/** Lookups a reader of a standard needs at every turn, built once per standard. */
export interface StandardIndex {
  knowledge: Map<string, Standard['knowledge'][number]>
  skills: Map<string, Standard['skills'][number]>
  footnotes: Map<number, string>
  usage: Map<string, string[]>
  explanations: Map<string, string[]>
  taskTitles: Map<string, string>
}

export function indexStandard(standard: Standard): StandardIndex {
  const explanations = new Map<string, string[]>()
  for (const note of standard.notes.supplementary) {
    for (const code of note.explains ?? []) {
      explanations.set(code, [...(explanations.get(code) ?? []), note.text])
    }
  }
  return {
    knowledge: new Map(standard.knowledge.map((k) => [k.code, k])),
    skills: new Map(standard.skills.map((s) => [s.code, s])),
    footnotes: new Map(standard.footnotes.map((f) => [f.n, f.text])),
    usage: itemUsage(standard),
    explanations,
    taskTitles: new Map(allTasks(standard).map((t) => [t.code, t.title])),
  }
}
