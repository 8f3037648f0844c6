/**
 * The blank CSV template of a standard in the interface language: the domain writes it
 * (src/domain/standard/import/template/write.ts), this supplies its words, so no domain module
 * knows a language.
 */
import { blankTemplateOf, type BlankTemplateWords } from '@/domain/standard/import/template/write'
import { LOCALES, type Locale } from '.'
import { templateZhTW } from './messages/template.zh-TW'
import { templateEn } from './messages/template.en'

const WORDS: Record<Locale, BlankTemplateWords> = { 'zh-TW': templateZhTW, en: templateEn }

/**
 * The header, a row of notes on every column, and one example row of every kind (skipped by the
 * reader until its `#` is taken off), in the locale's words.
 */
export function blankTemplate(lang: Locale): string {
  const tag = LOCALES.find((l) => l.code === lang)?.htmlLang ?? lang
  return blankTemplateOf(WORDS[lang], tag)
}
