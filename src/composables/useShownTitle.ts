import type { MessageKey } from '@/i18n'
import { useI18n } from '@/i18n'
import { shownTitle } from '@/domain/assessment/titles'

const LABEL: MessageKey = 'assessments.roundSuffix'

/**
 * An assessment's title as shown: a later round's title with its number in the interface's
 * language, whatever language the round was made in (see domain/assessment/titles.ts).
 */
export function useShownTitle() {
  const { t } = useI18n()
  return (record: { title: string; round: number }) => shownTitle(record, (n) => t(LABEL, { n }))
}
