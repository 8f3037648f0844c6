/** Messages of the long lists (own assessments, reviews) in zh-TW: search and paging. */
export const listsZhTW = {
  search: '搜尋',
  assessmentsHint: '依標題、姓名、員工編號、部門或職能基準搜尋',
  reviewsHint: '依姓名、部門、主管、標題或職能基準搜尋',
  count: '共 {n} 份',
  found: '找到 {found} 份，共 {n} 份',
  none: '沒有符合「{query}」的項目。',
  more: '顯示更多（還有 {n} 份）',
} as const
