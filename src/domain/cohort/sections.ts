/**
 * What the cohort's analyses share: the tasks and duties of its standard, each with the items
 * counted in it.
 *
 * The rules of every analysis here are those of one assessment (assessment/gaps.ts): each item
 * has one target per person; n/a and unrated count in coverage only, never in a gap, a share or
 * a mean; an item counts in every task and duty that uses it (once per duty, however many of its
 * tasks use it); an attitude mapped to no task counts under the whole role (ROLE). Means and
 * shares are over rated entries, taken from tallies that add up, never from averaged averages.
 */
import { ROLE } from '../assessment/gaps'
import type { RateableItem } from '../assessment/items'
import { taskLevel } from '../standard/model'
import type { Cohort } from './cohort'

/** A task or duty and the positions (in `cohort.items`) of the items counted in it. */
export interface Section {
  /** A task or duty code, or ROLE. */
  key: string
  title: string
  /** The duty of a task (the duty itself for a duty; ROLE for ROLE). */
  duty: string
  /** A task's level (its highest indicator's); null for a duty or ROLE. */
  level: number | null
  items: number[]
}

export interface Sections {
  tasks: Section[]
  duties: Section[]
}

const sectionCache = new WeakMap<readonly RateableItem[], Sections>()

/**
 * The tasks and duties of the cohort's standard with the items each counts, ROLE last where
 * the standard has attitudes of the whole role. Computed once per cohort (filters keep it).
 */
export function sections(cohort: Cohort): Sections {
  const cached = sectionCache.get(cohort.items)
  if (cached) return cached
  const at = (pick: (item: RateableItem) => boolean) =>
    cohort.items.flatMap((item, i) => (pick(item) ? [i] : []))
  const role = at((item) => !item.tasks.length)
  const roleSection = (): Section => ({
    key: ROLE,
    title: ROLE,
    duty: ROLE,
    level: null,
    items: role,
  })
  const tasks: Section[] = cohort.standard.duties.flatMap((duty) =>
    duty.tasks.map((task) => ({
      key: task.code,
      title: task.title,
      duty: duty.code,
      level: taskLevel(task),
      items: at((item) => item.tasks.includes(task.code)),
    })),
  )
  const duties: Section[] = cohort.standard.duties.map((duty) => ({
    key: duty.code,
    title: duty.title,
    duty: duty.code,
    level: null,
    items: at((item) => item.duties.includes(duty.code)),
  }))
  if (role.length) {
    tasks.push(roleSection())
    duties.push(roleSection())
  }
  const result = { tasks, duties }
  sectionCache.set(cohort.items, result)
  return result
}
