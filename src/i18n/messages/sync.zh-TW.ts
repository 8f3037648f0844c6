/** Messages of one record open in two places (tabs, windows, the installed app), zh-TW. */
export const syncZhTW = {
  changedElsewhere: '另一個分頁或視窗也改了這段文字。你的文字還在上面的欄位裡；另一邊的文字是：',
  keepMine: '保留我的',
  useTheirs: '改用另一邊的',
  assessmentGoneTitle: '自評已刪除',
  reviewGoneTitle: '主管檢視已刪除',
  assessmentGone: '這份自評已在另一個分頁或視窗刪除，這裡的評分無法再儲存。',
  reviewGone: '這份主管檢視已在另一個分頁或視窗刪除，這裡的評分無法再儲存。',
} as const
