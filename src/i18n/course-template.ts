/**
 * The course list's template in the interface language: the domain writes it
 * (src/domain/training/course-template.ts), this supplies its words, as blank-template.ts does
 * for a standard's template.
 */
import type { CourseTemplateWords } from '@/domain/training/course-template'
import { courseTemplateOf } from '@/domain/training/course-template'
import type { Standard } from '@/domain/standard/schema'
import type { Locale } from '.'

export const courseTemplateZhTW: CourseTemplateWords = {
  columns: {
    course: '課程名稱',
    hours: '時數',
    kind: '類型',
    provider: '辦理單位',
    cost: '費用',
    items: '對應職能項目',
    schedule: '預定時間',
  },
  notes: {
    course: '課程名稱（必填，不可重複）。以 # 開頭的列不會讀入：範例列刪掉 # 才算。',
    hours: '時數（必填，大於 0）：6、1.5、12 小時',
    kind: '類型（必填，70-20-10）：practice 在職實作、coaching 教練與回饋、course 課程與自學',
    provider: '辦理單位（選填）：內訓、外部講師或機構',
    cost: '辦理一次的費用（選填，數字）：12000 或 NT$ 12,000',
    items: '涵蓋的職能項目代碼（必填）：K、S 或 P 代碼，以空白、逗號或頓號分隔',
    schedule: '預定時間（選填）：2027 Q1、3 月',
  },
  examples: [
    { course: '核心知識研習', provider: '內訓', schedule: '2027 Q1' },
    { course: '主管教練與回饋', provider: '直屬主管', schedule: '每月' },
    { course: '專案實作', provider: '部門', schedule: '2027 Q2' },
  ],
}

export const courseTemplateEn: CourseTemplateWords = {
  columns: {
    course: 'Course',
    hours: 'Hours',
    kind: 'Kind',
    provider: 'Provider',
    cost: 'Cost',
    items: 'Items covered',
    schedule: 'When',
  },
  notes: {
    course:
      'The course name (required, once per list). Rows starting with # are not read: take the # off an example to keep it.',
    hours: 'Hours (required, more than 0): 6, 1.5, 12 h',
    kind: 'Kind (required, 70-20-10): practice (on the job), coaching (coaching and feedback) or course (courses and study)',
    provider: 'Who gives it (optional): in-house, an outside trainer or provider',
    cost: 'The cost of running it once (optional, a number): 12000 or NT$ 12,000',
    items:
      'The codes of the items it covers (required): K, S or P codes, separated by spaces or commas',
    schedule: 'When it is planned (optional): 2027 Q1, March',
  },
  examples: [
    { course: 'Core knowledge workshop', provider: 'In-house', schedule: '2027 Q1' },
    { course: 'Coaching with your supervisor', provider: 'Supervisor', schedule: 'Monthly' },
    { course: 'Project on the job', provider: 'Department', schedule: '2027 Q2' },
  ],
}

const WORDS: Record<Locale, CourseTemplateWords> = {
  'zh-TW': courseTemplateZhTW,
  en: courseTemplateEn,
}

/** The course list's template for a standard, in the locale's words. */
export function courseTemplate(standard: Standard, lang: Locale): string {
  return courseTemplateOf(standard, WORDS[lang])
}
