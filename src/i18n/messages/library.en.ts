import type { Messages } from './zh-TW'

/** Messages of the standards library: library (English). */
export const libraryEn: Messages['library'] = {
  title: 'library',
}
