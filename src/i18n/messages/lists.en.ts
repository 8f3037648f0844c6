import type { Messages } from './zh-TW'

/** Messages of the long lists (own assessments, reviews) in English: search and paging. */
export const listsEn: Messages['lists'] = {
  search: 'Search',
  assessmentsHint: 'By title, name, employee ID, department or standard',
  reviewsHint: 'By name, department, reviewer, title or standard',
  count: '{n} in all',
  found: '{found} found of {n}',
  none: 'Nothing matches “{query}”.',
  more: 'Show more ({n} left)',
}
