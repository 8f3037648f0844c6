import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import './styles/base.css'

const app = createApp(App).use(createPinia()).use(router)
// The first screen is drawn in a task of its own, after the one that runs the app's script: two
// shorter tasks, so a slow phone can answer a tap between them.
setTimeout(() => app.mount('#app'), 0)
