/**
 * The K, S and A items of a template, and the tasks each serves: a K or S row's tasks get its
 * code in their lists (in the order of the K and S rows); an attitude keeps its tasks as its own
 * √ list (none for an empty cell, an empty list for `none`).
 */
import type { FootnoteRef } from '../../schema'
import { listOf, TASK_CODE, type Cells } from './cells'
import { withMarks } from './footnotes'
import { NONE } from './format'
import type { Line } from './lines'
import { templateProblem } from './problems'
import type { TaskEntry } from './tasks'

/** The knowledge, skill and attitude items, their codes added to the tasks they serve. */
export function readItems(
  cells: Cells,
  marksOf: (l: Line) => FootnoteRef[] | undefined,
  tasks: Map<string, TaskEntry>,
) {
  const { of, need, codeOf, at, problems } = cells
  const add = problems.add
  /** The task codes a K, S or A row serves; undefined for an empty cell. */
  const servedBy = (l: Line, c: string): string[] | undefined => {
    const raw = l.get('task')
    if (raw === '') return undefined
    if (raw.toLowerCase() === NONE) return []
    const codes: string[] = []
    for (const token of listOf(raw)) {
      const t = token.toUpperCase()
      if (!TASK_CODE.test(t)) {
        add(templateProblem('template-bad-code', { kind: 'task', value: token }, l.line))
        continue
      }
      if (!tasks.has(t)) {
        add(templateProblem('template-unknown-task', { kind: l.kind, code: c, task: t }, l.line))
        continue
      }
      if (!codes.includes(t)) codes.push(t)
    }
    return codes
  }
  const items = (kind: 'knowledge' | 'skill') =>
    of(kind).flatMap((l) => {
      const c = codeOf(l)
      const text = need(l, 'text')
      const marks = marksOf(l)
      if (c === null) return []
      if (l.get('task') === '') {
        need(l, 'task')
        return []
      }
      for (const t of servedBy(l, c) ?? []) {
        const task = tasks.get(t)!.draft
        ;(kind === 'knowledge' ? task.knowledge : task.skills).push(c)
      }
      return [at({ code: c, text, ...withMarks('footnotes', marks) }, l)]
    })
  const knowledge = items('knowledge')
  const skills = items('skill')
  const attitudes = of('attitude').flatMap((l) => {
    const c = codeOf(l)
    const name = need(l, 'title')
    const description = need(l, 'text')
    const marks = marksOf(l)
    if (c === null) return []
    const served = servedBy(l, c)
    return [
      at(
        {
          code: c,
          name,
          description,
          ...withMarks('footnotes', marks),
          ...(served === undefined ? {} : { tasks: served }),
        },
        l,
      ),
    ]
  })
  return { knowledge, skills, attitudes }
}
