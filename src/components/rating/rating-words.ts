import type { RatingValue } from '@/domain/assessment/ratings'
import type { Scale } from '@/domain/assessment/scales'
import type { Locale } from '@/i18n'

/**
 * A rating in words: the value and its step's label ("3 在指導下能做"), or the words for not
 * applicable and not yet rated, which the caller gives in the interface's language.
 */
export function ratingWords(
  value: RatingValue | null | undefined,
  scale: Scale,
  locale: Locale,
  words: { na: string; unrated: string },
): string {
  if (value === null || value === undefined) return words.unrated
  if (value === 'na') return words.na
  const step = scale.steps.find((s) => s.value === value)
  return step ? `${value} ${step.label[locale]}` : String(value)
}
