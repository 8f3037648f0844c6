/**
 * The paste parser on hand-made texts in the shape of the seeds: the variations real standards
 * show, and broken pastes, each refused with problems that name a line, never a throw.
 */
import { describe, expect, it } from 'vitest'
import { parsePastedStandard, type PasteResult } from '@/domain/standard/import/paste'

const HEADER = [
  '測試人員職能基準',
  '',
  '職能基準代碼\t\tTST1234-001v1\t\t\t',
  '職能基準名稱\t\t職類\t\t\t',
  '\t\t職業\t測試人員\t\t',
  '所屬類別\t職類別\t測試 / 品質\t職類別代碼\tTST\t',
  '\t職業別\t測試員\t職業別代碼\t1234\t',
  '\t行業別\t資訊業\t行業別代碼\tJ62\t',
  '工作描述\t\t測試軟體，記錄結果。\t\t\t',
  '基準級別\t\t3\t\t\t',
  '',
]
const TABLE_HEAD =
  '主要職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵 (K=knowledge 知識)\t職能內涵 (S=skills 技能)'
const ROWS = [
  'T1 測試\tT1.1 寫測 試\tO1.1.1 測試報告\tP1.1.1 寫單元測試。 P1.1.2 寫整合測試。\t3\tK01 測試理論\tS01 程式能力',
  '\tT1.2 跑測試\tO1.2.1 執行紀錄\tP1.2.1 執行測試。\t3\tK02 測試工具\tS02 操作能力',
]
const ATTITUDES = ['', '職能內涵 (A=attitude 態度)', '', 'A01 細心：注意細節。', '']
const NOTES = ['說明與補充事項', '', '- 此為測試用的職能基準']

const text = (
  rows = ROWS,
  opts: { header?: string[]; attitudes?: string[]; notes?: string[] } = {},
) =>
  [
    ...(opts.header ?? HEADER),
    TABLE_HEAD,
    ...rows,
    ...(opts.attitudes ?? ATTITUDES),
    ...(opts.notes ?? NOTES),
  ].join('\n')

function ok(r: PasteResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r
}
const tasks = (r: ReturnType<typeof ok>) => r.standard.duties.flatMap((d) => d.tasks)

describe('variations of a published standard', () => {
  it('reads the plain standard, joining a broken word, with no attitude matrix', () => {
    const r = ok(parsePastedStandard(text()))
    expect(r.standard.id).toBe('TST1234-001v1')
    expect(tasks(r).map((t) => [t.code, t.title, t.knowledge, t.skills])).toEqual([
      ['T1.1', '寫測試', ['K01'], ['S01']],
      ['T1.2', '跑測試', ['K02'], ['S02']],
    ])
    expect(r.standard.attitudes).toEqual([{ code: 'A01', name: '細心', description: '注意細節。' }])
    expect(r.judgements.map((j) => j.kind)).toEqual(['words-joined', 'attitude-matrix'])
    expect(r.standard.notes.general).toEqual(['此為測試用的職能基準'])
  })

  it('a task whose indicators sit at two levels', () => {
    const rows = [ROWS[0] ?? '', '\t\t\tP1.1.3 設計測試策略。\t4\t\t', ROWS[1] ?? '']
    const r = ok(parsePastedStandard(text(rows)))
    expect(tasks(r)[0]?.indicators.map((p) => [p.code, p.level])).toEqual([
      ['P1.1.1', 3],
      ['P1.1.2', 3],
      ['P1.1.3', 4],
    ])
  })

  it('a √ attitude matrix', () => {
    const attitudes = [...ATTITUDES, '\tT1.1\tT1.2', 'A01 細心\t√\t', '']
    const r = ok(parsePastedStandard(text(ROWS, { attitudes })))
    expect(r.standard.attitudes[0]?.tasks).toEqual(['T1.1'])
    expect(r.judgements.find((j) => j.kind === 'attitude-matrix')?.note?.where).toBe(
      'Attitude matrix',
    )
  })

  it('a task with no output', () => {
    const rows = [
      ROWS[0] ?? '',
      '\tT1.2 跑測試\t\tP1.2.1 執行測試。\t3\tK02 測試工具\tS02 操作能力',
    ]
    const r = ok(parsePastedStandard(text(rows)))
    expect(tasks(r)[1]?.outputs).toEqual([])
    expect(r.judgements.find((j) => j.kind === 'no-output')?.note?.where).toBe('T1.2')
  })

  it('a K/S cell merged over three tasks, and the person can refuse the spread', () => {
    const rows = [
      ROWS[0] ?? '',
      '\tT1.2 跑測試\tO1.2.1 紀錄\tP1.2.1 執行測試。\t3\t\t',
      '\tT1.3 修測試\tO1.3.1 紀錄\tP1.3.1 修正測試。\t3\t\t',
    ]
    const r = ok(parsePastedStandard(text(rows)))
    expect(tasks(r).map((t) => [t.knowledge, t.skills])).toEqual([
      [['K01'], ['S01']],
      [['K01'], ['S01']],
      [['K01'], ['S01']],
    ])
    const j = r.judgements.find((x) => x.kind === 'merged-cell')
    expect(j?.note?.where).toBe('T1.1–T1.3 K and S')
    const refused = ok(
      parsePastedStandard(text(rows), { answers: { [j?.id ?? '']: { value: false } } }),
    )
    expect(tasks(refused).map((t) => t.knowledge)).toEqual([['K01'], [], []])
  })

  it('a footnote split across a page break, and the mark anchored on its term', () => {
    const rows = [
      'T1 測試\tT1.1 寫測試\tO1.1.1 報告\tP1.1.1 寫單元測試 ^{【註1】} 。\t3\tK01 測試理論\tS01 程式能力',
    ]
    const notes = [...NOTES, '- 其他補充說明：', ' - 【註 1】單元測試：函式', '', '與類別。']
    const r = ok(parsePastedStandard(text(rows, { notes })))
    expect(r.standard.footnotes).toEqual([{ n: 1, text: '單元測試：函式與類別。' }])
    expect(tasks(r)[0]?.indicators[0]).toEqual({
      code: 'P1.1.1',
      text: '寫單元測試。',
      level: 3,
      footnotes: [{ n: 1, after: '單元測試' }],
    })
    expect(r.judgements.map((j) => j.kind)).toContain('footnote-joined')
  })

  it('CRLF line endings read the same', () => {
    const lf = ok(parsePastedStandard(text()))
    const crlf = ok(parsePastedStandard(text().replace(/\n/g, '\r\n')))
    expect(crlf.standard).toStrictEqual(lf.standard)
  })

  it('the table with spaces where tabs were reads the same', () => {
    const lf = ok(parsePastedStandard(text()))
    const spaced = ok(parsePastedStandard(text(ROWS.map((r) => r.replace(/\t+/g, ' ')))))
    expect(spaced.standard.duties).toStrictEqual(lf.standard.duties)
  })

  it('an empty level cell takes the level above; a mistyped code is fixed; both are judgements', () => {
    const rows = [
      ROWS[0] ?? '',
      '\tT1.2 跑測試\tO1.21 執行紀錄\tP1.2.1 執行測試。\t\tK02 測試工具\tS02 操作能力',
    ]
    const r = ok(parsePastedStandard(text(rows)))
    expect(tasks(r)[1]?.outputs[0]?.code).toBe('O1.2.1')
    expect(tasks(r)[1]?.indicators[0]?.level).toBe(3)
    expect(
      r.judgements
        .filter((j) => j.kind === 'empty-level' || j.kind === 'code-fixed')
        .map((j) => j.line),
    ).toEqual([14, 14])
    const four = ok(
      parsePastedStandard(text(rows), { answers: { 'empty-level:T1.2': { value: 4 } } }),
    )
    expect(tasks(four)[1]?.indicators[0]?.level).toBe(4)
  })

  it('a standard with no code gets an id of ours, which the person may change', () => {
    const header = HEADER.map((l) => (l.startsWith('職能基準代碼') ? '職能基準代碼\t\t\t\t\t' : l))
    const r = ok(parsePastedStandard(text(ROWS, { header })))
    expect(r.standard.code).toBeNull()
    expect(r.standard.id).toMatch(/^TST1234-[0-9a-f]{8}$/)
    expect(r.standard.editorial[0]?.where).toBe('id, code')
    const named = ok(
      parsePastedStandard(text(ROWS, { header }), {
        answers: { 'no-code:id': { value: 'TST1234-tester' } },
      }),
    )
    expect(named.standard.id).toBe('TST1234-tester')
  })
})

const BROKEN: [string, string, string][] = [
  ['an empty paste', '', 'paste-empty'],
  ['only white space', ' \n\t\n  ', 'paste-empty'],
  ['a table with no header', [...HEADER, ...ROWS].join('\n'), 'paste-no-table'],
  ['a header and no rows', [...HEADER, TABLE_HEAD, ...ATTITUDES].join('\n'), 'paste-no-table'],
  [
    'a duplicate task code',
    text([ROWS[0] ?? '', (ROWS[1] ?? '').replace('T1.2', 'T1.1')]),
    'paste-duplicate-code',
  ],
  ['a duplicate duty and task row', text([ROWS[0] ?? '', ROWS[0] ?? '']), 'paste-duplicate-code'],
  [
    'a level of 9',
    text([ROWS[0] ?? '', (ROWS[1] ?? '').replace('\t3\t', '\t9\t')]),
    'paste-bad-level',
  ],
  [
    'a level that is no number',
    text([(ROWS[0] ?? '').replace('\t3\t', '\t三\t')]),
    'paste-bad-level',
  ],
  [
    'a standard level of 0',
    text(ROWS, { header: HEADER.map((l) => l.replace('基準級別\t\t3', '基準級別\t\t0')) }),
    'paste-bad-level',
  ],
  [
    'the text of another document',
    '# README\n\nThis project builds a web app.\n\n- install\n- run',
    'paste-no-table',
  ],
  ['a JSON file', '{"formatVersion":1,"id":"x","duties":[]}', 'paste-no-table'],
  [
    'an HTML page',
    '<html><body><table><tr><td>主要職責</td></tr></table></body></html>',
    'paste-no-table',
  ],
  [
    'random bytes',
    String.fromCharCode(...Array.from({ length: 500 }, (_, i) => (i * 7919) % 256)),
    'paste-not-text',
  ],
  ['a huge line', `${'字'.repeat(60_000)}\n${text()}`, 'paste-line-too-long'],
  ['a paste too large', 'a'.repeat(2_100_000), 'paste-too-large'],
  ['a task row before any duty', text([ROWS[1] ?? '']), 'paste-orphan-row'],
  [
    'text without a code in a cell',
    text([(ROWS[0] ?? '').replace('O1.1.1 ', '')]),
    'paste-text-without-code',
  ],
  [
    'an indicator code in the output column',
    text([(ROWS[0] ?? '').replace('O1.1.1', 'P1.1.9')]),
    'paste-code-misplaced',
  ],
  [
    'a task with no indicator',
    text([(ROWS[0] ?? '').replace(/P1\.1\.1 .*?\t3/, '\t3').replace('\t\t3', '\t\t3')]),
    'paste-task-without-indicators',
  ],
  [
    'a footnote mark with no footnote',
    text([(ROWS[0] ?? '').replace('寫單元測試', '寫單元測試 ^{【註3】} ')]),
    'paste-footnote-missing',
  ],
  [
    'a matrix row with too many cells',
    text(ROWS, { attitudes: [...ATTITUDES, '\tT1.1\tT1.2', 'A01 細心\t√\t√\t√', ''] }),
    'paste-bad-matrix-row',
  ],
  [
    'no work description',
    text(ROWS, { header: HEADER.filter((l) => !l.startsWith('工作描述')) }),
    'paste-missing-field',
  ],
  [
    'no classification',
    text(ROWS, { header: HEADER.filter((l) => !l.includes('行業別')) }),
    'paste-missing-field',
  ],
  ['a row with more cells than columns', text([`${ROWS[0] ?? ''}\textra\tcells`]), 'paste-bad-row'],
  [
    'two footnotes with one number',
    text(ROWS, { notes: [...NOTES, '- 其他補充說明：', '- 【註1】甲', '- 【註1】乙'] }),
    'paste-duplicate-code',
  ],
]

describe('broken pastes are refused with problems that name a line', () => {
  it.each(BROKEN)('%s', (_name, input, code) => {
    const r = parsePastedStandard(input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems.map((p) => p.code)).toContain(code)
    expect(r.problems.filter((p) => !(Number.isInteger(p.line) && p.line >= 1))).toEqual([])
  })

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      '\u0000',
      '主要職責\t工作任務',
      '\t'.repeat(1000),
      '】【註',
      '^{【註1】}'.repeat(100),
    ]
    for (let seed = 1; seed < 200; seed++) {
      const base = text()
      const cut = (seed * 7919) % base.length
      inputs.push(base.slice(0, cut), base.slice(cut), base.replace(/\t/g, seed % 2 ? '' : '\t\t'))
    }
    for (const input of inputs) expect(() => parsePastedStandard(input as string)).not.toThrow()
  })
})

describe('what format version 2 holds', () => {
  const withIndustry = (...lines: string[]) =>
    HEADER.flatMap((l) => (l.includes('行業別') ? lines : [l]))
  const industries = (header: string[]) =>
    ok(parsePastedStandard(text(ROWS, { header }))).standard.industries

  it('several industries: separated by 、, on repeated 行業別 rows, or on a merged cell’s rows', () => {
    const two = [
      { name: '資訊業', code: 'J62' },
      { name: '住宿及餐飲業 / 住宿業', code: 'I55' },
    ]
    expect(
      industries(withIndustry('\t行業別\t資訊業、住宿及餐飲業 / 住宿業\t行業別代碼\tJ62、I55\t')),
    ).toEqual(two)
    expect(
      industries(
        withIndustry(
          '\t行業別\t資訊業\t行業別代碼\tJ62\t',
          '\t行業別\t住宿及餐飲業 / 住宿業\t行業別代碼\tI55\t',
        ),
      ),
    ).toEqual(two)
    expect(
      industries(
        withIndustry('\t行業別\t資訊業\t行業別代碼\tJ62\t', '\t\t住宿及餐飲業 / 住宿業\t\tI55\t'),
      ),
    ).toEqual(two)
    // A cell's line break copied as a new line: the rest of each cell opens the next line.
    expect(
      industries(
        withIndustry('\t行業別\t資訊業', '住宿及餐飲業 / 住宿業\t行業別代碼\tJ62', 'I55\t'),
      ),
    ).toEqual(two)
  })

  it('several industries in one cell split at spaces only where each reads 大類 / 細類', () => {
    expect(
      industries(
        withIndustry('\t行業別\t資訊業 / 軟體業 住宿及餐飲業 / 住宿業\t行業別代碼\tJ62 I55\t'),
      ),
    ).toEqual([
      { name: '資訊業 / 軟體業', code: 'J62' },
      { name: '住宿及餐飲業 / 住宿業', code: 'I55' },
    ])
    // One code takes the whole name, whatever it holds.
    expect(industries(withIndustry('\t行業別\t農、林、漁、牧業\t行業別代碼\tA01\t'))).toEqual([
      { name: '農、林、漁、牧業', code: 'A01' },
    ])
  })

  it('names and codes that cannot be paired are refused on the 行業別 line', () => {
    const header = withIndustry('\t行業別\t資訊業\t行業別代碼\tJ62、I55\t')
    const r = parsePastedStandard(text(ROWS, { header }))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems).toContainEqual({
      code: 'paste-industries-unpaired',
      params: { names: 1, codes: 2 },
      line: 8,
    })
  })

  it('a version row without a date or a note keeps the row without them', () => {
    const header = [
      ...HEADER.slice(0, 2),
      '版本\t職能基準代碼\t職能基準名稱\t狀態\t更新說明\t發展更新日期',
      'V2\tTST1234-001v2\t測試人員\t最新版本\t略\t',
      'V1\tTST1234-001v1\t測試人員\t歷史版本\t\t2020/1/5',
      'V0\tTST1234-001\t測試人員\t歷史版本',
      'V00\tTST1234-000\t測試人員\t歷史版本\t2010/2/3',
      '',
      ...HEADER.slice(2),
    ]
    const r = ok(parsePastedStandard(text(ROWS, { header })))
    expect(r.standard.versions).toEqual([
      { version: 'V2', code: 'TST1234-001v2', title: '測試人員', status: '最新版本', note: '略' },
      {
        version: 'V1',
        code: 'TST1234-001v1',
        title: '測試人員',
        status: '歷史版本',
        date: '2020-01-05',
      },
      { version: 'V0', code: 'TST1234-001', title: '測試人員', status: '歷史版本' },
      // The empty note cell was lost in the copy: the date stays a date.
      {
        version: 'V00',
        code: 'TST1234-000',
        title: '測試人員',
        status: '歷史版本',
        date: '2010-02-03',
      },
    ])
  })

  it('a version table with spaces where tabs were, and a date of the Republic', () => {
    const header = [
      ...HEADER.slice(0, 2),
      '版本\t職能基準代碼\t職能基準名稱\t狀態\t更新說明\t發展更新日期',
      'V1 TST1234-001v1 測試人員 最新版本 已被《X》取代 113/12/15',
      '',
      ...HEADER.slice(2),
    ]
    const r = ok(parsePastedStandard(text(ROWS, { header })))
    expect(r.standard.versions).toEqual([
      {
        version: 'V1',
        code: 'TST1234-001v1',
        title: '測試人員',
        status: '最新版本',
        note: '已被《X》取代',
        date: '2024-12-15',
      },
    ])
  })

  const NOTE = (n: number, body: string) => [...NOTES, '- 其他補充說明：', `- 【註${n}】${body}`]

  it('a footnote mark on an output hangs there', () => {
    const rows = [
      (ROWS[0] ?? '').replace('O1.1.1 測試報告', 'O1.1.1 測試報告 ^{【註1】}'),
      ROWS[1] ?? '',
    ]
    const r = ok(parsePastedStandard(text(rows, { notes: NOTE(1, '報告：格式。') })))
    expect(tasks(r)[0]?.outputs).toEqual([
      { code: 'O1.1.1', text: '測試報告', footnotes: [{ n: 1 }] },
    ])
    expect(r.judgements.find((j) => j.kind === 'footnote-marks')?.note?.where).toBe('Outputs')
  })

  it('a footnote mark in a task title and in a duty title hangs on the title', () => {
    const rows = [
      (ROWS[0] ?? '')
        .replace('T1 測試', 'T1 測試 ^{【註2】}')
        .replace('T1.1 寫測 試', 'T1.1 寫單元測試 ^{【註1】} 文件'),
      ROWS[1] ?? '',
    ]
    const notes = [...NOTE(1, '單元測試：函式。'), '- 【註2】測試：軟體測試。']
    const r = ok(parsePastedStandard(text(rows, { notes })))
    expect(r.standard.duties[0]).toMatchObject({ title: '測試', titleFootnotes: [{ n: 2 }] })
    expect(tasks(r)[0]).toMatchObject({
      title: '寫單元測試文件',
      titleFootnotes: [{ n: 1, after: '單元測試' }],
    })
    expect(r.judgements.find((j) => j.kind === 'footnote-marks')?.note?.where).toBe(
      'Duty titles, Task titles',
    )
  })

  it('a footnote mark in an attitude hangs in its description', () => {
    const attitudes = [...ATTITUDES.slice(0, 3), 'A01 細心：注意細節 ^{【註1】} 。', '']
    const r = ok(parsePastedStandard(text(ROWS, { attitudes, notes: NOTE(1, '細節：小處。') })))
    expect(r.standard.attitudes[0]).toEqual({
      code: 'A01',
      name: '細心',
      description: '注意細節。',
      footnotes: [{ n: 1, after: '細節' }],
    })
  })

  it('a footnote mark in the work description hangs there', () => {
    const header = HEADER.map((l) =>
      l.startsWith('工作描述') ? '工作描述\t\t測試軟體 ^{【註1】} ，記錄結果。\t\t\t' : l,
    )
    const r = ok(parsePastedStandard(text(ROWS, { header, notes: NOTE(1, '軟體：程式。') })))
    expect(r.standard.description).toBe('測試軟體，記錄結果。')
    // Anchored on the footnote's own term, as on an indicator.
    expect(r.standard.descriptionFootnotes).toEqual([{ n: 1, after: '軟體' }])
    expect(r.judgements.find((j) => j.id === 'footnote-anchor:工作描述 1')?.line).toBe(9)
  })

  it('a supplementary note that explains an attitude is linked to it, by name or by code', () => {
    const attitudes = [
      ...ATTITUDES.slice(0, 3),
      'A01 細心：注意細節。',
      'A02 耐心：不急躁。',
      'A03 主動積極：不需他人指示。',
      '',
    ]
    const byName = [...NOTES, '- 其他補充說明：', '- 主動積極：遇到問題立即行動。']
    const r = ok(parsePastedStandard(text(ROWS, { attitudes, notes: byName })))
    expect(r.standard.notes.supplementary).toEqual([
      { text: '主動積極：遇到問題立即行動。', explains: ['A03'] },
    ])
    expect(r.judgements.find((j) => j.kind === 'notes-linked')?.note?.decision).toContain(
      'expands on an attitude',
    )
    const byCode = [...NOTES, '- 其他補充說明：', '- 自發：見 A03 與 K01。']
    const c = ok(parsePastedStandard(text(ROWS, { attitudes, notes: byCode })))
    expect(c.standard.notes.supplementary[0]?.explains).toEqual(['A03', 'K01'])
  })

  it('an output printed with the next task’s code takes its task’s own next code', () => {
    const rows = [
      (ROWS[0] ?? '').replace('O1.1.1 測試報告', 'O1.1.1 測試報告 O1.2.1 測試計畫'),
      ROWS[1] ?? '',
    ]
    const r = ok(parsePastedStandard(text(rows)))
    expect(tasks(r).map((t) => t.outputs.map((o) => o.code))).toEqual([
      ['O1.1.1', 'O1.1.2'],
      ['O1.2.1'],
    ])
    const fixed = r.judgements.find((j) => j.kind === 'code-fixed')
    expect(fixed).toMatchObject({ id: 'code-fixed:T1.1 O1.2.1', line: 13, value: 'O1.1.2' })
    expect(fixed?.note).toMatchObject({
      where: 'T1.1 / O1.1.2',
      source: 'T1.1 … O1.2.1 測試計畫',
      lang: 'en',
    })
    expect(fixed?.note?.decision).toContain('repeats the code of an output of task T1.2')
  })

  it('writes version 2: its editorial entries in English, a rewritten one in its own language', () => {
    const rows = [ROWS[0] ?? '', (ROWS[1] ?? '').replace('O1.2.1', 'O1.21')]
    const r = ok(parsePastedStandard(text(rows)))
    expect(r.standard.formatVersion).toBe(2)
    expect(r.standard.editorial.map((n) => n.lang)).toEqual(['en', 'en', 'en'])
    const zh = ok(
      parsePastedStandard(text(rows), {
        answers: { 'code-fixed:O1.21': { decision: '代碼 O1.21 應為 O1.2.1。' } },
      }),
    )
    expect(zh.standard.editorial.find((n) => n.where === 'T1.2 / O1.2.1')?.lang).toBe('zh-Hant-TW')
  })
})
