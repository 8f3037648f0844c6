/**
 * The lazily loaded sections of the catalog, each in both languages. A screen that speaks one
 * imports it from here (`import '@/i18n/messages/sections'` registers them all at once): they
 * are small, and one module keeps the list in one place.
 */
import { addMessages } from '..'
import { cohortZhTW } from './cohort.zh-TW'
import { cohortEn } from './cohort.en'
import { libraryZhTW } from './library.zh-TW'
import { libraryEn } from './library.en'
import { versionsZhTW } from './versions.zh-TW'
import { versionsEn } from './versions.en'
import { templateZhTW } from './template.zh-TW'
import { templateEn } from './template.en'

addMessages('cohort', { 'zh-TW': cohortZhTW, en: cohortEn })
addMessages('library', { 'zh-TW': libraryZhTW, en: libraryEn })
addMessages('versions', { 'zh-TW': versionsZhTW, en: versionsEn })
addMessages('template', { 'zh-TW': templateZhTW, en: templateEn })
