/**
 * A small typed i18n: message keys are checked by the compiler (en must match zh-TW), the
 * locale is a ref, and `{name}` placeholders are filled from params. Text is only ever
 * rendered with interpolation, never as HTML.
 */
import { computed, ref, watch } from 'vue'
import { zhTW, type LazyMessages, type LazySection, type Messages } from './messages/zh-TW'
import { en } from './messages/en'

export const LOCALES = [
  { code: 'zh-TW', label: '繁體中文', short: '中文', htmlLang: 'zh-Hant-TW' },
  { code: 'en', label: 'English', short: 'EN', htmlLang: 'en' },
] as const
export type Locale = (typeof LOCALES)[number]['code']

/** The entry catalog, and the sections added when a screen that needs them loads. */
const catalogs: Record<Locale, Partial<Messages>> = { 'zh-TW': { ...zhTW }, en: { ...en } }

/** Adds a lazily loaded section of the catalog in both languages (see src/i18n/sections/). */
export function addMessages<S extends LazySection>(
  section: S,
  parts: Record<Locale, LazyMessages[S]>,
): void {
  for (const { code } of LOCALES) catalogs[code][section] = parts[code] as Messages[S]
}
/** Where the chosen language is kept (public/first-screen.js reads it too, before the app). */
export const LOCALE_STORAGE_KEY = 'gaplens.locale'

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]
export type MessageKey = Leaves<Messages>

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l.code === value)
}

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY)
    if (isLocale(saved)) return saved
  } catch {
    // Storage can be refused (private mode, sandboxed frames): fall back to the default.
  }
  return 'zh-TW'
}

export const locale = ref<Locale>(initialLocale())

watch(
  locale,
  (value) => {
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, value)
    } catch {
      // Not remembering the choice is harmless.
    }
    if (typeof document !== 'undefined') {
      document.documentElement.lang = LOCALES.find((l) => l.code === value)?.htmlLang ?? value
    }
  },
  { immediate: true },
)

/** Looks up a message and fills its `{name}` placeholders. */
export function translate(
  lang: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  let node: unknown = catalogs[lang]
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part]
  if (typeof node !== 'string') return key
  return node.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  )
}

/** A count as the locale writes it (20,000). */
export function formatCount(lang: Locale, n: number): string {
  return new Intl.NumberFormat(lang).format(n)
}

/** The current locale and a `t` bound to it, for components. */
export function useI18n() {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale.value, key, params)
  return { locale, t, isEnglish: computed(() => locale.value === 'en') }
}
