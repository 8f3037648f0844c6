import type { CohortFilter } from '@/domain/cohort/filters'
import type { useI18n } from '@/i18n'
import '@/i18n/sections/cohort'

/** A cohort's filters as words (for a report's header): 部門：業務部 · 第 1 輪, or "none". */
export function filterWords(t: ReturnType<typeof useI18n>['t'], f: CohortFilter): string {
  const parts = [
    f.departments?.length
      ? `${t('cohort.filters.department')}：${f.departments.join('、') || t('cohort.filters.notGiven')}`
      : '',
    f.jobTitles?.length
      ? `${t('cohort.filters.jobTitle')}：${f.jobTitles.join('、') || t('cohort.filters.notGiven')}`
      : '',
    f.rounds?.length ? f.rounds.map((n) => t('cohort.filters.roundN', { n })).join('、') : '',
    f.from || f.to ? `${f.from ?? ''} – ${f.to ?? ''}` : '',
    f.reviewedOnly ? t('cohort.filters.reviewedOnly') : '',
    f.verifiedOnly ? t('cohort.filters.verifiedOnly') : '',
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : t('cohort.report.noFilters')
}
