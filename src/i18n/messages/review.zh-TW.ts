/** Messages of the review screens (zh-TW), kept apart so the catalog stays readable. */
export const reviewZhTW = {
  title: '主管檢視',
} as const
