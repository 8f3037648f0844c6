/**
 * The CSV template of a standard: every bundled standard comes back from its filled template
 * exactly, as the app writes it and as Excel saves it again; the blank template's examples read;
 * broken files are refused with a problem and the line, in both languages, never a throw.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseStandardFile } from '@/domain/standard/parse'
import { Standard } from '@/domain/standard/schema'
import { parseCsv } from '@/domain/io/csv'
import { readTemplate, type TemplateResult } from '@/domain/standard/import/template/read'
import { templateOf } from '@/domain/standard/import/template/write'
import { TEMPLATE_COLUMNS } from '@/domain/standard/import/template/format'
import { TEMPLATE_MAX_CELL, TEMPLATE_MAX_ROWS } from '@/domain/standard/import/template/rows'
import {
  TEMPLATE_PROBLEM_CODES,
  type TemplateProblem,
  type TemplateProblemCode,
  type TemplateProblemParams,
} from '@/domain/standard/import/template/problems'
import { shortHash } from '@/domain/standard/import/text'
import { blankTemplate } from '@/i18n/blank-template'
import { describeTemplateProblem } from '@/i18n/template-problems'
import { templateZhTW } from '@/i18n/messages/template.zh-TW'
import { templateEn } from '@/i18n/messages/template.en'

const dir = new URL('../../data/standards/', import.meta.url)
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

function load(file: string): Standard {
  const result = parseStandardFile(file, readFileSync(new URL(file, dir), 'utf8'))
  if (!result.ok) throw new Error(`${file} does not load`)
  return result.value
}

function ok(r: TemplateResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)))
  return r.standard
}
function problems(r: TemplateResult): TemplateProblem[] {
  if (r.ok) throw new Error('expected the template to be refused')
  return r.problems
}
const codesAndLines = (r: TemplateResult) => problems(r).map((p) => [p.code, p.line])

/** Cells back to CSV with another separator and line end, quoting as Excel does. */
function excelCsv(rows: string[][], sep: string, eol: string): string {
  const cell = (c: string) =>
    c.includes(sep) || c.includes('"') || /[\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c
  return rows.map((r) => r.map(cell).join(sep)).join(eol) + eol
}

describe('round trip of the bundled standards', () => {
  it('finds both seed standards', () => {
    expect(files.length).toBeGreaterThanOrEqual(2)
  })

  it.each(files)('%s: templateOf → readTemplate gives the same standard', (file) => {
    const standard = load(file)
    const csv = templateOf(standard)
    expect(csv.startsWith('\uFEFFkind,code,')).toBe(true)
    expect(csv.split('\r\n').length).toBeGreaterThan(50)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/)
    const back = ok(readTemplate(csv, { schemaRef: standard.$schema }))
    expect(back).toEqual(standard)
    expect(Standard.safeParse(back).success).toBe(true)
    // Without the editor hint, everything but `$schema`.
    const { $schema: _hint, ...content } = standard
    expect(ok(readTemplate(csv))).toEqual(content)
  })

  it.each(files)('%s: one row per indicator with its duty, task, outputs and level', (file) => {
    const standard = load(file)
    const rows = parseCsv(templateOf(standard))
    const header = rows[0]!
    const col = (name: string) => header.indexOf(name)
    const indicators = rows.filter((r) => r[col('kind')] === 'indicator')
    const all = standard.duties.flatMap((d) =>
      d.tasks.flatMap((t) => t.indicators.map((p) => ({ d, t, p }))),
    )
    expect(indicators.length).toBe(all.length)
    const { d, t, p } = all[0]!
    expect(indicators[0]![col('code')]).toBe(p.code)
    expect(indicators[0]![col('duty')]).toBe(d.code)
    expect(indicators[0]![col('task')]).toBe(t.code)
    expect(indicators[0]![col('outputs')]).toBe(t.outputs.map((o) => o.code).join(' '))
    expect(indicators[0]![col('level')]).toBe(String(p.level))
    const k = rows.find((r) => r[col('kind')] === 'knowledge')!
    expect(k[col('task')]).toMatch(/^T\d+\.\d+( T\d+\.\d+)*$/)
  })

  it.each(files)('%s: as Excel saves it again (no BOM, LF, `;`, trailing columns)', (file) => {
    const standard = load(file)
    const rows = parseCsv(templateOf(standard)).map((r) => [...r, '', ''])
    const back = ok(readTemplate(excelCsv(rows, ';', '\n'), { schemaRef: standard.$schema }))
    expect(back).toEqual(standard)
  })

  it.each(files)('%s: columns in another order, blank rows and comments between', (file) => {
    const standard = load(file)
    const rows = parseCsv(templateOf(standard))
    const order = rows[0]!.map((_, i) => i).reverse()
    const shuffled = rows.map((r) => order.map((i) => r[i] ?? ''))
    const withGaps = shuffled.flatMap((r, i) =>
      i % 10 === 5 ? [r, [], ['# a note of ours', 'x']] : [r],
    )
    // A header cell may carry words after its key.
    withGaps[0] = withGaps[0]!.map((h) => (h === 'kind' ? 'kind（種類）' : h))
    const back = ok(readTemplate(excelCsv(withGaps, ',', '\r\n'), { schemaRef: standard.$schema }))
    expect(back).toEqual(standard)
  })
})

describe('the blank template', () => {
  it.each(['zh-TW', 'en'] as const)('%s: header, column notes, and examples only', (lang) => {
    const csv = blankTemplate(lang)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual([...TEMPLATE_COLUMNS])
    expect(rows[1]![0]!.startsWith('#')).toBe(true)
    const words = lang === 'en' ? templateEn : templateZhTW
    expect(rows[1]![1]).toBe(words.columns.code)
    expect(csv).toContain(words.examples.indicator)
    expect(codesAndLines(readTemplate(csv))).toEqual([['template-no-rows', 1]])
  })

  it.each(['zh-TW', 'en'] as const)(
    '%s: its examples, their # taken off, are a standard without a code',
    (lang) => {
      const rows = parseCsv(blankTemplate(lang)).map((r, i) =>
        i > 2 ? [r[0]!.replace(/^#/, ''), ...r.slice(1)] : r,
      )
      const standard = ok(readTemplate(excelCsv(rows, ',', '\r\n')))
      const title = lang === 'en' ? templateEn.examples.title : templateZhTW.examples.title
      expect(standard.code).toBeNull()
      expect(standard.id).toBe(`TST4222-${shortHash(title)}`)
      expect(standard.editorial[0]!.where).toBe('id, code')
      expect(standard.duties[0]!.tasks[0]!.indicators[0]!.footnotes).toHaveLength(1)
      expect(standard.attitudes[0]!.tasks).toEqual(['T1.1'])
      // Written again, the derived id is kept, and the standard comes back the same.
      expect(ok(readTemplate(templateOf(standard)))).toEqual(standard)
    },
  )

  it('names the download in each language', () => {
    expect(templateZhTW.fileName).toMatch(/\.csv$/)
    expect(templateEn.fileName).toMatch(/\.csv$/)
  })
})

// A small company standard, one row a line: line n is ROWS[n - 1].
const ROWS: string[][] = [
  ['kind', 'code', 'duty', 'task', 'outputs', 'level', 'title', 'text', 'footnotes'],
  ['standard', '', '', '', '', '3', '測試人員', '測試軟體，記錄結果。', ''],
  ['field', 'TST', '', '', '', '', '測試 / 品質', '', ''],
  ['occupation', '1234', '', '', '', '', '測試員', '', ''],
  ['industry', 'J62', '', '', '', '', '資訊業', '', ''],
  ['duty', 'T1', '', '', '', '', '測試', '', ''],
  ['task', 'T1.1', 'T1', '', '', '', '寫測試', '', ''],
  ['output', 'O1.1.1', 'T1', 'T1.1', '', '', '', '測試報告', ''],
  ['indicator', 'P1.1.1', 'T1', 'T1.1', 'O1.1.1', '3', '', '依規範寫單元測試。', '1: 規範'],
  ['knowledge', 'K01', '', 'T1.1', '', '', '', '測試理論', ''],
  ['skill', 'S01', '', 'T1.1', '', '', '', '程式能力', ''],
  ['attitude', 'A01', '', '', '', '', '細心', '注意細節。', ''],
  ['footnote', '1', '', '', '', '', '', '規範：團隊的測試規範。', ''],
]
const csv = (rows: string[][] = ROWS) => excelCsv(rows, ',', '\r\n')
/** ROWS with line `line` replaced (cells by column name) or rows added at the end. */
function edit(changes: Record<number, Record<string, string>>, extra: string[][] = []): string {
  const header = ROWS[0]!
  const rows = ROWS.map((row, i) => {
    const change = changes[i + 1]
    if (!change) return row
    return row.map((cell, c) => change[header[c]!] ?? cell)
  })
  return csv([...rows, ...extra])
}

describe('a company standard', () => {
  it('reads, with an id from its field, occupation and title', () => {
    const r = readTemplate(csv(), { sourceName: 'tests.csv' })
    const s = ok(r)
    expect(r.ok && r.judgements).toEqual([])
    expect(s.id).toBe(`TST1234-${shortHash('測試人員')}`)
    expect(ok(readTemplate(csv())).id).toBe(s.id)
    expect(s.source).toEqual({ document: '測試人員', extraction: 'tests.csv' })
    expect(s.duties[0]!.tasks[0]).toEqual({
      code: 'T1.1',
      title: '寫測試',
      outputs: [{ code: 'O1.1.1', text: '測試報告' }],
      indicators: [
        {
          code: 'P1.1.1',
          text: '依規範寫單元測試。',
          level: 3,
          footnotes: [{ n: 1, after: '規範' }],
        },
      ],
      knowledge: ['K01'],
      skills: ['S01'],
    })
    expect(s.attitudes[0]).toEqual({ code: 'A01', name: '細心', description: '注意細節。' })
    expect(Standard.safeParse(s).success).toBe(true)
  })

  it('takes Excel habits: full-width and lower-case codes, 3.0 levels, 2024/1/5 dates, aliases', () => {
    const s = ok(
      readTemplate(
        edit({ 9: { code: 'ｐ1.1.1', level: '3.0' }, 10: { kind: '知識', task: 't1.1' } }, [
          ['version', 'TST1234-001v1', '', '', '', '', '測試人員', '', ''],
        ])
          .replace(
            'kind,code,duty,task,outputs,level,title,text,footnotes',
            'kind,code,duty,task,outputs,level,title,text,footnotes,version,status,date',
          )
          .replace('測試人員,,\r\n', '測試人員,,,V1,最新版本,2024/1/5\r\n'),
      ),
    )
    expect(s.duties[0]!.tasks[0]!.indicators[0]!.code).toBe('P1.1.1')
    expect(s.knowledge).toEqual([{ code: 'K01', text: '測試理論' }])
    expect(s.versions).toEqual([
      {
        version: 'V1',
        code: 'TST1234-001v1',
        title: '測試人員',
        status: '最新版本',
        date: '2024-01-05',
      },
    ])
  })
})

describe('every part of a standard comes back', () => {
  it('optional lists empty or absent, marks everywhere, awkward text', () => {
    const base = ok(readTemplate(csv()))
    const duty = base.duties[0]!
    const task = duty.tasks[0]!
    const rich = Standard.parse({
      ...base,
      code: 'TST1234-001v1',
      id: 'TST1234-001v1',
      descriptionFootnotes: [{ n: 2, after: '記錄結果' }],
      industries: [...base.industries, { name: '專業服務業', code: 'M70' }],
      duties: [
        {
          ...duty,
          titleFootnotes: [],
          tasks: [
            {
              ...task,
              titleFootnotes: [{ n: 2 }],
              outputs: [
                { code: 'O1.1.1', text: '測試報告, "草稿"\n第二行', footnotes: [{ n: 1 }] },
              ],
              indicators: [
                ...task.indicators,
                { code: 'P1.1.2', text: '- 以清單寫測試 =SUM(A1); 完成', level: 4 },
              ],
            },
          ],
        },
      ],
      knowledge: [{ code: 'K01', text: '測試理論', footnotes: [] }],
      attitudes: [
        { ...base.attitudes[0]!, tasks: [], footnotes: [{ n: 2, after: '細節' }] },
        { code: 'A02', name: '耐心', description: '+ 不放棄', tasks: ['T1.1'] },
      ],
      footnotes: [...base.footnotes, { n: 2, text: '第二個註 | 有直線' }],
      notes: {
        general: ['說明一', '@說明二'],
        qualifications: ['條件'],
        supplementary: [
          { text: '補充', explains: [] },
          { text: '補充二', explains: ['K01', 'A01'] },
          { text: '補充三' },
        ],
      },
      versions: [
        { version: 'V1', code: 'TST1234-001v1', title: '測試人員', status: '最新版本' },
        {
          version: 'V0',
          code: 'TST1234-001',
          title: '測試',
          status: '歷史版本',
          note: '已被取代',
          date: '2020-01-31',
        },
      ],
      editorial: [{ where: 'P1.1.2', source: '', decision: '保留原文', lang: 'zh-Hant-TW' }],
    })
    const text = templateOf(rich)
    expect(ok(readTemplate(text))).toEqual(rich)
    const rows = parseCsv(text).map((r) => [...r])
    expect(ok(readTemplate(excelCsv(rows, ';', '\n')))).toEqual(rich)
    expect(ok(readTemplate(`sep=;\n${excelCsv(rows, ';', '\n')}`))).toEqual(rich)
    expect(ok(readTemplate(excelCsv(rows, '\t', '\r\n')))).toEqual(rich)
  })

  it('reads an English standard with accented words (not taken for mojibake)', () => {
    const rows = ROWS.map((r) =>
      r.map((c) =>
        c
          .replace('測試人員', 'Pâtissier')
          .replace('測試軟體，記錄結果。', 'Makes crème brûlée and pâte à choux.')
          .replace('寫測試', 'Crème anglaise')
          .replace(/[\u3400-\u9fff，。：／]+/g, 'word'),
      ),
    )
    const s = ok(readTemplate(csv(rows)))
    expect(s.title).toBe('Pâtissier')
    expect(s.duties[0]!.tasks[0]!.title).toBe('Crème anglaise')
  })
})

describe('broken templates: each problem with its line', () => {
  const cases: [string, string, TemplateProblemCode, number][] = [
    ['an empty file', '', 'template-empty', 1],
    ['a BOM and blank lines', '\uFEFF \r\n\r\n', 'template-empty', 1],
    ['a header only', csv(ROWS.slice(0, 1)), 'template-no-rows', 1],
    ['no header', 'standard,TST\r\nfield,x\r\n', 'template-no-header', 1],
    ['a header without level', edit({ 1: { level: 'lvl' } }), 'template-unknown-column', 1],
    [
      'an unknown kind',
      edit({}, [['widget', 'W1', '', '', '', '', '', '', '']]),
      'template-unknown-kind',
      14,
    ],
    ['a bad level', edit({ 9: { level: '9' } }), 'template-bad-level', 9],
    ['a bad standard level', edit({ 2: { level: '七' } }), 'template-bad-level', 2],
    ['a bad code', edit({ 9: { code: 'P1.1' } }), 'template-bad-code', 9],
    [
      'a duplicate code',
      edit({}, [['indicator', 'P1.1.1', 'T1', 'T1.1', '', '3', '', '再一次。', '']]),
      'template-duplicate-code',
      14,
    ],
    ['an indicator of a missing task', edit({ 9: { task: 'T1.2' } }), 'template-unknown-task', 9],
    [
      'an indicator of a missing duty',
      edit({ 9: { duty: 'T9', task: 'T9.1' } }),
      'template-unknown-duty',
      9,
    ],
    ['an indicator without a task', edit({ 9: { task: '' } }), 'template-missing-value', 9],
    [
      'a K item of an unknown task',
      edit({ 10: { task: 'T1.1 T3.1' } }),
      'template-unknown-task',
      10,
    ],
    ['an attitude of a bad task code', edit({ 12: { task: 'X1' } }), 'template-bad-code', 12],
    ['a task outside its duty', edit({ 7: { duty: 'T2' } }), 'template-task-outside-duty', 7],
    [
      'a task without indicators',
      edit({}, [['task', 'T1.2', 'T1', '', '', '', '跑測試', '', '']]),
      'template-task-without-indicators',
      14,
    ],
    [
      'a duty without tasks',
      edit({}, [['duty', 'T2', '', '', '', '', '發布', '', '']]),
      'template-duty-without-tasks',
      14,
    ],
    ['an unknown output', edit({ 9: { outputs: 'O1.1.1 O1.1.2' } }), 'template-unknown-output', 9],
    ['no industry row', csv(ROWS.filter((_, i) => i !== 4)), 'template-missing-row', 1],
    ['two standard rows', csv([...ROWS, ROWS[1]!]), 'template-repeated-row', 14],
    ['a K item without its tasks', edit({ 10: { task: '' } }), 'template-missing-value', 10],
    [
      'a mark of no footnote',
      edit({ 9: { footnotes: '1: 規範\n2' } }),
      'template-unknown-footnote',
      9,
    ],
    [
      'a mark that does not read',
      edit({ 9: { footnotes: 'see below' } }),
      'template-bad-footnote-mark',
      9,
    ],
    ['an indicator without words', edit({ 9: { text: '  ' } }), 'template-missing-value', 9],
    [
      'text beyond the header',
      edit({}, [['note', '', '', '', '', '', '', '說明', '', 'extra']]),
      'template-extra-cells',
      14,
    ],
    ['a replacement character', csv().replace('寫測試', '寫\ufffd試'), 'template-not-utf8', 7],
    ['a control character', csv().replace('寫測試', '寫\u0001試'), 'template-not-text', 7],
    ['a quote never closed', csv().replace('測試報告', '"測試報告'), 'template-unclosed-quote', 8],
    [
      'a footnote anchor not in the text (the schema)',
      edit({ 9: { footnotes: '1: 不在文中' } }),
      'template-invalid',
      9,
    ],
  ]

  it.each(cases)('%s', (_name, text, code, line) => {
    const found = problems(readTemplate(text))
    expect(found[0]).toMatchObject({ code, line })
  })

  it('has at least a dozen cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12)
  })

  it('words a bad level as the issue asks, naming the line and the indicator', () => {
    const [p] = problems(readTemplate(edit({ 9: { level: '9' } })))
    expect(describeTemplateProblem(p!, 'zh-TW')).toBe(
      '第 9 行：行為指標 P1.1.1 的職能級別「9」不在 1 到 6 之間。',
    )
    expect(describeTemplateProblem(p!, 'en')).toBe(
      'Line 9: the competency level “9” of indicator P1.1.1 is not between 1 and 6.',
    )
  })

  it('reports every problem of a file at once, in line order', () => {
    const found = problems(
      readTemplate(edit({ 9: { level: '0' }, 7: { title: '' }, 12: { task: 'T5.5' } })),
    )
    expect(found.map((p) => [p.code, p.line])).toEqual([
      ['template-missing-value', 7],
      ['template-bad-level', 9],
      ['template-unknown-task', 12],
    ])
  })

  it('says when a row has no kind, and reads a header cell only by its whole key', () => {
    const [p] = problems(readTemplate(edit({}, [['', 'K02', '', 'T1.1', '', '', '', '工具', '']])))
    expect(p).toMatchObject({ code: 'template-unknown-kind', line: 14 })
    expect(describeTemplateProblem(p!, 'zh-TW')).toBe(
      '第 14 行：這一列有內容，卻沒有填種類（kind 欄）。',
    )
    expect(problems(readTemplate(edit({ 1: { text: 'text2' } })))[0]).toMatchObject({
      code: 'template-unknown-column',
      params: { column: 'text2' },
    })
  })

  it('refuses a missing required column by name', () => {
    const rows = ROWS.map((r) => r.filter((_, i) => i !== 5))
    expect(problems(readTemplate(csv(rows)))).toEqual([
      { code: 'template-missing-column', params: { column: 'level' }, line: 1 },
    ])
  })

  it('says to save as CSV UTF-8 when the file was read in another encoding', () => {
    const latin1 = Buffer.from(csv(), 'utf8').toString('latin1')
    const [p] = problems(readTemplate(latin1))
    expect(p!.code).toBe('template-not-utf8')
    expect(describeTemplateProblem(p!, 'zh-TW')).toContain('CSV UTF-8')
    const utf16 = Buffer.from(csv(), 'utf16le').toString('utf8')
    expect(problems(readTemplate(utf16))[0]!.code).toBe('template-not-utf8')
  })
})

describe('hostile input', () => {
  it('refuses a 5 MB string at once', () => {
    const started = performance.now()
    const found = problems(readTemplate('a,'.repeat(2_500_000)))
    expect(found).toEqual([
      {
        code: 'template-too-large',
        params: { limit: 2_000_000, length: 5_000_000 },
        line: 1,
      },
    ])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses too many rows and too long a cell', () => {
    const many = csv([
      ...ROWS,
      ...Array.from({ length: TEMPLATE_MAX_ROWS }, () => ['note', '', '', '', '', '', '', 'x', '']),
    ])
    expect(problems(readTemplate(many))[0]!.code).toBe('template-too-many-rows')
    const long = edit({ 9: { text: 'x'.repeat(TEMPLATE_MAX_CELL + 1) } })
    expect(problems(readTemplate(long))[0]).toMatchObject({
      code: 'template-cell-too-long',
      line: 9,
    })
  })

  it('keeps a formula-like cell as text, and writes it back guarded', () => {
    const formula = "=cmd|' /C calc'!A0"
    const rows = ROWS.filter((r) => r[0] !== 'footnote').map((r) =>
      r[1] === 'P1.1.1' ? [...r.slice(0, 7), formula, ''] : r,
    )
    const s = ok(readTemplate(csv(rows)))
    expect(s.duties[0]!.tasks[0]!.indicators[0]!.text).toBe(formula)
    const written = templateOf(s)
    expect(written).toContain(`,'${formula},`)
    expect(ok(readTemplate(written))).toEqual(s)
  })

  it('never throws, on any cut of a template or on what is not a string', () => {
    const text = templateOf(load(files[0]!))
    for (let end = 0; end < text.length; end += 331) {
      const r = readTemplate(text.slice(0, end))
      expect(typeof r.ok).toBe('boolean')
    }
    expect(problems(readTemplate(null as unknown as string))[0]!.code).toBe('template-empty')
  })
})

describe('wording', () => {
  const samples: { [C in TemplateProblemCode]: TemplateProblemParams[C] } = {
    'template-empty': {},
    'template-too-large': { limit: 2_000_000, length: 5_000_000 },
    'template-too-many-rows': { limit: 20_000, rows: 20_001 },
    'template-cell-too-long': { limit: 50_000, length: 50_001 },
    'template-not-text': {},
    'template-not-utf8': {},
    'template-unclosed-quote': {},
    'template-no-header': {},
    'template-missing-column': { column: 'level' },
    'template-unknown-column': { column: 'levle' },
    'template-duplicate-column': { column: 'code' },
    'template-extra-cells': { column: 'Q' },
    'template-no-rows': {},
    'template-unknown-kind': { kind: 'widget' },
    'template-missing-row': { kind: 'industry' },
    'template-repeated-row': { kind: 'standard', first: 2 },
    'template-missing-value': { kind: 'duty', code: 'T1', column: 'title' },
    'template-bad-level': { kind: 'indicator', code: 'P1.2.3', value: '9' },
    'template-bad-code': { kind: 'task', value: 'T1-1' },
    'template-duplicate-code': { code: 'K01', first: 20 },
    'template-unknown-duty': { kind: 'task', code: 'T9.1', duty: 'T9' },
    'template-unknown-task': { kind: 'knowledge', code: 'K01', task: 'T3.1' },
    'template-unknown-output': { code: 'P1.1.1', task: 'T1.1', output: 'O1.1.9' },
    'template-task-outside-duty': { task: 'T1.2', duty: 'T2' },
    'template-duty-without-tasks': { duty: 'T2' },
    'template-task-without-indicators': { task: 'T1.2' },
    'template-unknown-item': { item: 'K99' },
    'template-bad-footnote-mark': { value: 'see below' },
    'template-unknown-footnote': { n: 2 },
    'template-bad-date': { value: '2024-13-01' },
    'template-bad-lang': { value: 'chinese!' },
    'template-invalid': { path: 'footnotes.0', message: 'footnote-unused: 1' },
    'template-unreadable': { message: 'boom' },
  }

  it('lists every problem code once', () => {
    expect(new Set(TEMPLATE_PROBLEM_CODES).size).toBe(TEMPLATE_PROBLEM_CODES.length)
    expect([...TEMPLATE_PROBLEM_CODES].sort()).toEqual(Object.keys(samples).sort())
  })

  it.each([...TEMPLATE_PROBLEM_CODES])(
    '%s has zh-TW and en wording, every placeholder filled',
    (code) => {
      expect(templateZhTW.problems[code]).toMatch(/\S/)
      expect(templateEn.problems[code]).toMatch(/\S/)
      expect(templateEn.problems[code]).not.toBe(templateZhTW.problems[code])
      const problem = { code, params: samples[code], line: 12 } as TemplateProblem
      const zh = describeTemplateProblem(problem, 'zh-TW')
      const en = describeTemplateProblem(problem, 'en')
      expect(zh.startsWith('第 12 行：')).toBe(true)
      expect(en.startsWith('Line 12: ')).toBe(true)
      for (const text of [zh, en]) {
        expect(text).not.toMatch(/\{\w+\}/)
        expect(text).not.toMatch(/template\.\w/)
      }
    },
  )

  it('documents every column in both languages', () => {
    for (const column of TEMPLATE_COLUMNS) {
      expect(templateZhTW.columns[column]).toMatch(/\S/)
      expect(templateEn.columns[column]).toMatch(/\S/)
    }
  })
})
