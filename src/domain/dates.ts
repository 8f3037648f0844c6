/**
 * The calendar date (YYYY-MM-DD) of a moment where the person is: a title, a file name or a
 * report dated at 07:30 in Taipei says that day, not the day before as UTC would.
 */
export function localDate(moment: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`
}
