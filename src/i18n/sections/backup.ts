/**
 * Registers the `backup` section of the catalog in both languages: the backup and restore
 * words load with the Settings screen, not with the entry script.
 */
import { addMessages } from '..'
import { backupZhTW } from '../messages/backup.zh-TW'
import { backupEn } from '../messages/backup.en'

addMessages('backup', { 'zh-TW': backupZhTW, en: backupEn })
