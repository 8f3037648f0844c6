/**
 * Registers the `lists` section of the catalog in both languages: the words of the long lists'
 * search and paging load with those screens.
 */
import { addMessages } from '..'
import { listsZhTW } from '../messages/lists.zh-TW'
import { listsEn } from '../messages/lists.en'

addMessages('lists', { 'zh-TW': listsZhTW, en: listsEn })
