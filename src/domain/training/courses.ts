/**
 * The trainer's courses (課程): what each is called, how long it runs, its kind in the 70-20-10
 * model of the development plan (practice on the job, coaching and feedback, courses and
 * study), who gives it, what it costs if known, when it is planned, and the items of the
 * standard it covers. A list is read from the trainer's CSV (course-csv.ts) and kept per
 * standard; this schema checks it again whenever it is read back (a restored backup included).
 */
import { z } from '../zod'
import { LIMITS } from '../limits'
import { ItemCodeSchema } from '../assessment/records'
import { PLAN_KINDS } from '../plan/schema'

/** Courses a list may hold: far above a company's yearly catalogue. */
export const MAX_COURSES = 500
/** Items one course may cover: a whole standard has about 150. */
export const MAX_COURSE_ITEMS = 300
/** The longest course a list may give, in hours (a year's programme). */
export const MAX_COURSE_HOURS = 2000
/** The largest cost a list may give (NT$ a billion: a typing slip beyond that). */
export const MAX_COURSE_COST = 1_000_000_000

export const CourseSchema = z.strictObject({
  /** Stable within its list: `c` and the course's place in the file (c1, c2 …). */
  id: z.string().regex(/^c\d{1,4}$/),
  name: z.string().trim().min(1).max(LIMITS.title),
  hours: z.number().positive().max(MAX_COURSE_HOURS),
  kind: z.enum(PLAN_KINDS),
  provider: z.string().max(LIMITS.name),
  /** The cost of running it once; null when the list does not say. */
  cost: z.number().min(0).max(MAX_COURSE_COST).nullable(),
  /** The P, K, S (or A) codes it covers, each once. */
  items: z.array(ItemCodeSchema).min(1).max(MAX_COURSE_ITEMS),
  /** When it is planned (預定時間), as the trainer wrote it: 2027 Q1, 3 月. */
  schedule: z.string().max(LIMITS.name),
})
export type Course = z.infer<typeof CourseSchema>

/** A course list as kept: one per standard, from one file. */
export const CourseListSchema = z.strictObject({
  standardId: z.string().min(1).max(LIMITS.name),
  fileName: z.string().max(LIMITS.title),
  loadedAt: z.iso.datetime(),
  courses: z.array(CourseSchema).min(1).max(MAX_COURSES),
})
export type CourseList = z.infer<typeof CourseListSchema>

/** The columns of a course list (course-csv.ts reads them, course-template.ts writes them). */
export const COURSE_COLUMNS = [
  'course',
  'hours',
  'kind',
  'provider',
  'cost',
  'items',
  'schedule',
] as const
export type CourseColumn = (typeof COURSE_COLUMNS)[number]
