/**
 * The trainer's course list as CSV, read: one course a row under a header row naming the
 * columns (in any order; a header cell may carry words after its key, "hours 時數", or be the
 * column's Chinese name). Rows whose first cell begins with `#` are notes or examples. Read with
 * the care of every import: the text is split by the template's splitter (line numbers kept
 * through quoted line breaks, limits checked as it goes), every row is checked against the
 * standard, and any problem refuses the whole file, each bad row named by its line, so nothing
 * of a refused file is kept. Pure; never throws.
 *
 * | column   | needed | what it holds |
 * |----------|--------|---------------|
 * | course   | yes | the course's name (課程名稱), once per list |
 * | hours    | yes | its length in hours (時數), more than 0: 6, 1.5, 12 小時 |
 * | kind     | yes | 70-20-10 as in the development plan: practice (在職實作, 70), coaching (教練與回饋, 20) or course (課程與自學, 10) |
 * | provider | no  | who gives it (辦理單位): 內訓, an outside provider |
 * | cost     | no  | the cost of running it once, a number (NT$ 12,000 reads as 12000); empty: not known |
 * | items    | yes | the K, S or P codes it covers (A codes too), separated by spaces, commas or 、 |
 * | schedule | no  | when it is planned (預定時間), as words: 2027 Q1 |
 */
import type { Standard } from '../standard/schema'
import { rateableItems } from '../assessment/items'
import type { PlanKind } from '../plan/schema'
import { LIMITS } from '../limits'
import { Refusal, readOrRefuse } from '../standard/import/refusal'
import { rowsOfText, type RawRow } from '../standard/import/template/rows'
import type { TemplateProblem } from '../standard/import/template/problems'
import {
  COURSE_COLUMNS,
  MAX_COURSES,
  MAX_COURSE_COST,
  MAX_COURSE_HOURS,
  MAX_COURSE_ITEMS,
  type Course,
  type CourseColumn,
} from './courses'
import { courseProblem, type CourseProblem } from './course-problems'

const REQUIRED: readonly CourseColumn[] = ['course', 'hours', 'kind', 'items']

/** The limits of a course list's text: a catalogue of 500 courses is about 100 kB. */
export const COURSE_LIMITS = { length: 1_000_000, rows: 1_000, cell: 5_000 }
/** Problems reported at most: enough to fix a file, bounded for a hostile one. */
const MAX_PROBLEMS = 200

/** The columns' Chinese names, as a trainer may head them. */
const COLUMN_ALIASES: Record<string, CourseColumn> = {
  課程: 'course',
  課程名稱: 'course',
  名稱: 'course',
  時數: 'hours',
  小時: 'hours',
  類型: 'kind',
  類別: 'kind',
  辦理方式: 'kind',
  方式: 'kind',
  辦理單位: 'provider',
  單位: 'provider',
  講師: 'provider',
  提供者: 'provider',
  費用: 'cost',
  成本: 'cost',
  預算: 'cost',
  對應職能項目: 'items',
  職能項目: 'items',
  項目: 'items',
  代碼: 'items',
  預定時間: 'schedule',
  時間: 'schedule',
  日期: 'schedule',
}

/** The words a kind cell may hold, besides the kind's own name. */
const KIND_WORDS: Record<string, PlanKind> = {
  practice: 'practice',
  '70': 'practice',
  在職實作: 'practice',
  實作: 'practice',
  ojt: 'practice',
  coaching: 'coaching',
  '20': 'coaching',
  教練與回饋: 'coaching',
  教練: 'coaching',
  mentoring: 'coaching',
  course: 'course',
  '10': 'course',
  課程與自學: 'course',
  課程: 'course',
  自學: 'course',
  study: 'course',
  training: 'course',
}

/** The splitter's refusals of a text, as this list's own problems. */
const FROM_TEMPLATE: Partial<Record<TemplateProblem['code'], CourseProblem['code']>> = {
  'template-empty': 'course-empty',
  'template-too-large': 'course-too-large',
  'template-too-many-rows': 'course-too-many-rows',
  'template-cell-too-long': 'course-cell-too-long',
  'template-not-text': 'course-not-text',
  'template-not-utf8': 'course-not-utf8',
  'template-unclosed-quote': 'course-unclosed-quote',
}

export type CourseCsvResult =
  { ok: true; courses: Course[] } | { ok: false; problems: CourseProblem[] }

/** A cell as read: the apostrophe a writer put before a formula-like text taken off, trimmed. */
const clean = (raw: string) => (/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw).trim()
const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')
const isComment = (cell: string | undefined) => (cell ?? '').trim().startsWith('#')

/** Excel's name of a column: A … Z, AA … */
function columnLetter(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

function columnOf(cell: string): CourseColumn | undefined {
  const name = cell.normalize('NFKC').trim()
  const key = /^([A-Za-z_]+)(?![A-Za-z0-9])/.exec(name)?.[1]?.toLowerCase()
  if (key && (COURSE_COLUMNS as readonly string[]).includes(key)) return key as CourseColumn
  return COLUMN_ALIASES[name.split(/\s/)[0] ?? '']
}

/** A number of hours: 6, 1.5, 12 小時, 3h. */
function hoursOf(cell: string): number | null {
  const found = /^(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?|小時|時)?$/i.exec(cell.normalize('NFKC'))
  const hours = found ? Number(found[1]) : NaN
  return hours > 0 && hours <= MAX_COURSE_HOURS ? hours : null
}

/** A cost: 12000, 12,000, NT$ 12,000, 12000 元. */
function costOf(cell: string): number | null {
  const bare = cell
    .normalize('NFKC')
    .replace(/^(?:NT\$|NTD|TWD|\$)\s*/i, '')
    .replace(/\s*(?:元|NTD|TWD)$/i, '')
    .replace(/,(?=\d{3}(?:\D|$))/g, '')
  if (!/^\d+(?:\.\d+)?$/.test(bare)) return null
  const cost = Number(bare)
  return cost <= MAX_COURSE_COST ? cost : null
}

const ITEM_CODE = /^[PKSA]\d+(?:\.\d+)*$/

/** Reads the rows below the header into courses; problems are added to `problems`. */
function coursesOf(
  rows: readonly RawRow[],
  standard: Standard,
  problems: CourseProblem[],
): Course[] {
  const add = (problem: CourseProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem)
  }
  const header = rows.find((r) => !isBlank(r.cells) && !isComment(r.cells[0]))
  if (!header) throw new Refusal([courseProblem('course-no-header', {}, 1)])
  const columns = new Map<CourseColumn, number>()
  header.cells.forEach((raw, i) => {
    const name = raw.normalize('NFKC').trim()
    if (name === '' || name.startsWith('#')) return
    const column = columnOf(name)
    if (!column)
      add(courseProblem('course-unknown-column', { column: name.slice(0, 60) }, header.line))
    else if (columns.has(column))
      add(courseProblem('course-duplicate-column', { column }, header.line))
    else columns.set(column, i)
  })
  if (!columns.has('course'))
    throw new Refusal([courseProblem('course-no-header', {}, header.line)])
  for (const column of REQUIRED)
    if (!columns.has(column)) add(courseProblem('course-missing-column', { column }, header.line))
  if (problems.length) throw new Refusal(problems)

  const codes = new Set(rateableItems(standard).map((item) => item.key))
  const named = new Set(columns.values())
  const firstLine = new Map<string, number>()
  const courses: Course[] = []
  for (const row of rows.slice(rows.indexOf(header) + 1)) {
    if (isBlank(row.cells) || isComment(row.cells[0])) continue
    if (courses.length + 1 > MAX_COURSES) {
      add(courseProblem('course-too-many', { limit: MAX_COURSES }, row.line))
      break
    }
    const extra = row.cells.findIndex((c, i) => !named.has(i) && c.trim() !== '')
    if (extra >= 0) {
      add(courseProblem('course-extra-cells', { column: columnLetter(extra) }, row.line))
      continue
    }
    const get = (column: CourseColumn) => {
      const at = columns.get(column)
      return at === undefined ? '' : clean(row.cells[at] ?? '')
    }
    const at = row.line
    const name = get('course')
    const course = name.slice(0, 60)
    const before = problems.length
    if (!name) add(courseProblem('course-missing-value', { column: 'course', course: '' }, at))
    else if (name.length > LIMITS.title)
      add(courseProblem('course-name-too-long', { limit: LIMITS.title }, at))
    else if (firstLine.has(name))
      add(courseProblem('course-duplicate-name', { course, first: firstLine.get(name)! }, at))
    else firstLine.set(name, at)

    const hoursCell = get('hours')
    const hours = hoursOf(hoursCell)
    if (!hoursCell) add(courseProblem('course-missing-value', { column: 'hours', course }, at))
    else if (hours === null)
      add(
        courseProblem(
          'course-bad-hours',
          { value: hoursCell.slice(0, 40), course, limit: MAX_COURSE_HOURS },
          at,
        ),
      )

    const kindCell = get('kind')
    const kind = KIND_WORDS[kindCell.normalize('NFKC').toLowerCase().replace(/\s|%/g, '')]
    if (!kindCell) add(courseProblem('course-missing-value', { column: 'kind', course }, at))
    else if (!kind)
      add(courseProblem('course-bad-kind', { value: kindCell.slice(0, 40), course }, at))

    const costCell = get('cost')
    const cost = costCell ? costOf(costCell) : null
    if (costCell && cost === null)
      add(courseProblem('course-bad-cost', { value: costCell.slice(0, 40), course }, at))

    const items: string[] = []
    const itemsCell = get('items')
    if (!itemsCell) add(courseProblem('course-missing-value', { column: 'items', course }, at))
    for (const token of itemsCell.normalize('NFKC').split(/[\s,，、;；|/]+/)) {
      if (!token) continue
      const code = token.toUpperCase()
      if (!ITEM_CODE.test(code))
        add(courseProblem('course-bad-item', { value: token.slice(0, 40), course }, at))
      else if (!codes.has(code))
        add(courseProblem('course-unknown-item', { code, course, standard: standard.id }, at))
      else if (!items.includes(code)) items.push(code)
    }
    if (items.length > MAX_COURSE_ITEMS)
      add(courseProblem('course-too-many-items', { course, limit: MAX_COURSE_ITEMS }, at))

    for (const column of ['provider', 'schedule'] as const)
      if (get(column).length > LIMITS.name)
        add(courseProblem('course-text-too-long', { column, course, limit: LIMITS.name }, at))

    if (problems.length > before || hours === null || !kind || !items.length) continue
    courses.push({
      id: `c${courses.length + 1}`,
      name,
      hours,
      kind,
      provider: get('provider'),
      cost,
      items,
      schedule: get('schedule'),
    })
  }
  if (problems.length) throw new Refusal(problems)
  if (!courses.length) throw new Refusal([courseProblem('course-no-rows', {}, header.line)])
  return courses
}

/**
 * Reads a course list for a standard: its courses, or every problem found, each with its line.
 * A list with any problem is refused whole.
 */
export function readCourseCsv(text: string, standard: Standard): CourseCsvResult {
  return readOrRefuse<CourseCsvResult, CourseProblem>(
    () => {
      let rows: RawRow[]
      try {
        rows = rowsOfText(typeof text === 'string' ? text : '', COURSE_LIMITS)
      } catch (error) {
        if (!(error instanceof Refusal)) throw error
        throw new Refusal(
          (error.problems as TemplateProblem[]).map((p) => {
            const code = FROM_TEMPLATE[p.code] ?? 'course-unreadable'
            const params = code === 'course-unreadable' ? { message: p.code } : p.params
            return { code, params, line: p.line } as CourseProblem
          }),
        )
      }
      return { ok: true, courses: coursesOf(rows, standard, []) }
    },
    (message) => courseProblem('course-unreadable', { message }, 1),
  )
}
