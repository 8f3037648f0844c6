/**
 * The catalogue's search as the list shows it: the words and the two filters, the groups that
 * match (the domain's search over the prepared index), shown a page at a time so a keystroke
 * draws a dozen results, not 900, and the files of the source that match but could not be
 * transcribed.
 */
import { computed, ref, watch, type Ref } from 'vue'
import type { CatalogueIndex, LeftOutEntry } from '@/domain/catalogue/entry'
import {
  searchCatalogue,
  searchForm,
  type CatalogueGroup,
  type PreparedCatalogue,
} from '@/domain/catalogue/search'

/** Results drawn at once (a screen or two of cards); "more" adds as many again. */
export const CATALOGUE_PAGE = 12

export function useCatalogueSearch(
  index: Ref<CatalogueIndex | null>,
  prepared: Ref<PreparedCatalogue>,
) {
  const query = ref('')
  const field = ref('')
  const level = ref<number | null>(null)
  const shown = ref(CATALOGUE_PAGE)

  const results = computed<CatalogueGroup[]>(() =>
    searchCatalogue(prepared.value, { query: query.value, field: field.value, level: level.value }),
  )
  const visible = computed(() => results.value.slice(0, shown.value))
  /** Source files that match the words but are not in the catalogue (with why). */
  const leftOutMatches = computed<LeftOutEntry[]>(() => {
    const words = query.value
      .split(/[\s,，、;；]+/u)
      .map(searchForm)
      .filter(Boolean)
    if (!words.length || !index.value) return []
    return index.value.leftOut.filter((l) => {
      const hay = searchForm(`${l.title}|${l.code ?? ''}`)
      return words.every((w) => hay.includes(w))
    })
  })

  watch([query, field, level], () => (shown.value = CATALOGUE_PAGE))

  function more(): void {
    shown.value += CATALOGUE_PAGE
  }

  return { query, field, level, results, visible, leftOutMatches, more }
}
