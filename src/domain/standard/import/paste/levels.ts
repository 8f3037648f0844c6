/**
 * The levels: the standard's 基準級別, and each indicator block's 職能級別. An empty level cell
 * is judged: read as the level of the row above, as if the cell were merged with it, or, on the
 * first row, as the standard's.
 */
import type { Header } from './header'
import type { Judge } from './judge'
import { pasteProblem, type PasteProblem } from './problems'
import type { TaskDraft } from './tasks'
import { cleanText } from '../text'

/** The standard's level as written (a problem where it is not 1–6); each block's level is set. */
export function readLevels(
  header: Header,
  tasks: TaskDraft[],
  judge: Judge,
  problems: PasteProblem[],
): number {
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
  return standardLevel
}
