/**
 * The rateable items of a standard: every behaviour indicator and every K, S and A item, each
 * once, with the tasks and duties it belongs to and the competency level it calls for.
 */
import type { Standard } from '../standard/schema'
import { allTasks, attitudeLabel, dutyOfTask, taskLevel } from '../standard/model'

export type ItemKind = 'P' | 'K' | 'S' | 'A'
export const ITEM_KINDS: readonly ItemKind[] = ['P', 'K', 'S', 'A']

export interface RateableItem {
  /** Unique within the standard: the item's code (P1.1.1, K01, S01, A01). */
  key: string
  kind: ItemKind
  text: string
  /**
   * The competency level the item calls for: an indicator's own level; for K, S and mapped A
   * items the highest level of the tasks that use them; for attitudes mapped to no task, the
   * standard level (基準級別), since they apply to the whole role.
   */
  level: number
  /** Tasks the item belongs to or is used by; empty for an attitude of the whole role. */
  tasks: string[]
  /** Duties of those tasks, in order; empty for an attitude of the whole role. */
  duties: string[]
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

/** Every rateable item in reading order: indicators by task, then K, S and A lists. */
export function rateableItems(standard: Standard): RateableItem[] {
  const tasks = allTasks(standard)
  const levelOf = new Map(tasks.map((t) => [t.code, taskLevel(t)]))
  const dutyOf = (task: string) => dutyOfTask(standard, task)?.code ?? ''
  const usedBy = (code: string) =>
    tasks.filter((t) => t.knowledge.includes(code) || t.skills.includes(code)).map((t) => t.code)
  const highest = (taskCodes: string[]) =>
    taskCodes.length ? Math.max(...taskCodes.map((c) => levelOf.get(c) ?? 0)) : standard.level

  const indicators: RateableItem[] = standard.duties.flatMap((duty) =>
    duty.tasks.flatMap((task) =>
      task.indicators.map((p) => ({
        key: p.code,
        kind: 'P' as const,
        text: p.text,
        level: p.level,
        tasks: [task.code],
        duties: [duty.code],
      })),
    ),
  )
  const ks = (kind: 'K' | 'S', list: { code: string; text: string }[]): RateableItem[] =>
    list.map((item) => {
      const using = usedBy(item.code)
      return {
        key: item.code,
        kind,
        text: item.text,
        level: highest(using),
        tasks: using,
        duties: unique(using.map(dutyOf)),
      }
    })
  const attitudes: RateableItem[] = standard.attitudes.map((a) => {
    const using = a.tasks ?? []
    return {
      key: a.code,
      kind: 'A',
      text: attitudeLabel(a),
      level: highest(using),
      tasks: using,
      duties: unique(using.map(dutyOf)),
    }
  })
  return [...indicators, ...ks('K', standard.knowledge), ...ks('S', standard.skills), ...attitudes]
}
