/**
 * Registers the `template` section of the catalog in both languages. A screen (or a module that
 * words something) imports this for its effect; the words then load with that screen only.
 */
import { addMessages } from '..'
import { templateZhTW } from '../messages/template.zh-TW'
import { templateEn } from '../messages/template.en'

addMessages('template', { 'zh-TW': templateZhTW, en: templateEn })
