/** Messages of the files screens (zh-TW), kept apart so the catalog stays readable. */
export const filesZhTW = {
  title: '評估檔案',
} as const
