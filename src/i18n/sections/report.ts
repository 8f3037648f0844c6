/**
 * Registers the `report` section of the catalog in both languages: the printed report's own
 * words (running head, item-by-item record, sign-off) load with the results pages.
 */
import { addMessages } from '..'
import { reportZhTW } from '../messages/report.zh-TW'
import { reportEn } from '../messages/report.en'

addMessages('report', { 'zh-TW': reportZhTW, en: reportEn })
