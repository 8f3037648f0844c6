/**
 * Registers the `library` section of the catalog in both languages. A screen (or a module that
 * words something) imports this for its effect; the words then load with that screen only.
 */
import { addMessages } from '..'
import { libraryZhTW } from '../messages/library.zh-TW'
import { libraryEn } from '../messages/library.en'

addMessages('library', { 'zh-TW': libraryZhTW, en: libraryEn })
