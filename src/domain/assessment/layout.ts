/**
 * Where each item is rated on the rating page. A K or S item serves several tasks but is rated
 * in one place only, its home: the first task that lists it, in the standard's order. The other
 * tasks that list it show a reference to it (never a second control), so a key pressed on the
 * page can only change an item the person sees.
 */
import type { Standard } from '../standard/schema'
import { allTasks } from '../standard/model'
import type { RateableItem } from './items'

/** A K or S item a task lists but that is rated under another task, its home. */
export interface ItemReference {
  item: RateableItem
  /** The task the item is rated under. */
  home: string
}

/** One task on the rating page: the items rated there, and the ones it refers to. */
export interface TaskPlace {
  task: string
  /** Its indicators, then the K and S items whose home it is, in the standard's order. */
  rated: RateableItem[]
  /** The K and S items it lists that are rated under an earlier task. */
  references: ItemReference[]
}

export interface RatingLayout {
  tasks: TaskPlace[]
  /** The attitudes, rated apart from the tasks (those of the whole role and the mapped ones). */
  attitudes: RateableItem[]
  /** Every item's key once, in the order the page shows its rating control. */
  order: string[]
  /** The task each item is rated under; an attitude has none. */
  homeOf: ReadonlyMap<string, string>
}

/**
 * The rating page's layout of a standard's items (from `rateableItems`): each item is rated in
 * exactly one place, so the page has as many rating controls as the standard has items.
 */
export function ratingLayout(standard: Standard, items: readonly RateableItem[]): RatingLayout {
  const homeOf = new Map<string, string>()
  // An item's tasks are in the standard's order: its first task is its home.
  for (const item of items)
    if (item.kind !== 'A' && item.tasks[0]) homeOf.set(item.key, item.tasks[0])
  const kindOrder = { P: 0, K: 1, S: 2, A: 3 } as const
  const tasks = allTasks(standard).map((task): TaskPlace => {
    const listed = items
      .filter((i) => i.kind !== 'A' && i.tasks.includes(task.code))
      .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
    return {
      task: task.code,
      rated: listed.filter((i) => homeOf.get(i.key) === task.code),
      references: listed
        .filter((i) => homeOf.get(i.key) !== task.code)
        .map((item) => ({ item, home: homeOf.get(item.key)! })),
    }
  })
  const attitudes = items.filter((i) => i.kind === 'A')
  const order = [...tasks.flatMap((t) => t.rated), ...attitudes].map((i) => i.key)
  return { tasks, attitudes, order, homeOf }
}
