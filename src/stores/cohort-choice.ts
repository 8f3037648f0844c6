import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { CohortFilter } from '@/domain/cohort/filters'

/**
 * What the trainer has chosen across the cohort's pages (its gaps, the training plan, the
 * outcome): the cohort, the filter and the anonymised mode, so a tab keeps them.
 */
export const useCohortChoiceStore = defineStore('cohortChoice', () => {
  /** The chosen cohort's key; '' for none. */
  const key = ref('')
  const filter = ref<CohortFilter>({})
  const anonymised = ref(false)
  /** The cohort whose filter `filter` is: a filter is cleared when another cohort is opened. */
  let filtered = ''

  /** Opens a cohort's pages: the filter stays for the same cohort and is cleared for another. */
  function opened(cohortKey: string): void {
    if (cohortKey !== filtered) filter.value = {}
    filtered = cohortKey
  }

  return { key, filter, anonymised, opened }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCohortChoiceStore, import.meta.hot))
