/**
 * Registers the `sync` section of the catalog in both languages: the words a page says when
 * another tab or window changed what it shows load with the pages that say them.
 */
import { addMessages } from '..'
import { syncZhTW } from '../messages/sync.zh-TW'
import { syncEn } from '../messages/sync.en'

addMessages('sync', { 'zh-TW': syncZhTW, en: syncEn })
