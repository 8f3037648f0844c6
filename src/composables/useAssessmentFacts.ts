import { computed, type Ref } from 'vue'
import type { AssessmentRecord } from '@/domain/assessment/records'
import { targetStep, type Scale } from '@/domain/assessment/scales'
import { useI18n } from '@/i18n'

/** The lines an assessment's header shows: who is rated, and what the target is. */
export function useAssessmentFacts(assessment: Ref<AssessmentRecord>, scale: Ref<Scale>) {
  const { t, locale } = useI18n()
  const subject = computed(() => {
    const { name, employeeId, department, jobTitle } = assessment.value.subject
    return [name, employeeId, department, jobTitle].filter(Boolean).join('・')
  })
  const target = computed(() => {
    const step = targetStep(scale.value)
    return step ? `${step.value} ${step.label[locale.value]}` : t('rate.targetItemLevel')
  })
  return { subject, target }
}
