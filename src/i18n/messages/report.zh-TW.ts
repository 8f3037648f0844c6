/** Messages of the printed report in zh-TW: the running head, the record and the sign-off. */
export const reportZhTW = {
  running: '{name}・{standard}（{code}）・{date}',
  page: '第 {page} 頁，共 {pages} 頁',
  chart: {
    none: '{title}：尚無評分，圖表從略。',
    same: '{title}：每一組的平均落差都是 {value}，圖表從略。',
    close: '{title}：平均落差都在 {low} 到 {high} 之間，差別不大，圖表從略；數字見下方的表。',
    topSame: '落差最大的 {n} 項落差都是 {value}，圖表從略；項目見下方的清單。',
  },
  record: {
    title: '逐項紀錄',
    intro: '每一項的評分，以及受評者的備註與佐證、主管的意見，依評分頁的順序。',
    attitudes: '態度',
    note: '備註',
    evidence: '佐證',
    comment: '主管意見',
  },
  signOff: {
    title: '簽核',
    employee: '受評者',
    supervisor: '主管',
    name: '姓名',
    signature: '簽名',
    date: '日期',
    comment: '主管整體意見',
    carries: {
      signed: '本報告附 {reviewer} 於 {date} 的檢視，已簽章，金鑰指紋 {fingerprint}。',
      first:
        '本報告附 {reviewer} 於 {date} 的檢視，已簽章，金鑰指紋 {fingerprint}（本裝置第一次收到這把金鑰）。',
      different:
        '本報告附 {reviewer} 於 {date} 的檢視，已簽章，金鑰指紋 {fingerprint}；注意：與本裝置之前收到的 {reviewer} 金鑰不同。',
      unsigned: '本報告附 {reviewer} 於 {date} 的檢視，未簽章。',
      none: '本報告沒有附主管的檢視。',
      own: '本報告為 {reviewer} 於 {date} 的檢視；匯出的檢視檔以本裝置的金鑰簽章，指紋 {fingerprint}。',
      ownNone: '本報告為 {reviewer} 於 {date} 的檢視；本裝置第一次匯出檢視時會產生簽章金鑰。',
    },
  },
} as const
