/**
 * Registers the `versions` section of the catalog in both languages. A screen (or a module that
 * words something) imports this for its effect; the words then load with that screen only.
 */
import { addMessages } from '..'
import { versionsZhTW } from '../messages/versions.zh-TW'
import { versionsEn } from '../messages/versions.en'

addMessages('versions', { 'zh-TW': versionsZhTW, en: versionsEn })
