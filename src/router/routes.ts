import type { RouteRecordRaw } from 'vue-router'
import StandardsListView from '@/views/StandardsListView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'standards', component: StandardsListView },
  {
    path: '/standards/add',
    name: 'add-standard',
    component: () => import('@/views/AddStandardView.vue'),
  },
  {
    path: '/standards/:id/changes',
    name: 'standard-changes',
    component: () => import('@/views/StandardChangesView.vue'),
    props: (route) => ({
      id: route.params.id,
      from: typeof route.query.from === 'string' ? route.query.from : undefined,
    }),
  },
  {
    path: '/standards/:id',
    name: 'standard',
    component: () => import('@/views/StandardView.vue'),
    props: true,
  },
  {
    path: '/assessments',
    name: 'assessments',
    component: () => import('@/views/AssessmentsView.vue'),
  },
  {
    path: '/assessments/new',
    name: 'new-assessment',
    component: () => import('@/views/NewAssessmentView.vue'),
    props: (route) => ({
      standard: typeof route.query.standard === 'string' ? route.query.standard : undefined,
    }),
  },
  {
    path: '/assessments/:id',
    name: 'rate',
    component: () => import('@/views/RateView.vue'),
    props: true,
  },
  {
    path: '/assessments/:id/results',
    name: 'results',
    component: () => import('@/views/ResultsView.vue'),
    props: true,
  },
  {
    path: '/reviews',
    name: 'reviews',
    component: () => import('@/views/ReviewsView.vue'),
  },
  {
    path: '/reviews/:id',
    name: 'review',
    component: () => import('@/views/ReviewView.vue'),
    props: true,
  },
  {
    path: '/reviews/:id/results',
    name: 'review-results',
    component: () => import('@/views/ReviewResultsView.vue'),
    props: true,
  },
  { path: '/cohort', name: 'cohort', component: () => import('@/views/CohortView.vue') },
  {
    path: '/cohort/plan',
    name: 'cohort-plan',
    component: () => import('@/views/CohortPlanView.vue'),
  },
  {
    path: '/cohort/outcome',
    name: 'cohort-outcome',
    component: () => import('@/views/CohortOutcomeView.vue'),
  },
  { path: '/settings', name: 'settings', component: () => import('@/views/SettingsView.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
]
