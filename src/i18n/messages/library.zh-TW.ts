/** Messages of the standards library: library (zh-TW), kept apart so the catalog stays readable. */
export const libraryZhTW = {
  title: 'library',
}
