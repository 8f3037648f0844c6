/**
 * Registers the `cohort` section of the catalog in both languages. A screen (or a module that
 * words something) imports this for its effect; the words then load with that screen only.
 */
import { addMessages } from '..'
import { cohortZhTW } from '../messages/cohort.zh-TW'
import { cohortEn } from '../messages/cohort.en'

addMessages('cohort', { 'zh-TW': cohortZhTW, en: cohortEn })
