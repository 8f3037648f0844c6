/**
 * Says a storage failure in the interface language: what happened and what the person can do.
 * Every screen that writes says a failure through this, so a full disk never shows as the
 * browser's "QuotaExceededError".
 */
import { translate, type Locale } from '.'
import type { StorageProblem } from '@/stores/storage'

/** The sentence for a failed write or read, outside the rating page (which has its own retry). */
export function describeStorageProblem(problem: StorageProblem, lang: Locale): string {
  if (problem.kind === 'quota') return translate(lang, 'storage.full')
  return translate(lang, `storage.${problem.kind}`, { detail: problem.detail })
}
