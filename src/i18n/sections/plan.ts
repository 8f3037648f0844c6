/**
 * Registers the `plan` section of the catalog in both languages: the development plan's words
 * load with the pages that show a plan.
 */
import { addMessages } from '..'
import { planZhTW } from '../messages/plan.zh-TW'
import { planEn } from '../messages/plan.en'

addMessages('plan', { 'zh-TW': planZhTW, en: planEn })
