import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import StandardsListView from '@/views/StandardsListView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'standards', component: StandardsListView },
  {
    path: '/standards/:id',
    name: 'standard',
    component: () => import('@/views/StandardView.vue'),
    props: true,
  },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior(to, _from, saved) {
    if (saved) return saved
    if (to.hash) return { el: decodeURIComponent(to.hash), top: 72 }
    return { top: 0 }
  },
})
