import { acceptHMRUpdate, defineStore } from 'pinia'
import '@/i18n/sections/training'
import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import { deleteCourseList, readCourseList, saveCourseList } from '@/db/training'
import type { Standard } from '@/domain/standard/schema'
import type { CourseList } from '@/domain/training/courses'
import { readCourseCsv } from '@/domain/training/course-csv'
import type { CourseProblem } from '@/domain/training/course-problems'
import type { PlanChoice } from '@/domain/training/plan'
import { checkSize } from '@/domain/io/size'
import { trainingClient, type TrainingClient } from '@/workers/training'
import { useCohortStore } from './cohort'
import { useStorageStore } from './storage'

/** A course list file larger than this is refused unread (a list of 500 courses is ~100 kB). */
export const MAX_COURSE_FILE_BYTES = 2 * 1024 * 1024

/** Why the last course list chosen was not taken. */
export type CourseRefusal =
  | { file: string; kind: 'problems'; problems: CourseProblem[] }
  | { file: string; kind: 'too-large'; size: number; limit: number }
  | { file: string; kind: 'unreadable'; detail: string }

/** How long the worker outlives the last page that used it (a tab to the next). */
const RELEASE_AFTER_MS = 30_000

/**
 * The trainer's plan: the course list of each standard (read from the trainer's CSV, kept on
 * the device), the courses the trainer took out of or put in the plan, and the worker that
 * computes the needs, the plan and the outcome off the page (workers/training-engine.ts).
 */
export const useTrainingStore = defineStore('training', () => {
  const storage = useStorageStore()
  const cohorts = useCohortStore()
  /** Course lists read so far, by standard id; null: the standard has none. */
  const lists = shallowRef<Record<string, CourseList | null>>({})
  const refusal = shallowRef<CourseRefusal | null>(null)
  /** The trainer's changes to the proposed plan, by standard id. */
  const choices = shallowRef<Record<string, PlanChoice>>({})
  /**
   * Changes whenever the device's cohorts may have: the worker then reads a cohort again. An
   * import that ended, or a different list of cohorts (one deleted, one grown).
   */
  const stamp = ref(1)

  const signature = () => cohorts.cohorts.map((c) => `${c.key}:${c.count}`).join('|')
  let seen = signature()
  watch(
    () => cohorts.cohorts,
    () => {
      const now = signature()
      if (now !== seen) stamp.value++
      seen = now
    },
  )
  watch(
    () => cohorts.status,
    (status, before) => {
      if (before === 'running' && status !== 'running') stamp.value++
    },
  )

  /** Reads a standard's course list from the device (once). */
  async function loadCourses(standardId: string): Promise<void> {
    if (standardId in lists.value) return
    try {
      const list = await readCourseList(standardId)
      lists.value = { ...lists.value, [standardId]: list }
    } catch (error) {
      storage.report(error)
    }
  }

  /**
   * Reads a course list file for a standard: taken whole and kept (replacing the one before,
   * and the choices made on it), or refused with its problems and nothing kept.
   */
  async function importCourses(file: File, standard: Standard): Promise<boolean> {
    const tooLarge = checkSize(file, MAX_COURSE_FILE_BYTES)
    if (tooLarge) {
      refusal.value = {
        file: file.name,
        kind: 'too-large',
        size: file.size,
        limit: MAX_COURSE_FILE_BYTES,
      }
      return false
    }
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      refusal.value = {
        file: file.name,
        kind: 'unreadable',
        detail: error instanceof Error ? error.message : String(error),
      }
      return false
    }
    const read = readCourseCsv(text, standard)
    if (!read.ok) {
      refusal.value = { file: file.name, kind: 'problems', problems: read.problems }
      return false
    }
    const list: CourseList = {
      standardId: standard.id,
      fileName: file.name.slice(0, 300),
      loadedAt: new Date().toISOString(),
      courses: read.courses,
    }
    try {
      await saveCourseList(list)
    } catch (error) {
      storage.report(error)
      return false
    }
    refusal.value = null
    lists.value = { ...lists.value, [standard.id]: list }
    setChoice(standard.id, {})
    return true
  }

  async function removeCourses(standardId: string): Promise<void> {
    try {
      await deleteCourseList(standardId)
    } catch (error) {
      storage.report(error)
      return
    }
    refusal.value = null
    lists.value = { ...lists.value, [standardId]: null }
    setChoice(standardId, {})
  }

  function setChoice(standardId: string, choice: PlanChoice): void {
    choices.value = { ...choices.value, [standardId]: choice }
  }

  /** Takes a course out of the plan (if the trainer had put it in, it is simply not forced). */
  function takeOut(standardId: string, courseId: string): void {
    const { excluded = [], forced = [] } = choices.value[standardId] ?? {}
    setChoice(standardId, {
      excluded: [...excluded.filter((id) => id !== courseId), courseId],
      forced: forced.filter((id) => id !== courseId),
    })
  }

  /** Puts a course in the plan, after those put in before. */
  function putIn(standardId: string, courseId: string): void {
    const { excluded = [], forced = [] } = choices.value[standardId] ?? {}
    setChoice(standardId, {
      excluded: excluded.filter((id) => id !== courseId),
      forced: [...forced.filter((id) => id !== courseId), courseId],
    })
  }

  let client: TrainingClient | null = null
  let users = 0
  let releasing: ReturnType<typeof setTimeout> | undefined
  /** The worker, started on first use; each page that takes it gives it back (`release`). */
  function take(): TrainingClient {
    clearTimeout(releasing)
    users++
    client ??= trainingClient()
    return client
  }
  function release(): void {
    users = Math.max(0, users - 1)
    if (users) return
    releasing = setTimeout(() => {
      if (!users) closeWorker()
    }, RELEASE_AFTER_MS)
  }
  function closeWorker(): void {
    client?.close()
    client = null
  }
  // The page is gone: so is its worker, at once.
  onScopeDispose(() => {
    clearTimeout(releasing)
    closeWorker()
  })

  return {
    lists,
    refusal,
    choices,
    stamp,
    loadCourses,
    importCourses,
    removeCourses,
    setChoice,
    takeOut,
    putIn,
    take,
    release,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTrainingStore, import.meta.hot))
