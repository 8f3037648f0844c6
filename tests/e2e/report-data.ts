/**
 * A standard of 150 items and two devices' backups that hold an assessment of it with long
 * notes, evidence on many items, a supervisor's review (ratings, a comment on many items,
 * some where the two ratings agree, a signed review block) and a development plan: what the
 * printed report is checked on. Seeded, so every run prints the same record.
 */
import { rateableItems } from '../../src/domain/assessment/items'
import type { AssessmentRecord, ItemResponse } from '../../src/domain/assessment/records'
import {
  assessmentBlock,
  reviewBlock,
  selfRatingsOf,
  type ReviewItem,
} from '../../src/domain/files/build'
import { buildBackup, type Backup } from '../../src/domain/files/backup'
import { signReview } from '../../src/domain/files/signature'
import { fingerprintOf, makeSigningKey } from '../../src/domain/io/sign'
import type { PlanAction } from '../../src/domain/plan/schema'
import { standardContentHash, standardVersion } from '../../src/domain/standard/identity'
import type { Standard } from '../../src/domain/standard/schema'
import { mulberry32 } from '../tools/generate-cohort'

export const REPORT_STANDARD_ID = 'RPT2431-001v2'
export const ASSESSMENT_ID = '7b0c2f1e-4d3a-4c55-9e10-5a1b2c3d4e5f'
export const REVIEW_ID = 'c2d4e6f8-1a3b-4c5d-8e7f-901a2b3c4d5e'
export const EMPLOYEE = '林雅婷'
export const REVIEWER = '周主管'

const DUTIES = [
  '規劃年度營運目標',
  '管理團隊與人力',
  '開發與維護客戶關係',
  '控管財務與成本',
  '確保服務品質與安全',
]
const VERBS = ['分析', '擬定', '執行', '檢討', '協調', '督導']
const SENTENCES = [
  '去年旺季獨立處理三十人以上的團體訂位，過程中與供應商協調房型與餐食，沒有出錯。',
  '主管曾示範過一次完整的流程，之後我自己做了兩次，第二次只需要很少的協助。',
  '這一項我還不熟悉，尤其是遇到例外狀況時，常常需要回頭查內部手冊或請教資深同事。',
  'I keep a checklist for this in English because the overseas partners review it with me.',
  '已完成公司內訓課程，並在課後把重點整理成部門共用的文件，供新進同仁參考。',
  '在處理客訴時曾經延誤回覆，事後檢討發現是交接不清楚，已經改用共用的追蹤表。',
]

/** A long text built from the sentences above, its length in sentences, marked as its own. */
function longText(random: () => number, mark: string, sentences: number): string {
  const parts = Array.from(
    { length: sentences },
    () => SENTENCES[Math.floor(random() * SENTENCES.length)]!,
  )
  return `${mark}：${parts.join('')}`
}

/** Five duties of three tasks, six indicators each (90 P), K01–K30, S01–S20, A01–A10: 150. */
export function reportStandard(): Standard {
  const duties = DUTIES.map((title, d) => ({
    code: `T${d + 1}`,
    title,
    tasks: [0, 1, 2].map((t) => ({
      code: `T${d + 1}.${t + 1}`,
      title: `${VERBS[(d + t) % VERBS.length]}${title.slice(2)}的第 ${t + 1} 項工作`,
      outputs: [{ code: `O${d + 1}.${t + 1}.1`, text: `${title}紀錄 ${t + 1}` }],
      indicators: VERBS.map((verb, i) => ({
        code: `P${d + 1}.${t + 1}.${i + 1}`,
        text: `能依據公司政策與市場資訊，${verb}${title.slice(2)}相關事項，並記錄過程與結果（${d + 1}-${t + 1}-${i + 1}）。`,
        // Levels 3 to 5 across the standard, so the report has several levels to compare.
        level: 3 + ((d + i) % 3),
        ...(d === 0 && t === 0 && i === 0 ? { footnotes: [{ n: 1, after: '市場資訊' }] } : {}),
      })),
      knowledge: [0, 1, 2, 3].map(
        (k) => `K${String((((d * 3 + t) * 2 + k) % 30) + 1).padStart(2, '0')}`,
      ),
      skills: [0, 1, 2].map((s) => `S${String(((d * 3 + t + s * 5) % 20) + 1).padStart(2, '0')}`),
    })),
  }))
  const knowledge = Array.from({ length: 30 }, (_, k) => ({
    code: `K${String(k + 1).padStart(2, '0')}`,
    text: `知識項目 ${k + 1}：旅遊相關法規、產業趨勢與營運管理的專業知識`,
    ...(k === 0 ? { footnotes: [{ n: 2 }] } : {}),
  }))
  const skills = Array.from({ length: 20 }, (_, s) => ({
    code: `S${String(s + 1).padStart(2, '0')}`,
    text: `技能項目 ${s + 1}：溝通協調、資料分析與問題解決的實作能力`,
  }))
  const attitudes = Array.from({ length: 10 }, (_, a) => ({
    code: `A${String(a + 1).padStart(2, '0')}`,
    name: `態度 ${a + 1}`,
    description: '面對工作要求時主動積極，對細節謹慎，對客戶誠信。',
    tasks: [`T${(a % 5) + 1}.1`, `T${(a % 5) + 1}.2`],
  }))
  // Every knowledge and skill item is used by some task (a check of the schema).
  const used = new Set(duties.flatMap((d) => d.tasks.flatMap((t) => [...t.knowledge, ...t.skills])))
  for (const item of [...knowledge, ...skills])
    if (!used.has(item.code))
      duties[0]!.tasks[0]![item.code.startsWith('K') ? 'knowledge' : 'skills'].push(item.code)
  return {
    formatVersion: 2,
    id: REPORT_STANDARD_ID,
    code: REPORT_STANDARD_ID,
    title: '旅遊業營運經理',
    level: 5,
    field: { name: '休閒與觀光旅遊', code: 'RPT' },
    occupation: { name: '旅遊業經理人員', code: '2431' },
    industries: [{ name: '旅行業', code: 'N7912' }],
    description: '負責旅行社營運目標之規劃、團隊管理、客戶關係、財務控管與服務品質。',
    duties,
    knowledge,
    skills,
    attitudes,
    footnotes: [
      { n: 1, text: '市場資訊：包括同業價格、航空與住宿供給、旅客偏好之調查資料。' },
      { n: 2, text: '法規：發展觀光條例、旅行業管理規則及消費者保護法。' },
    ],
    notes: {
      general: ['本職能基準供測試列印報告使用。'],
      qualifications: ['大學以上，旅遊相關工作五年以上。'],
      supplementary: [
        { text: '知識項目 1 與 2 包含最新修正之法規條文。', explains: ['K01', 'K02'] },
      ],
    },
    versions: [
      { version: 'V2', code: REPORT_STANDARD_ID, title: '旅遊業營運經理', status: '現行' },
    ],
    source: {
      document: 'tests/e2e/report-data.ts',
      extraction: 'made for the printed report test',
    },
    editorial: [],
  }
}

/** The items' code order, and which items carry which texts. */
export interface ReportTexts {
  notes: Map<string, string>
  evidence: Map<string, string>
  comments: Map<string, string>
  /** The items whose two ratings agree and that carry a supervisor's comment. */
  agreedWithComment: string[]
  overallComment: string
  fingerprint: string
}

export interface ReportData {
  standard: Standard
  employee: Backup
  supervisor: Backup
  texts: ReportTexts
  order: string[]
}

const AT = '2026-11-20T02:00:00.000Z'
const REVIEWED = '2026-11-27T06:30:00.000Z'

function plan(): PlanAction[] {
  const action = (
    id: string,
    what: string,
    kind: PlanAction['kind'],
    items: string[],
    agreed: boolean,
  ): PlanAction => ({
    id,
    what,
    kind,
    items,
    support: '周主管、資深領隊陳先生',
    due: '2027-06-30',
    success: '',
    status: 'planned',
    proposedBy: 'employee',
    changedBy: agreed ? 'supervisor' : 'employee',
    agreed,
    createdAt: AT,
    updatedAt: REVIEWED,
  })
  return [
    action(
      'a1',
      '每月跟著資深同事處理一次團體報價，並在月底檢討差異。',
      'practice',
      ['P1.1.1', 'P1.1.2'],
      true,
    ),
    action(
      'a2',
      '每兩週與主管面談三十分鐘，檢視客戶關係經營的進度與困難。',
      'coaching',
      ['P3.1.1', 'K05'],
      true,
    ),
    action(
      'a3',
      '參加財務報表與成本控管課程，結訓後提出部門成本改善建議。',
      'course',
      ['P4.2.3', 'S04'],
      false,
    ),
  ]
}

/** The standard, both devices' backups and the texts the report must print. */
export async function reportData(): Promise<ReportData> {
  const standard = reportStandard()
  const items = rateableItems(standard)
  const order = items.map((i) => i.key)
  const random = mulberry32(21)
  const texts: ReportTexts = {
    notes: new Map(),
    evidence: new Map(),
    comments: new Map(),
    agreedWithComment: [],
    overallComment: '',
    fingerprint: '',
  }
  const responses = new Map<string, ItemResponse>()
  const reviewed = new Map<string, ReviewItem>()
  items.forEach((item, i) => {
    // Ratings spread from 1 to 5 around the target 4, a few not applicable.
    const rating = i % 37 === 5 ? ('na' as const) : 1 + ((i * 7 + Math.floor(i / 5)) % 5)
    // A note on two items of three, evidence on every other; one note of about 3,000 characters.
    const note =
      i === 40
        ? longText(random, `長備註${item.key}`, 60)
        : i % 3 !== 2
          ? longText(random, `備註${item.key}`, 2 + (i % 4))
          : ''
    const evidence = i % 2 === 0 ? longText(random, `佐證${item.key}`, 1 + (i % 3)) : ''
    responses.set(item.key, { rating, note, evidence, updatedAt: AT })
    if (note) texts.notes.set(item.key, note)
    if (evidence) texts.evidence.set(item.key, evidence)
    // The supervisor agrees on most, differs on some by two steps.
    const own = typeof rating === 'number' ? rating : 3
    const theirs = i % 11 === 0 ? Math.max(1, own - 2) : i % 4 === 0 ? Math.min(5, own + 1) : own
    const comment = i % 3 === 0 ? longText(random, `主管意見${item.key}`, 1 + (i % 2)) : ''
    reviewed.set(item.key, { rating: theirs, comment, updatedAt: REVIEWED })
    if (comment) {
      texts.comments.set(item.key, comment)
      if (theirs === rating) texts.agreedWithComment.push(item.key)
    }
  })
  texts.overallComment =
    '整體而言，雅婷今年在團體業務上進步明顯，能獨立完成大型報價；明年請把重點放在財務與成本控管，並多帶新人。'

  const contentHash = await standardContentHash(standard)
  const identity = {
    id: standard.id,
    code: standard.code,
    version: standardVersion(standard),
    title: standard.title,
    contentHash,
  }
  const record: AssessmentRecord = {
    id: ASSESSMENT_ID,
    standardId: standard.id,
    title: `${EMPLOYEE}・${standard.title}`,
    subject: { name: EMPLOYEE, employeeId: 'E01234', department: '團體業務部', jobTitle: '副理' },
    scaleId: 'proficiency-5',
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId: null,
    createdAt: AT,
    updatedAt: AT,
    lastItemKey: null,
  }
  const actions = plan()
  const block = assessmentBlock(record, selfRatingsOf(responses, order), actions)
  const key = await makeSigningKey()
  const review = await signReview(
    {
      standard: identity,
      assessment: block,
      review: reviewBlock(
        {
          reviewer: { name: REVIEWER, jobTitle: '業務協理' },
          comment: texts.overallComment,
          startedAt: REVIEWED,
          updatedAt: REVIEWED,
          plan: actions,
        },
        reviewed,
        order,
      ),
    },
    key,
  )
  texts.fingerprint = await fingerprintOf(key.publicKey)
  const stored = {
    id: standard.id,
    file: `${standard.id}.json`,
    body: JSON.stringify(standard),
    addedAt: AT,
  }
  const empty = {
    settings: [],
    assessments: [],
    responses: [],
    reviews: [],
    reviewRatings: [],
    receivedReviews: [],
    planActions: [],
    reviewPlanActions: [],
    reviewerKeys: [],
  }
  const employee = buildBackup(
    {
      ...empty,
      standards: [stored],
      assessments: [record],
      responses: [...responses].map(([itemKey, r]) => ({
        ...r,
        assessmentId: ASSESSMENT_ID,
        itemKey,
      })),
      planActions: actions.map((a) => ({ ...a, assessmentId: ASSESSMENT_ID })),
      receivedReviews: [
        {
          assessmentId: ASSESSMENT_ID,
          fileName: `${EMPLOYEE}-${standard.title}-2026-11-27-主管檢視.gaplens.json`,
          receivedAt: REVIEWED,
          review,
          selfAsReviewed: block.ratings,
          planAsSent: actions,
          planReplaced: [],
          signer: { fingerprint: texts.fingerprint, standing: 'known' },
        },
      ],
      reviewerKeys: [{ name: REVIEWER, fingerprint: texts.fingerprint, firstSeen: REVIEWED }],
    },
    REVIEWED,
  )
  const supervisor = buildBackup(
    {
      ...empty,
      standards: [stored],
      reviews: [
        {
          id: REVIEW_ID,
          assessmentId: ASSESSMENT_ID,
          standardId: standard.id,
          standard: identity,
          assessment: block,
          fileName: `${EMPLOYEE}-${standard.title}-2026-11-20.gaplens.json`,
          importedAt: REVIEWED,
          reviewer: { name: REVIEWER, jobTitle: '業務協理' },
          comment: texts.overallComment,
          startedAt: REVIEWED,
          updatedAt: REVIEWED,
          lastItemKey: null,
        },
      ],
      reviewRatings: [...reviewed].map(([itemKey, r]) => ({ ...r, reviewId: REVIEW_ID, itemKey })),
      reviewPlanActions: actions.map((a) => ({ ...a, reviewId: REVIEW_ID })),
    },
    REVIEWED,
  )
  return { standard, employee, supervisor, texts, order }
}
