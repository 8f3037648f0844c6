/**
 * Registers the `training` section of the catalog in both languages: the trainer's plan pages'
 * words load with those pages.
 */
import { addMessages } from '..'
import { trainingZhTW } from '../messages/training.zh-TW'
import { trainingEn } from '../messages/training.en'

addMessages('training', { 'zh-TW': trainingZhTW, en: trainingEn })
