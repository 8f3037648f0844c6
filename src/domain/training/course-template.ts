/**
 * The course list's template, written: the header (each column's key and its name in the words
 * given), a row of notes on the columns, and example rows on the standard's own codes, all
 * skipped by the reader (course-csv.ts) until their `#` is taken off. CSV as the project writes
 * it (io/csv: BOM, CRLF, quoting, formula guard). Pure; the words come from src/i18n.
 */
import { toCsv, type CsvCell } from '../io/csv'
import type { Standard } from '../standard/schema'
import type { PlanKind } from '../plan/schema'
import { COURSE_COLUMNS, type CourseColumn } from './courses'

export interface CourseTemplateWords {
  /** Each column's name, after its key in the header ("hours 時數"). */
  columns: Record<CourseColumn, string>
  /** What each column holds, for the notes row. */
  notes: Record<CourseColumn, string>
  /** Example rows: a name, its provider and its schedule. */
  examples: { course: string; provider: string; schedule: string }[]
}

const KINDS: readonly PlanKind[] = ['course', 'coaching', 'practice']

/** The template of a course list for a standard, in the words given. */
export function courseTemplateOf(standard: Standard, words: CourseTemplateWords): string {
  const header = COURSE_COLUMNS.map((c) => `${c} ${words.columns[c]}`)
  const notes: CsvCell[] = COURSE_COLUMNS.map((c, i) =>
    i ? words.notes[c] : `# ${words.notes[c]}`,
  )
  const k = standard.knowledge.map((x) => x.code)
  const s = standard.skills.map((x) => x.code)
  const p = standard.duties.flatMap((d) => d.tasks.flatMap((t) => t.indicators.map((x) => x.code)))
  const pools = [k, s, p]
  const examples = words.examples.map((x, n): CsvCell[] => {
    const codes = pools.flatMap((pool) => pool.slice(n * 2, n * 2 + 2)).join(' ')
    return [
      `#${x.course}`,
      6 * (n + 1),
      KINDS[n % KINDS.length],
      x.provider,
      n ? null : 12000,
      codes,
      x.schedule,
    ]
  })
  return toCsv(header, [notes, ...examples])
}
