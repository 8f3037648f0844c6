import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { mountOver } from './first-screen'
import { useStandardsStore } from './stores/standards'
import './styles/base.css'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(router)
// The first screen is drawn in a task of its own, after the one that runs the app's script: two
// shorter tasks, so a slow phone can answer a tap between them. Where index.html already shows
// the standards list, it waits for the standards, so it draws the same list in its place.
mountOver(app, router, () => useStandardsStore(pinia).load())
