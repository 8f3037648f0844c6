import type { Messages } from './zh-TW'

/** Messages of the standards library: versions (English). */
export const versionsEn: Messages['versions'] = {
  title: 'versions',
}
