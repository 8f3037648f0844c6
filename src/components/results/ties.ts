import { computed, ref, type Ref } from 'vue'
import type { Cut } from '@/domain/lists'

/**
 * The rows of a list cut at N (see domain/lists.ts): the ones shown, and the ones tied at the
 * cut once the reader asks for them (`withTied`), with the last shown (whose figure they share).
 */
export function useTiedRows<T>(cut: Ref<Cut<T>>) {
  const withTied = ref(false)
  const rows = computed(() =>
    withTied.value ? [...cut.value.shown, ...cut.value.tied] : cut.value.shown,
  )
  const atCut = computed(() => cut.value.shown.at(-1))
  return { withTied, rows, atCut }
}
