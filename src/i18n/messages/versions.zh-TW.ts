/** Messages of the standards library: versions (zh-TW), kept apart so the catalog stays readable. */
export const versionsZhTW = {
  title: 'versions',
}
