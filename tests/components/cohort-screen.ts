/** The cohort screen mounted on the five-person cohort of the unit tests (fixtures/cohort/five). */
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import CohortView from '@/views/CohortView.vue'
import { storeCohortFiles } from '@/db/cohort'
import { poolKey } from '@/domain/cohort/pool'
import { useStandardsStore } from '@/stores/standards'
import { makeRouter, sourcesOf } from './helpers'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'

/** Stores the five files and mounts the screen on /cohort; it has not read them yet. */
export async function mountCohortScreen(): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useStandardsStore().load(sourcesOf({ 'c.json': cohortStandard() }))
  await storeCohortFiles(
    fiveFiles().map((content, i) => ({
      cohortKey: poolKey(content),
      assessmentId: content.assessment.id,
      hash: `hash-${i}`,
      fileName: `${i}.gaplens.json`,
      importedAt: '2026-11-29T00:00:00.000Z',
      content,
    })),
  )
  const router = makeRouter()
  await router.push('/cohort')
  return mount(CohortView, { global: { plugins: [pinia, router] }, attachTo: document.body })
}
