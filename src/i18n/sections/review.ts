/**
 * Registers the `review` section of the catalog in both languages: the supervisor's screens
 * load their words with themselves, not with the entry script.
 */
import { addMessages } from '..'
import { reviewZhTW } from '../messages/review.zh-TW'
import { reviewEn } from '../messages/review.en'

addMessages('review', { 'zh-TW': reviewZhTW, en: reviewEn })
