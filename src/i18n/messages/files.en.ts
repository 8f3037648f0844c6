import type { Messages } from './zh-TW'

/** Messages of the files screens (English). */
export const filesEn: Messages['files'] = {
  title: 'Assessment files',
}
