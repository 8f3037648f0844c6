import { computed, ref, watch } from 'vue'

/** How many cards a long list shows at first, and adds at a time. */
export const LIST_PAGE = 50

/**
 * A long list shown a page at a time, with a search: the records that match the words typed
 * (every word, anywhere in the record's text), the first `pageSize` of them, and more on
 * request. A list of 20,000 then draws 50 cards, and finding one is a few words away.
 *
 * `textOf` gives the words a record is found by; it is worked out once per record.
 */
export function useListPage<T extends object>(
  records: () => readonly T[],
  textOf: (record: T) => string,
  pageSize = LIST_PAGE,
) {
  const query = ref('')
  const shown = ref(pageSize)
  const texts = new WeakMap<T, string>()
  const haystack = (record: T) => {
    let text = texts.get(record)
    if (text === undefined) texts.set(record, (text = textOf(record).toLowerCase()))
    return text
  }
  const matching = computed(() => {
    const words = query.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
    if (!words.length) return records()
    return records().filter((r) => words.every((w) => haystack(r).includes(w)))
  })
  const visible = computed(() => matching.value.slice(0, shown.value))
  const remaining = computed(() => matching.value.length - visible.value.length)
  // A new search starts from its first page.
  watch(query, () => (shown.value = pageSize))

  function more(): void {
    shown.value += pageSize
  }

  return { query, matching, visible, remaining, more }
}
