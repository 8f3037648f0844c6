import type { Messages } from './zh-TW'

/** Messages of the standards library: template (English). */
export const templateEn: Messages['template'] = {
  title: 'template',
}
