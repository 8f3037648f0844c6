/**
 * Says the problems of the trainer's inputs in the interface language: a course list's
 * (src/domain/training/course-problems.ts), its line first, 「第 3 行：課程「簡報」的 K99 不是職能基準 …
 * 的項目。」, and a list of known reviewers' (src/domain/cohort/reviewers.ts).
 */
import { translate, type Locale, type MessageKey } from '.'
import './sections/training'
import type { CourseProblem } from '@/domain/training/course-problems'
import type { ReviewerListProblem } from '@/domain/cohort/reviewers'
import { COURSE_COLUMNS, type CourseColumn } from '@/domain/training/courses'
import { courseTemplateEn, courseTemplateZhTW } from './course-template'

const COLUMN_WORDS = { 'zh-TW': courseTemplateZhTW.columns, en: courseTemplateEn.columns }

/** A column as the header names it, with its name in the locale: items（對應職能項目）. */
function columnName(lang: Locale, column: string): string {
  if (!(COURSE_COLUMNS as readonly string[]).includes(column)) return column
  const words = COLUMN_WORDS[lang][column as CourseColumn]
  return lang === 'zh-TW' ? `${column}（${words}）` : `${column} (${words})`
}

/** One problem as one sentence in the locale: the line, then what is wrong. */
export function describeCourseProblem(problem: CourseProblem, lang: Locale): string {
  const params: Record<string, string | number> = { ...problem.params }
  if (typeof params.column === 'string') params.column = columnName(lang, params.column)
  const what = translate(
    lang,
    `training.courses.problems.${problem.code}` satisfies MessageKey,
    params,
  )
  return translate(lang, 'training.courses.line', { line: problem.line, what })
}

/** A problem of a list of known reviewers as one sentence in the locale. */
export function describeReviewerProblem(problem: ReviewerListProblem, lang: Locale): string {
  const { code, ...params } = problem
  return translate(lang, `training.reviewers.problems.${code}` satisfies MessageKey, params)
}
