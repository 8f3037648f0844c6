/**
 * The trainer's course lists and known reviewers in the database, as settings records (the
 * settings table needs no new version, and a backup carries them as it carries every setting).
 * Each value is checked as it is read back (domain/training/stored.ts).
 */
import { getDb } from './db'
import type { CourseList } from '@/domain/training/courses'
import {
  KNOWN_REVIEWERS_KEY,
  courseListKey,
  courseListOf,
  knownReviewersOf,
  type StoredReviewers,
} from '@/domain/training/stored'

/** A standard's course list, if one is stored (and reads as one). */
export async function readCourseList(standardId: string): Promise<CourseList | null> {
  const record = await getDb().settings.get(courseListKey(standardId))
  return record ? courseListOf(record.value, standardId) : null
}

/** Stores a standard's course list in place of the one before. */
export async function saveCourseList(list: CourseList): Promise<void> {
  await getDb().settings.put({ key: courseListKey(list.standardId), value: list })
}

export async function deleteCourseList(standardId: string): Promise<void> {
  await getDb().settings.delete(courseListKey(standardId))
}

/** The trainer's list of known reviewers, if one is stored. */
export async function readKnownReviewers(): Promise<StoredReviewers | null> {
  const record = await getDb().settings.get(KNOWN_REVIEWERS_KEY)
  return record ? knownReviewersOf(record.value) : null
}

export async function saveKnownReviewers(list: StoredReviewers): Promise<void> {
  await getDb().settings.put({ key: KNOWN_REVIEWERS_KEY, value: list })
}

export async function deleteKnownReviewers(): Promise<void> {
  await getDb().settings.delete(KNOWN_REVIEWERS_KEY)
}
