/**
 * What can be wrong with a trainer's course list (course-csv.ts), as data: a code, its
 * parameters and the 1-based line of the file where the row starts. src/i18n/course-problems.ts
 * says each in the interface language; nothing here knows a language.
 */
import type { CourseColumn } from './courses'

export interface CourseProblemParams {
  'course-empty': Record<string, never>
  'course-too-large': { limit: number; length: number }
  'course-too-many-rows': { limit: number; rows: number }
  'course-cell-too-long': { limit: number; length: number }
  'course-not-text': Record<string, never>
  'course-not-utf8': Record<string, never>
  'course-unclosed-quote': Record<string, never>
  /** No row naming the `course` column. */
  'course-no-header': Record<string, never>
  'course-missing-column': { column: CourseColumn }
  'course-unknown-column': { column: string }
  'course-duplicate-column': { column: CourseColumn }
  /** Text in a column the header does not name (a spreadsheet letter). */
  'course-extra-cells': { column: string }
  /** A header and no course. */
  'course-no-rows': Record<string, never>
  'course-too-many': { limit: number }
  /** A cell a course needs is empty. */
  'course-missing-value': { column: CourseColumn; course: string }
  'course-bad-hours': { value: string; course: string; limit: number }
  'course-bad-cost': { value: string; course: string }
  'course-bad-kind': { value: string; course: string }
  /** A cell of the items column that is no item code (a formula, a word). */
  'course-bad-item': { value: string; course: string }
  /** A code the standard does not have. */
  'course-unknown-item': { code: string; course: string; standard: string }
  'course-too-many-items': { course: string; limit: number }
  'course-duplicate-name': { course: string; first: number }
  'course-name-too-long': { limit: number }
  'course-text-too-long': { column: CourseColumn; course: string; limit: number }
  /** The reader itself failed (a bug): the file is refused rather than half read. */
  'course-unreadable': { message: string }
}
export type CourseProblemCode = keyof CourseProblemParams

export type CourseProblem = {
  [C in CourseProblemCode]: { code: C; params: CourseProblemParams[C]; line: number }
}[CourseProblemCode]

export function courseProblem<C extends CourseProblemCode>(
  code: C,
  params: CourseProblemParams[C],
  line: number,
): CourseProblem {
  return { code, params, line } as CourseProblem
}
