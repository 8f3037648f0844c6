/**
 * Converting one file of the catalogue: each kind of flaw the parser leaves, and the judgement
 * made for it (converted with a note, or left out with a reason). Files made by hand, in the
 * parser's shape.
 */
import { describe, expect, it } from 'vitest'
import { convertFile, MISSING_DESCRIPTION, type Conversion } from '@/domain/catalogue/convert'
import { MISSING_DUTY_TITLE } from '@/domain/catalogue/tasks'
import { NOT_IN_SOURCE } from '@/domain/catalogue/classify'
import { isTranscription } from '@/domain/catalogue/ids'
import { transcriptionFacts } from '@/domain/catalogue/notes'
import type { Standard } from '@/domain/standard/schema'

type Row = Record<string, unknown>

function row(task: string, overrides: Row = {}): Row {
  const duty = task.split('.')[0]
  return {
    main_responsibility: `${duty}規劃作業`,
    task_id: task,
    task_name: `任務${task}`,
    output: '計畫書',
    behaviors: [`執行${task}的第一項。`, `執行${task}的第二項。`],
    knowledge: ['K01'],
    skills: ['S01'],
    level: 3,
    ...overrides,
  }
}

function file(overrides: { metadata?: Row; basic_info?: Row; tasks?: Row[]; rest?: Row } = {}) {
  return {
    metadata: {
      code: 'TST1234-001v2',
      name: '測試人員',
      update_date: '2024/1/5',
      version: 'V2',
      status: '最新版本',
      source_file: 'C:\\raw\\測試人員.pdf',
      ...overrides.metadata,
    },
    basic_info: {
      category: '測試職類／測試',
      category_code: 'TST',
      occupation: '測試職業',
      occupation_code: '1234',
      industry: ['測試業／測試服務業'],
      industry_code: ['X99'],
      job_description: '測試用的工作描述。',
      level: 3,
      requirements: '• 大學以上畢業。 • 具1年以上經驗。',
      ...overrides.basic_info,
    },
    competency_tasks: overrides.tasks ?? [row('T1.1'), row('T1.2'), row('T2.1')],
    competency_knowledge: [{ code: 'K01', name: '測試知識', category: '知識' }],
    competency_skills: [{ code: 'S01', name: '測試技能', category: '技能' }],
    competency_attitudes: [{ code: 'A01', name: '主動積極', description: '自動自發。' }],
    chunks_for_rag: [],
    parse_success: true,
    parse_errors: [],
    ...overrides.rest,
  }
}

function convert(source: object, name = '測試人員-職能基準.json', shared: string[] = []) {
  return convertFile(JSON.stringify(source), { file: name, sharedCodes: new Set(shared) })
}

function ok(result: Conversion): Standard {
  if (!result.ok) throw new Error(`left out: ${JSON.stringify(result.reason)}`)
  return result.value.standard
}

const note = (s: Standard, where: string) => s.editorial.find((n) => n.where.includes(where))

describe('converting a file of the catalogue', () => {
  it('reads a plain file into a checked standard that says it is a transcription', () => {
    const s = ok(convert(file()))
    expect(s.id).toBe('TST1234-001v2.parsed')
    expect(s.code).toBe('TST1234-001v2')
    expect(isTranscription(s)).toBe(true)
    expect(s.duties.map((d) => [d.code, d.title, d.tasks.map((t) => t.code)])).toEqual([
      ['T1', '規劃作業', ['T1.1', 'T1.2']],
      ['T2', '規劃作業', ['T2.1']],
    ])
    // P and O codes in the published order; one level per task, on each indicator.
    expect(s.duties[0]!.tasks[1]!.indicators).toEqual([
      { code: 'P1.2.1', text: '執行T1.2的第一項。', level: 3 },
      { code: 'P1.2.2', text: '執行T1.2的第二項。', level: 3 },
    ])
    expect(s.duties[0]!.tasks[0]!.outputs).toEqual([{ code: 'O1.1.1', text: '計畫書' }])
    expect(s.notes.qualifications).toEqual(['大學以上畢業。', '具1年以上經驗。'])
    expect(s.versions).toEqual([
      {
        version: 'V2',
        code: 'TST1234-001v2',
        title: '測試人員',
        status: '最新版本',
        date: '2024-01-05',
      },
    ])
    expect(s.footnotes).toEqual([])
    expect(s.attitudes).toEqual([{ code: 'A01', name: '主動積極', description: '自動自發。' }])
    // The first note says what every transcription lacks, and where it comes from.
    expect(s.editorial[0]!.decision).toMatch(/not the published text/)
    expect(s.editorial[0]!.source).toContain('oneghostzhang/CompetencyWizard')
    expect(s.source.extraction).toContain('MIT')
  })

  it('splits outputs at 、 outside brackets and numbers them in order', () => {
    const s = ok(
      convert(
        file({ tasks: [row('T1.1', { output: '報告、圖面（如：外觀圖、機構圖）、 清單' })] }),
      ),
    )
    expect(s.duties[0]!.tasks[0]!.outputs.map((o) => [o.code, o.text])).toEqual([
      ['O1.1.1', '報告'],
      ['O1.1.2', '圖面（如：外觀圖、機構圖）'],
      ['O1.1.3', '清單'],
    ])
  })

  it('reads an empty level cell as the task above in the duty, or as the standard level', () => {
    const s = ok(
      convert(
        file({
          basic_info: { level: 4 },
          tasks: [
            row('T1.1', { level: 2 }),
            row('T1.2', { level: 0 }),
            row('T2.1', { level: 0 }),
            row('T2.2', { level: 34 }),
          ],
        }),
      ),
    )
    const levels = s.duties.flatMap((d) => d.tasks.map((t) => t.indicators[0]!.level))
    expect(levels).toEqual([2, 2, 4, 4])
    expect(note(s, 'T1.2')?.decision).toMatch(/task above/)
    expect(note(s, 'T2.1')?.decision).toMatch(/standard's level, 4/)
    // 34: indicators at 3 and 4 run together; which is which is not known, so all are at 4.
    expect(note(s, 'T2.2')?.decision).toMatch(/two levels/)
  })

  it('takes a duty title from its own rows, once, and says when the parser kept none', () => {
    const s = ok(
      convert(
        file({
          tasks: [
            row('T1.1', { main_responsibility: 'T1. 規劃作業' }),
            row('T2.1', { main_responsibility: 'T2執行T2執行' }),
            row('T3.1', { main_responsibility: 'T2執行T2執行' }),
          ],
        }),
      ),
    )
    expect(s.duties.map((d) => d.title)).toEqual(['規劃作業', '執行', MISSING_DUTY_TITLE])
    expect(note(s, 'T3')?.decision).toMatch(/kept no title for T3/)
  })

  it('leaves out a task without indicator text, with the K and S only it used', () => {
    const s = ok(
      convert(
        file({
          tasks: [
            row('T1.1'),
            row('T1.2'),
            row('T2.1', { behaviors: [], knowledge: ['K02'], skills: [] }),
          ],
          rest: {
            competency_knowledge: [
              { code: 'K01', name: '測試知識' },
              { code: 'K02', name: '只有 T2.1 用的知識' },
            ],
          },
        }),
      ),
    )
    expect(s.duties.map((d) => d.code)).toEqual(['T1'])
    expect(s.knowledge.map((k) => k.code)).toEqual(['K01'])
    expect(transcriptionFacts(s).tasksLeftOut).toEqual(['T2.1'])
    expect(note(s, 'K02')?.source).toContain('只有 T2.1 用的知識')
  })

  it('leaves a file out when most of its tasks have no indicator text, or it has none', () => {
    const empty = (t: string) => row(t, { behaviors: [] })
    expect(convert(file({ tasks: [row('T1.1'), empty('T1.2'), empty('T2.1')] }))).toEqual({
      ok: false,
      reason: { kind: 'tasks-without-indicators', without: 2, of: 3 },
    })
    expect(convert(file({ tasks: [] }))).toEqual({ ok: false, reason: { kind: 'no-tasks' } })
  })

  it('leaves a file out without a standard level', () => {
    expect(convert(file({ basic_info: { level: 0 } }))).toEqual({
      ok: false,
      reason: { kind: 'no-level' },
    })
  })

  it('keeps a row repeated once, but refuses two tasks under one code', () => {
    const copy = row('T1.2', { level: 0, knowledge: [], skills: [] })
    const s = ok(convert(file({ tasks: [row('T1.1'), row('T1.2'), copy] })))
    expect(s.duties[0]!.tasks.map((t) => [t.code, t.knowledge, t.indicators[0]!.level])).toEqual([
      ['T1.1', ['K01'], 3],
      ['T1.2', ['K01'], 3],
    ])
    const other = row('T1.2', { task_name: '另一個任務', behaviors: ['別的指標。'] })
    expect(convert(file({ tasks: [row('T1.1'), row('T1.2'), other] }))).toEqual({
      ok: false,
      reason: { kind: 'repeated-task', tasks: ['T1.2'] },
    })
  })

  it('reads a task code in full-width digits as the plain code', () => {
    const s = ok(convert(file({ tasks: [row('T1.1'), row('T1.２')] })))
    expect(s.duties[0]!.tasks.map((t) => t.code)).toEqual(['T1.1', 'T1.2'])
  })

  it('takes out references to K and S items the lists lack, and puts the lists in order', () => {
    const s = ok(
      convert(
        file({
          tasks: [row('T1.1', { knowledge: ['K02', 'K01', 'K09'], skills: ['S01', 'S01'] })],
          rest: {
            competency_knowledge: [
              { code: 'K02', name: '知識二' },
              { code: 'K01', name: '知識一' },
            ],
          },
        }),
      ),
    )
    const task = s.duties[0]!.tasks[0]!
    expect(task.knowledge).toEqual(['K02', 'K01'])
    expect(task.skills).toEqual(['S01'])
    expect(s.knowledge.map((k) => k.code)).toEqual(['K01', 'K02'])
    expect(note(s, 'T1.1')?.source).toContain('K09')
  })

  it('takes footnote marks and task references out of the text, and the PDF’s spaces', () => {
    const s = ok(
      convert(
        file({
          tasks: [
            row('T1.1', {
              behaviors: ['確認網站類型 【註1】。', '如何【註選擇各種格式8】。', '取得材料7】。'],
            }),
          ],
          rest: { competency_knowledge: [{ code: 'K01', name: '專利知識【T1.1】、【T1.5】' }] },
        }),
      ),
    )
    expect(s.duties[0]!.tasks[0]!.indicators.map((p) => p.text)).toEqual([
      '確認網站類型。',
      '如何選擇各種格式。',
      '取得材料。',
    ])
    expect(s.knowledge[0]!.text).toBe('專利知識')
    expect(s.editorial.map((n) => n.decision).join(' ')).toMatch(/Footnote marks/)
  })

  it('gives ids of its own to a file without a code and to files sharing one', () => {
    const none = ok(convert(file({ metadata: { code: '', version: '' } })))
    expect(none.code).toBeNull()
    expect(none.id).toMatch(/^parsed-[0-9a-f]{8}$/)
    expect(none.versions).toEqual([])
    const shared = ok(convert(file(), 'a.json', ['TST1234-001v2']))
    expect(shared.id).toMatch(/^TST1234-001v2\.parsed-[0-9a-f]{8}$/)
    // The same title gives the same id on every build.
    expect(ok(convert(file(), 'b.json', ['TST1234-001v2'])).id).toBe(shared.id)
  })

  it('marks a superseded file, whatever its status says', () => {
    const s = ok(
      convert(
        file({ metadata: { name: '《歷史資料》測試人員' } }),
        '《歷史資料》測試人員-職能基準.json',
      ),
    )
    expect(s.title).toBe('測試人員')
    expect(s.versions[0]!.status).toBe('歷史版本')
    expect(transcriptionFacts(s).historic).toBe(true)
  })

  it('says where the classification is not in the source rather than guess it', () => {
    const s = ok(
      convert(
        file({
          basic_info: {
            category_code: 'MPMINMISD',
            occupation: '',
            occupation_code: '',
            industry: [
              '本基準可能跨屬下列行業別：',
              '\uf09f 專業、科學及技術服務業／建築、工程服務及技術檢測、分析服務',
              '業',
            ],
            industry_code: ['M7111'],
            job_description: '',
          },
        }),
      ),
    )
    expect(s.field.code).toBe('MPM / INM / ISD')
    expect(s.occupation).toEqual({ name: NOT_IN_SOURCE, code: NOT_IN_SOURCE })
    expect(s.industries).toEqual([
      { name: '專業、科學及技術服務業／建築、工程服務及技術檢測、分析服務業', code: 'M7111' },
    ])
    expect(s.description).toBe(MISSING_DESCRIPTION)
    for (const where of ['職類別', '職業別', '行業別', '工作描述'])
      expect(note(s, where)).toBeDefined()
  })

  it('gives one industry entry where names and codes do not pair', () => {
    const s = ok(
      convert(
        file({
          basic_info: { industry: ['製造業／電力設備製造業'], industry_code: ['C2841', 'C2842'] },
        }),
      ),
    )
    expect(s.industries).toEqual([{ name: '製造業／電力設備製造業', code: 'C2841、C2842' }])
  })

  it('refuses a file that is not the parser’s JSON', () => {
    const result = convertFile('{"metadata": 3}', { file: 'x.json', sharedCodes: new Set() })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason.kind).toBe('unreadable')
  })
})
