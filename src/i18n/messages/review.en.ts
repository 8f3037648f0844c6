import type { Messages } from './zh-TW'

/** Messages of the review screens (English). */
export const reviewEn: Messages['review'] = {
  title: 'Supervisor review',
}
