/**
 * Registers the `files` section of the catalog in both languages: the words of exporting and
 * opening assessment files, and of a review beside the self-rating, load with the screens that
 * show them, not with the entry script.
 */
import { addMessages } from '..'
import { filesZhTW } from '../messages/files.zh-TW'
import { filesEn } from '../messages/files.en'

addMessages('files', { 'zh-TW': filesZhTW, en: filesEn })
