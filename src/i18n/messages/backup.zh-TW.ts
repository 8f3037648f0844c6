/** Messages of the backup and restore in Settings (zh-TW), loaded with the Settings screen. */
export const backupZhTW = {
  title: '備份與還原',
  intro: '備份檔包含這台裝置上所有的自評、評分、備註與佐證、主管檢視，以及自行新增的職能基準。',
  download: '下載備份',
  downloaded: '已下載備份「{file}」。',
  downloadFailed: '無法下載備份：{problem}',
  restore: '從備份還原…',
  restoreHint:
    '還原前會先檢查整個備份檔並說明會做什麼；可以把備份加入這台裝置上的資料，或取代全部。',
  checking: '正在檢查「{file}」…',
  restoreFailed: '無法還原「{file}」：{problem}。目前的資料沒有任何變動。',
  restoreStorageFailed: '無法還原「{file}」，目前的資料沒有任何變動。{problem}',
  restoredReplace:
    '已從「{file}」還原 {assessments} 份自評與 {reviews} 份主管檢視，取代了這台裝置上原有的資料。',
  restoredAddNew: '已從「{file}」加入 {added} 份自評與 {reviewsAdded} 份主管檢視。',
  restoredAdd:
    '已從「{file}」加入 {added} 份自評與 {reviewsAdded} 份主管檢視；{updated} 份換成備份中較新的版本，{kept} 份保留這台裝置上較新的版本。',
  dialog: {
    title: '從備份還原',
    holds:
      '「{file}」（{date} 匯出）有 {assessments} 份自評、{responses} 筆評分、{reviews} 份主管檢視、{standards} 項自行新增的職能基準。',
    mode: '還原方式',
    add: '加入這台裝置上的資料',
    addHint:
      '這台裝置上現有的資料都會保留。兩邊都有的自評或主管檢視（{overlap} 份）保留較新的版本。',
    replace: '取代這台裝置上的全部資料',
    replaceHint: '刪除這台裝置上的所有自評與主管檢視，換成備份的內容。',
    replaceWarning:
      '這台裝置上目前的 {assessments} 份自評與 {reviews} 份主管檢視會全部刪除，無法復原。若要保留，請先取消並下載備份。',
    missingTitle: '這台裝置沒有以下職能基準',
    missingItem: '{standard}：{assessments} 份自評、{reviews} 份主管檢視',
    missingKeep: '仍然還原這些自評與主管檢視（顯示為缺少職能基準，新增該基準後即可使用）',
    missingSkip: '不還原這些自評與主管檢視',
    unknownTitle: '有些評分的項目代碼不在它的職能基準中',
    unknownItem: '{standard}：{items}（{ratings} 筆評分）',
    unknownMore: '{items} 等 {n} 個代碼',
    unknownKeep: '仍然保留這些評分（畫面上不會顯示）',
    unknownSkip: '不還原這些評分',
    refusedTitle: '以下自行新增的職能基準無法使用，不會還原',
    refusedItem: '{standard}：{problem}',
    standard: '「{title}」（{code}）',
    standardNoCode: '「{title}」',
    standardId: '代碼為 {id} 的職能基準',
    confirmAdd: '加入',
    confirmReplace: '全部取代',
    cancel: '取消',
    progress: '正在還原：{written} / {total} 筆記錄',
    progressLabel: '還原進度',
    keepOpen: '完成前請不要關閉這個頁面；中途關閉不會改動任何資料。',
  },
} as const
