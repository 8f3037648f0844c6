/**
 * The K and S lists of each task. The published table merges a duty's K and S cells over its
 * tasks, and the extraction keeps them only on the first row: an empty cell is read as part of
 * the filled cell above in the same duty (a judgement). A standard whose K or S codes repeat
 * under several tasks lists them per task instead, and there an empty cell stays empty (a
 * judgement too).
 */
import type { Judge } from './judge'
import type { RawItem } from './table'
import type { DutyDraft, TaskDraft } from './tasks'
import { cleanText, compactCodes } from '../text'

/** The K and S items as the tasks list them, and the lists each task gets. */
export interface KsLists {
  /** Every K and S item of every task, repeats included. */
  allK: RawItem[]
  allS: RawItem[]
  /** How many tasks list each code. */
  kCount: Map<string, number>
  sCount: Map<string, number>
  /** Whether the standard lists K and S per task (some code under more than one task). */
  perTask: boolean
  knowledgeOf: (t: TaskDraft) => RawItem[]
  skillsOf: (t: TaskDraft) => RawItem[]
}

/** The K and S lists of the tasks, every empty cell judged. */
export function readKsLists(duties: DutyDraft[], judge: Judge): KsLists {
  const tasks = duties.flatMap((d) => d.tasks)
  // Repeated codes mean the standard lists them per task.
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
  return { allK, allS, kCount, sCount, perTask, knowledgeOf, skillsOf }
}
