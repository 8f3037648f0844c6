/**
 * The rows of the table grouped into duties and tasks, as drafts the later steps complete: a row
 * with a duty code opens a duty, a row with a task code opens a task, and a row without a task
 * that holds indicators is a further block of the task above (indicators at a second level).
 */
import { pasteProblem, refuse, type PasteProblem } from './problems'
import type { RawItem, Row } from './table'

/** A block of a task's indicators at one level (read from the row's level cell later). */
export interface Block {
  row: Row
  level: number | null
}
/** A task as read from its rows. */
export interface TaskDraft {
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
export interface DutyDraft {
  item: RawItem
  tasks: TaskDraft[]
}

/**
 * The duties of the table's rows, each with its tasks. A second code in a duty or task cell is
 * a problem; a row before any duty, or a row without a task before any task, stops the reading.
 */
export function groupTasks(rows: Row[], problems: PasteProblem[]): DutyDraft[] {
  const duties: DutyDraft[] = []
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
    if (!current) refuse(problems, pasteProblem('paste-orphan-row', {}, row.line))
    if (task) {
      current.tasks.push({
        duty: current.item.code,
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
    const last = current.tasks.at(-1)
    if (!last) refuse(problems, pasteProblem('paste-orphan-row', {}, row.line))
    last.outputs.push(...row.cells.outputs)
    if (row.cells.indicators.length > 0) last.blocks.push({ row, level: null })
    last.knowledge.push(...row.cells.knowledge)
    last.skills.push(...row.cells.skills)
  }
  return duties
}
