import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  deleteKnownReviewers,
  readKnownReviewers as readStored,
  saveKnownReviewers,
} from '@/db/training'
import {
  MAX_REVIEWER_TEXT,
  knownKeys,
  readKnownReviewers,
  type KnownReviewer,
  type ReviewerListProblem,
} from '@/domain/cohort/reviewers'
import { useStorageStore } from './storage'

/**
 * The trainer's list of known reviewers' keys (domain/cohort/reviewers.ts): pasted or loaded,
 * kept on the device, and the fingerprints the cohort's "verified only" filter accepts. A list
 * with a bad line is refused whole and the list before stays.
 */
export const useKnownReviewersStore = defineStore('knownReviewers', () => {
  const storage = useStorageStore()
  const reviewers = shallowRef<KnownReviewer[]>([])
  const loadedAt = ref<string | null>(null)
  /** The problems of the list last refused; empty when the last one was taken. */
  const problems = shallowRef<ReviewerListProblem[]>([])
  const known = computed(() => knownKeys(reviewers.value))

  /** Reads the list kept on the device. */
  async function load(): Promise<void> {
    try {
      const stored = await readStored()
      reviewers.value = stored?.reviewers ?? []
      loadedAt.value = stored?.loadedAt ?? null
    } catch (error) {
      storage.report(error)
    }
  }

  /** Takes a pasted or loaded list, or keeps the one before and says why. True when taken. */
  async function use(text: string): Promise<boolean> {
    const read = readKnownReviewers(text)
    if (!read.ok) {
      problems.value = read.problems
      return false
    }
    const list = { loadedAt: new Date().toISOString(), reviewers: read.reviewers }
    try {
      await saveKnownReviewers(list)
    } catch (error) {
      storage.report(error)
      return false
    }
    problems.value = []
    reviewers.value = list.reviewers
    loadedAt.value = list.loadedAt
    return true
  }

  /** Refuses a list file by its size, unread (a list of supervisors is a few kilobytes). */
  function tooLarge(): void {
    problems.value = [{ code: 'reviewers-too-large', line: 1, limit: MAX_REVIEWER_TEXT }]
  }

  async function clear(): Promise<void> {
    try {
      await deleteKnownReviewers()
    } catch (error) {
      storage.report(error)
      return
    }
    reviewers.value = []
    loadedAt.value = null
    problems.value = []
  }

  return { reviewers, loadedAt, problems, known, load, use, tooLarge, clear }
})

if (import.meta.hot)
  import.meta.hot.accept(acceptHMRUpdate(useKnownReviewersStore, import.meta.hot))
