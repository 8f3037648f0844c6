/**
 * Writes tests/fixtures/assessment-files/: malformed assessment files, each with the problem it
 * must produce and words its message must say (written here by hand, not computed). Run with
 * `npx tsx tests/tools/write-assessment-corpus.ts` after changing the file format; the files
 * are committed, so a reader can open each one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sealAssessmentFile, type AssessmentFile } from '../../src/domain/files/assessment-file'
import { protect } from '../../src/domain/io/protect'
import { makeAssessmentFile, REVIEW } from '../fixtures/assessment-file'
import { makeStandard } from '../fixtures/standard'

const DIR = 'tests/fixtures/assessment-files'
const PASSPHRASE = '測試用通關密語'

type Json = Record<string, unknown>
interface Case {
  name: string
  /** What the case is, for a reader of the manifest. */
  about: string
  code: string
  /** Words the zh-TW message must contain. */
  says: string
  passphrase?: string
  body: (file: AssessmentFile) => Promise<string> | string
}

const indent = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
/** Changes the content, then seals it again: the change reaches the schema and cross-checks. */
async function resealed(file: AssessmentFile, change: (content: Json) => void): Promise<string> {
  const { integrity: _seal, ...content } = structuredClone(file) as unknown as Json & {
    integrity: unknown
  }
  change(content)
  return indent(await sealAssessmentFile(content as never))
}
const assessmentOf = (c: Json) => c.assessment as Json
const ratingsOf = (c: Json) => assessmentOf(c).ratings as Json[]
const reviewOf = (c: Json) => c.review as Json
const first = (c: Json) => ratingsOf(c)[0]!
/** A plan action as the app writes one, with the fields a case changes. */
const action = (fields: Json): Json => ({
  id: 'a1',
  what: '跟著資深同事處理兩次團體糾紛',
  kind: 'practice',
  items: ['P1.1.1'],
  support: '陳主管',
  due: '2027-03-31',
  success: '',
  status: 'planned',
  proposedBy: 'employee',
  changedBy: 'employee',
  agreed: false,
  createdAt: '2026-11-25T02:00:00.000Z',
  updatedAt: '2026-11-25T02:00:00.000Z',
  ...fields,
})

const cases: Case[] = [
  {
    name: 'empty.gaplens.json',
    about: 'an empty file',
    code: 'not-json',
    says: '不是有效的 JSON',
    body: () => '',
  },
  {
    name: 'truncated.gaplens.json',
    about: 'cut off half way',
    code: 'not-json',
    says: '不是有效的 JSON',
    body: (f) => indent(f).slice(0, 300),
  },
  {
    name: 'array.gaplens.json',
    about: 'a JSON list',
    code: 'wrong-kind',
    says: '不是 GapLens 的自評檔',
    body: () => '[1, 2]',
  },
  {
    name: 'string.gaplens.json',
    about: 'a JSON string',
    code: 'wrong-kind',
    says: '不是 GapLens 的自評檔',
    body: () => '"hello"',
  },
  {
    name: 'null.gaplens.json',
    about: 'null',
    code: 'wrong-kind',
    says: '不是 GapLens 的自評檔',
    body: () => 'null',
  },
  {
    name: 'backup.gaplens.json',
    about: 'a backup, not an assessment',
    code: 'wrong-kind',
    says: '不是 GapLens 的自評檔',
    body: () => indent({ format: 'gaplens-backup', version: 2, tables: {} }),
  },
  {
    name: 'standard.gaplens.json',
    about: 'a standard file',
    code: 'wrong-kind',
    says: '不是 GapLens 的自評檔',
    body: () => indent(makeStandard()),
  },
  {
    name: 'no-format.gaplens.json',
    about: 'the format key removed',
    code: 'wrong-kind',
    says: '不是 GapLens 的自評檔',
    body: (f) => indent({ ...f, format: undefined }),
  },
  {
    name: 'newer-version.gaplens.json',
    about: 'format version 3, from a newer app',
    code: 'version-newer',
    says: '第 3 版格式，比這個 App 能讀的第 2 版新',
    body: (f) => indent({ ...f, formatVersion: 3 }),
  },
  {
    name: 'no-version.gaplens.json',
    about: 'no format version',
    code: 'version-unsupported',
    says: '沒有標示格式版本',
    body: (f) => indent({ ...f, formatVersion: undefined }),
  },
  {
    name: 'version-string.gaplens.json',
    about: 'format version written as text',
    code: 'version-unsupported',
    says: '不支援的格式版本 "1"',
    body: (f) => indent({ ...f, formatVersion: '1' }),
  },
  {
    name: 'version-zero.gaplens.json',
    about: 'format version 0',
    code: 'version-unsupported',
    says: '不支援的格式版本 0',
    body: (f) => indent({ ...f, formatVersion: 0 }),
  },
  {
    name: 'edited-rating.gaplens.json',
    about: 'a rating changed in a text editor',
    code: 'integrity-mismatch',
    says: '匯出後有人改過它',
    body: (f) => indent(f).replace('"rating": 2', '"rating": 5'),
  },
  {
    name: 'edited-note.gaplens.json',
    about: 'a note changed in a text editor',
    code: 'integrity-mismatch',
    says: '匯出後有人改過它',
    body: (f) => indent(f).replace('還在學', '很熟練'),
  },
  {
    name: 'edited-name.gaplens.json',
    about: 'the person’s name changed',
    code: 'integrity-mismatch',
    says: '匯出後有人改過它',
    body: (f) => indent(f).replace('"name": "王小明"', '"name": "李大同"'),
  },
  {
    name: 'bad-hash.gaplens.json',
    about: 'a hash that is not the content’s',
    code: 'integrity-mismatch',
    says: '完整性雜湊不符',
    body: (f) => indent({ ...f, integrity: { algorithm: 'SHA-256', hash: '0'.repeat(64) } }),
  },
  {
    name: 'no-integrity.gaplens.json',
    about: 'the integrity block removed',
    code: 'invalid-field',
    says: '缺少完整性檢查',
    body: (f) => indent({ ...f, integrity: undefined }),
  },
  {
    name: 'md5.gaplens.json',
    about: 'another hash algorithm named',
    code: 'invalid-field',
    says: '完整性檢查：演算法應為「SHA-256」',
    body: async (f) => {
      const text = await resealed(f, () => {})
      return text.replace('"algorithm": "SHA-256"', '"algorithm": "MD5"')
    },
  },
  {
    name: 'other-standard.gaplens.json',
    about: 'rated on a standard this device does not hold',
    code: 'standard-missing',
    says: '這台裝置上沒有評分所依據的職能基準「別的職業」（XYZ9999-001v2',
    body: async () =>
      indent(
        await makeAssessmentFile({
          standard: makeStandard({ id: 'XYZ9999-001v2', code: 'XYZ9999-001v2', title: '別的職業' }),
        }),
      ),
  },
  {
    name: 'unknown-item.gaplens.json',
    about: 'an item the standard does not have',
    code: 'unknown-item',
    says: '職能基準 TST1234-001v1 中沒有項目 K99',
    body: (f) => resealed(f, (c) => (first(c).item = 'K99')),
  },
  {
    name: 'off-scale.gaplens.json',
    about: 'a rating of 6 on the five-step scale',
    code: 'off-scale',
    says: '評分 6 不在量尺「五級熟練度」上',
    body: (f) => resealed(f, (c) => (first(c).rating = 6)),
  },
  {
    name: 'rating-nine.gaplens.json',
    about: 'a rating of 9',
    code: 'invalid-field',
    says: '項目 P1.1.1：評分 9 超過上限 6',
    body: (f) => resealed(f, (c) => (first(c).rating = 9)),
  },
  {
    name: 'rating-word.gaplens.json',
    about: 'a rating written as a word',
    code: 'invalid-field',
    says: '項目 P1.1.1：評分應為數字或「na」',
    body: (f) => resealed(f, (c) => (first(c).rating = 'high')),
  },
  {
    name: 'rating-fraction.gaplens.json',
    about: 'a rating of 2.5',
    code: 'invalid-field',
    says: '項目 P1.1.1：評分應為整數',
    body: (f) => resealed(f, (c) => (first(c).rating = 2.5)),
  },
  {
    name: 'repeated-item.gaplens.json',
    about: 'an item rated twice',
    code: 'duplicate',
    says: 'K01 重複出現',
    body: (f) =>
      resealed(f, (c) => ratingsOf(c).push({ ...ratingsOf(c).find((r) => r.item === 'K01')! })),
  },
  {
    name: 'unknown-key.gaplens.json',
    about: 'a key the format does not know',
    code: 'invalid-field',
    says: '有不認得的欄位：「comments」',
    body: (f) => resealed(f, (c) => (c.comments = 'hi')),
  },
  {
    name: 'proto-key.gaplens.json',
    about: 'a __proto__ key in the subject',
    code: 'invalid-field',
    says: '有不認得的欄位：「__proto__」',
    body: async (f) => {
      const text = await resealed(f, () => {})
      const withProto = text.replace(
        '"subject": {',
        '"subject": {\n      "__proto__": { "isAdmin": true },',
      )
      const { integrity: _i, ...content } = JSON.parse(withProto) as Json
      return indent(await sealAssessmentFile(content as never))
    },
  },
  {
    name: 'constructor-key.gaplens.json',
    about: 'a constructor key at the top',
    code: 'invalid-field',
    says: '有不認得的欄位：「constructor」',
    body: (f) =>
      resealed(f, (c) =>
        Object.defineProperty(c, 'constructor', {
          value: { prototype: { polluted: true } },
          enumerable: true,
        }),
      ),
  },
  {
    name: 'long-note.gaplens.json',
    about: 'a note of 20,001 characters',
    code: 'invalid-field',
    says: '項目 P1.1.1：備註太長：20001 字，上限 20000 字',
    body: (f) => resealed(f, (c) => (first(c).note = '長'.repeat(20_001))),
  },
  {
    name: 'empty-name.gaplens.json',
    about: 'the person’s name blank',
    code: 'invalid-field',
    says: '姓名不可空白',
    body: (f) => resealed(f, (c) => ((assessmentOf(c).subject as Json).name = '   ')),
  },
  {
    name: 'long-name.gaplens.json',
    about: 'a name of 201 characters',
    code: 'invalid-field',
    says: '姓名太長：201 字，上限 200 字',
    body: (f) => resealed(f, (c) => ((assessmentOf(c).subject as Json).name = '王'.repeat(201))),
  },
  {
    name: 'no-title.gaplens.json',
    about: 'the assessment’s title removed',
    code: 'invalid-field',
    says: '缺少名稱',
    body: (f) => resealed(f, (c) => delete assessmentOf(c).title),
  },
  {
    name: 'unknown-scale.gaplens.json',
    about: 'a scale this app does not have',
    code: 'invalid-field',
    says: '評分量尺應為「proficiency-5」或「icap-level-6」',
    body: (f) => resealed(f, (c) => (assessmentOf(c).scale = 'ten-steps')),
  },
  {
    name: 'bad-export-date.gaplens.json',
    about: 'an export time that is not a time',
    code: 'invalid-field',
    says: '匯出時間「yesterday」不是有效的日期時間',
    body: (f) => resealed(f, (c) => (c.exportedAt = 'yesterday')),
  },
  {
    name: 'bad-rating-date.gaplens.json',
    about: 'a rating dated 2026-13-45',
    code: 'invalid-field',
    says: '項目 P1.1.1：最後更新「2026-13-45T00:00:00Z」不是有效的日期時間',
    body: (f) => resealed(f, (c) => (first(c).updatedAt = '2026-13-45T00:00:00Z')),
  },
  {
    name: 'round-zero.gaplens.json',
    about: 'round 0',
    code: 'invalid-field',
    says: '輪次 0 低於下限 1',
    body: (f) => resealed(f, (c) => (assessmentOf(c).round = 0)),
  },
  {
    name: 'unknown-duty-target.gaplens.json',
    about: 'a target for a duty the standard does not have',
    code: 'unknown-reference',
    says: '找不到主要職責 T9',
    body: (f) => resealed(f, (c) => (((assessmentOf(c).targets as Json).duties as Json).T9 = 3)),
  },
  {
    name: 'target-nine.gaplens.json',
    about: 'a target of 9',
    code: 'invalid-field',
    says: '主要職責 T2：目標 9 超過上限 6',
    body: (f) => resealed(f, (c) => (((assessmentOf(c).targets as Json).duties as Json).T2 = 9)),
  },
  {
    name: 'ratings-object.gaplens.json',
    about: 'the ratings as an object, not a list',
    code: 'invalid-field',
    says: '評分應為清單',
    body: (f) => resealed(f, (c) => (assessmentOf(c).ratings = { P111: 2 })),
  },
  {
    name: 'bad-item-code.gaplens.json',
    about: 'an item code in lower case',
    code: 'invalid-field',
    says: '項目代碼「k-01」的格式不對',
    body: (f) => resealed(f, (c) => (first(c).item = 'k-01')),
  },
  {
    name: 'review-no-reviewer.gaplens.json',
    about: 'a review with no reviewer name',
    code: 'invalid-field',
    says: '主管檢視 › 檢視者：姓名不可空白',
    body: async () =>
      resealed(
        await makeAssessmentFile({ review: REVIEW }),
        (c) => ((reviewOf(c).reviewer as Json).name = ''),
      ),
  },
  {
    name: 'review-off-scale.gaplens.json',
    about: 'a supervisor rating of 6 on the five-step scale',
    code: 'off-scale',
    says: '評分 6 不在量尺「五級熟練度」上',
    body: async () =>
      resealed(
        await makeAssessmentFile({ review: REVIEW }),
        (c) => ((reviewOf(c).ratings as Json[])[0]!.rating = 6),
      ),
  },
  {
    name: 'review-unknown-item.gaplens.json',
    about: 'a supervisor rating of an item the standard lacks',
    code: 'unknown-item',
    says: '中沒有項目 P9.9.9',
    body: async () =>
      resealed(
        await makeAssessmentFile({ review: REVIEW }),
        (c) => ((reviewOf(c).ratings as Json[])[0]!.item = 'P9.9.9'),
      ),
  },
  {
    name: 'review-long-comment.gaplens.json',
    about: 'a supervisor comment of 20,001 characters',
    code: 'invalid-field',
    says: '意見太長：20001 字，上限 20000 字',
    body: async () =>
      resealed(
        await makeAssessmentFile({ review: REVIEW }),
        (c) => (reviewOf(c).comment = '好'.repeat(20_001)),
      ),
  },
  {
    name: 'plan-long-action.gaplens.json',
    about: 'a development plan whose action is 20,001 characters long',
    code: 'invalid-field',
    says: '行動內容太長：20001 字，上限 20000 字',
    body: async (f) =>
      resealed(f, (c) => (assessmentOf(c).plan = [action({ what: '學'.repeat(20_001) })])),
  },
  {
    name: 'plan-unknown-item.gaplens.json',
    about: 'a plan action aimed at an item the standard lacks',
    code: 'unknown-item',
    says: '中沒有項目 K99',
    body: async (f) =>
      resealed(f, (c) => (assessmentOf(c).plan = [action({ items: ['K01', 'K99'] })])),
  },
  {
    name: 'plan-due-out-of-range.gaplens.json',
    about: 'a plan action due in the year 2300',
    code: 'invalid-field',
    says: '預定完成日「2300-01-01」不是有效的日期',
    body: async (f) => resealed(f, (c) => (assessmentOf(c).plan = [action({ due: '2300-01-01' })])),
  },
  {
    name: 'plan-ten-thousand.gaplens.json',
    about: 'a plan of 10,000 actions',
    code: 'invalid-field',
    says: '發展計畫太多：10000 項，上限 100 項',
    body: async (f) =>
      resealed(f, (c) => {
        assessmentOf(c).plan = Array.from({ length: 10_000 }, (_, i) => action({ id: `a${i}` }))
      }),
  },
  {
    name: 'review-plan-repeated-action.gaplens.json',
    about: 'a supervisor plan listing one action twice',
    code: 'duplicate',
    says: 'a1 重複出現',
    body: async () =>
      resealed(await makeAssessmentFile({ review: REVIEW }), (c) => {
        reviewOf(c).plan = [action({ id: 'a1' }), action({ id: 'a1' })]
      }),
  },
  {
    name: 'deep.gaplens.json',
    about: 'nesting thousands of levels deep',
    code: 'too-deep',
    says: '巢狀層次超過 16 層',
    body: () => `{"format":"gaplens-assessment","x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  },
  {
    name: 'protected-wrong-passphrase.gaplens.json',
    about: 'protected, opened with another passphrase',
    code: 'protected-failed',
    says: '通關密語不正確',
    passphrase: '另一個密語',
    body: async (f) => indent(await protect(indent(f), PASSPHRASE)),
  },
  {
    name: 'protected-flipped.gaplens.json',
    about: 'protected, one character of the ciphertext changed',
    code: 'protected-failed',
    says: '或檔案在加密後被改動過',
    passphrase: PASSPHRASE,
    body: async (f) => {
      const envelope = await protect(indent(f), PASSPHRASE)
      const chars = [...envelope.ciphertext]
      chars[20] = chars[20] === 'A' ? 'B' : 'A'
      return indent({ ...envelope, ciphertext: chars.join('') })
    },
  },
  {
    name: 'protected-few-rounds.gaplens.json',
    about: 'protected with 1,000 PBKDF2 rounds',
    code: 'protected-damaged',
    says: '加密檔的參數不是 GapLens 寫的',
    passphrase: PASSPHRASE,
    body: async (f) => {
      const envelope = await protect(indent(f), PASSPHRASE)
      return indent({ ...envelope, kdf: { ...envelope.kdf, iterations: 1000 } })
    },
  },
  {
    name: 'protected-no-ciphertext.gaplens.json',
    about: 'protected, the ciphertext removed',
    code: 'protected-damaged',
    says: '加密檔的參數不是 GapLens 寫的',
    passphrase: PASSPHRASE,
    body: async (f) => {
      const envelope = await protect(indent(f), PASSPHRASE)
      return indent({ ...envelope, ciphertext: undefined })
    },
  },
]

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(DIR, { recursive: true })
  const file = await makeAssessmentFile()
  const manifest = []
  for (const c of cases) {
    writeFileSync(join(DIR, c.name), await c.body(file))
    const { body: _b, ...entry } = c
    manifest.push(entry)
  }
  writeFileSync(join(DIR, 'expected.json'), indent(manifest))
  console.log(`${cases.length} files in ${DIR}`)
}

void main()
