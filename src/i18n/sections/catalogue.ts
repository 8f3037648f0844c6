/**
 * Registers the `catalogue` section of the catalog in both languages (the iCAP catalogue's
 * search, a transcription's notice, replacing it with the published text).
 */
import { addMessages } from '..'
import { catalogueZhTW } from '../messages/catalogue.zh-TW'
import { catalogueEn } from '../messages/catalogue.en'

addMessages('catalogue', { 'zh-TW': catalogueZhTW, en: catalogueEn })
