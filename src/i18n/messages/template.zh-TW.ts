/** Messages of the standards library: template (zh-TW), kept apart so the catalog stays readable. */
export const templateZhTW = {
  title: 'template',
}
