/**
 * The duties of a template and their tasks, outputs and indicators, each row placed under the
 * duty and task it names (a task row may leave its duty to its code), and every reference
 * checked: a task in another duty, an unknown duty or task, an indicator's outputs that are not
 * its task's, a duty without tasks, a task without indicators.
 */
import type { FootnoteRef } from '../../schema'
import { listOf, normCode, type Cells } from './cells'
import { withMarks } from './footnotes'
import type { Line } from './lines'
import { templateProblem } from './problems'

export interface DutyDraft {
  code: string
  title: string
  titleFootnotes?: FootnoteRef[]
  tasks: TaskDraft[]
}
export interface TaskDraft {
  code: string
  title: string
  titleFootnotes?: FootnoteRef[]
  outputs: { code: string; text: string; footnotes?: FootnoteRef[] }[]
  indicators: { code: string; text: string; level: number; footnotes?: FootnoteRef[] }[]
  knowledge: string[]
  skills: string[]
}
/** A task read, with its duty's code and its row. */
export interface TaskEntry {
  duty: string
  draft: TaskDraft
  line: Line
}

/**
 * The duties by code, each with its tasks (their K and S lists still empty), and the tasks by
 * code. `marksOf` reads a row's footnote marks.
 */
export function readTasks(
  cells: Cells,
  marksOf: (l: Line) => FootnoteRef[] | undefined,
): { duties: Map<string, DutyDraft>; tasks: Map<string, TaskEntry> } {
  const { of, need, codeOf, levelOf, at, problems } = cells
  const add = problems.add
  const duties = new Map<string, DutyDraft>()
  const dutyLines = new Map<string, Line>()
  for (const l of of('duty')) {
    const c = codeOf(l)
    const t = need(l, 'title')
    const marks = marksOf(l)
    if (c === null) continue
    duties.set(c, at({ code: c, title: t, ...withMarks('titleFootnotes', marks), tasks: [] }, l))
    dutyLines.set(c, l)
  }
  const tasks = new Map<string, TaskEntry>()
  for (const l of of('task')) {
    const c = codeOf(l)
    const t = need(l, 'title')
    const marks = marksOf(l)
    if (c === null) continue
    const implied = c.slice(0, c.indexOf('.'))
    const given = l.get('duty') === '' ? implied : normCode(l.get('duty'))
    if (given !== implied) {
      add(templateProblem('template-task-outside-duty', { task: c, duty: given }, l.line))
      continue
    }
    const duty = duties.get(given)
    if (!duty) {
      add(templateProblem('template-unknown-duty', { kind: 'task', code: c, duty: given }, l.line))
      continue
    }
    const draft: TaskDraft = at(
      {
        code: c,
        title: t,
        ...withMarks('titleFootnotes', marks),
        outputs: [],
        indicators: [],
        knowledge: [],
        skills: [],
      },
      l,
    )
    duty.tasks.push(draft)
    tasks.set(c, { duty: given, draft, line: l })
  }

  /** The task a row names (and the duty it may name with it), or null with a problem. */
  const taskOf = (l: Line, c: string) => {
    const raw = need(l, 'task')
    if (raw === '') return null
    const t = normCode(raw)
    const task = tasks.get(t)
    if (!task) {
      // A duty that does not exist is the first thing to fix, so it is the one named.
      const duty = l.get('duty') === '' ? null : normCode(l.get('duty'))
      if (duty !== null && !duties.has(duty))
        add(templateProblem('template-unknown-duty', { kind: l.kind, code: c, duty }, l.line))
      else add(templateProblem('template-unknown-task', { kind: l.kind, code: c, task: t }, l.line))
      return null
    }
    const duty = l.get('duty')
    if (duty !== '' && normCode(duty) !== task.duty) {
      add(templateProblem('template-task-outside-duty', { task: t, duty: normCode(duty) }, l.line))
      return null
    }
    return task.draft
  }

  for (const l of of('output')) {
    const c = codeOf(l)
    const text = need(l, 'text')
    const marks = marksOf(l)
    if (c === null) continue
    const task = taskOf(l, c)
    if (task) task.outputs.push(at({ code: c, text, ...withMarks('footnotes', marks) }, l))
  }
  const outputChecks: { l: Line; c: string; task: TaskDraft }[] = []
  for (const l of of('indicator')) {
    const c = codeOf(l)
    const text = need(l, 'text')
    const level = levelOf(l, c ?? l.get('code'))
    const marks = marksOf(l)
    if (c === null) continue
    const task = taskOf(l, c)
    if (!task) continue
    task.indicators.push(at({ code: c, text, level, ...withMarks('footnotes', marks) }, l))
    outputChecks.push({ l, c, task })
  }
  // After every output row is read, so an output row below its indicators still counts.
  for (const { l, c, task } of outputChecks)
    for (const o of listOf(l.get('outputs')))
      if (!task.outputs.some((x) => x.code === normCode(o)))
        add(
          templateProblem(
            'template-unknown-output',
            { code: c, task: task.code, output: o },
            l.line,
          ),
        )

  // Only where nothing else is wrong: a task left empty by a bad indicator row would be noise.
  if (problems.list.length === 0) {
    for (const [c, duty] of duties)
      if (duty.tasks.length === 0)
        add(templateProblem('template-duty-without-tasks', { duty: c }, dutyLines.get(c)!.line))
    for (const [c, task] of tasks)
      if (task.draft.indicators.length === 0)
        add(templateProblem('template-task-without-indicators', { task: c }, task.line.line))
  }
  return { duties, tasks }
}
