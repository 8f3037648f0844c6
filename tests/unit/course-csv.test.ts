/**
 * The trainer's course list: a good file in the many shapes Excel saves, the template read back,
 * and a hostile corpus (bad codes, formulas, 50,000 rows, broken quoting, binary, a row too
 * long) each refused with its line-numbered problems, or read with formula-like names kept as
 * inert text.
 */
import { describe, expect, it } from 'vitest'
import { readCourseCsv } from '@/domain/training/course-csv'
import { courseTemplateOf } from '@/domain/training/course-template'
import { CourseListSchema } from '@/domain/training/courses'
import type { CourseProblem } from '@/domain/training/course-problems'
import { planCsv } from '@/domain/training/csv'
import { trainingPlan } from '@/domain/training/plan'
import { buildCohort } from '@/domain/cohort/cohort'
import { getScale } from '@/domain/assessment/scales'
import { parseCsv } from '@/domain/io/csv'
import { cohortStandard, fiveFiles } from '../fixtures/cohort/five'
import { courseTemplateZhTW } from '@/i18n/course-template'

const standard = cohortStandard()
const HEADER = 'course,hours,kind,provider,cost,items,schedule'

function refused(text: string): CourseProblem[] {
  const read = readCourseCsv(text, standard)
  if (read.ok) throw new Error('the file was read')
  return read.problems
}
const codes = (problems: readonly CourseProblem[]) => problems.map((p) => [p.code, p.line])

describe('a course list', () => {
  it('reads what Excel saves: BOM, CRLF, Chinese headers, quotes, units, 70-20-10 words', () => {
    const text = [
      '\uFEFF課程名稱,時數,辦理方式,辦理單位,費用,對應職能項目,預定時間',
      '"溝通, 協調與簡報",6 小時,課程與自學,內訓,"NT$ 12,000",K01、S02,2027 Q1',
      '"帶人的""眉角""",1.5,20,主管,,S01 S02,',
      '# 範例：這一行不讀',
      '現場實作,12,70,,3000 元,"P1.1.1,',
      'P1.1.2",3 月',
      '',
    ].join('\r\n')
    const read = readCourseCsv(text, standard)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.courses).toEqual([
      {
        id: 'c1',
        name: '溝通, 協調與簡報',
        hours: 6,
        kind: 'course',
        provider: '內訓',
        cost: 12000,
        items: ['K01', 'S02'],
        schedule: '2027 Q1',
      },
      {
        id: 'c2',
        name: '帶人的"眉角"',
        hours: 1.5,
        kind: 'coaching',
        provider: '主管',
        cost: null,
        items: ['S01', 'S02'],
        schedule: '',
      },
      {
        id: 'c3',
        name: '現場實作',
        hours: 12,
        kind: 'practice',
        provider: '',
        cost: 3000,
        items: ['P1.1.1', 'P1.1.2'],
        schedule: '3 月',
      },
    ])
    expect(
      CourseListSchema.safeParse({
        standardId: standard.id,
        fileName: 'c.csv',
        loadedAt: '2026-12-01T00:00:00.000Z',
        courses: read.courses,
      }).success,
    ).toBe(true)
  })

  it('reads its own template once the examples’ # is taken off', () => {
    const template = courseTemplateOf(standard, courseTemplateZhTW)
    expect(codes(refused(template))).toEqual([['course-no-rows', 1]])
    const rows = parseCsv(template)
    expect(rows[0]).toEqual([
      'course 課程名稱',
      'hours 時數',
      'kind 類型',
      'provider 辦理單位',
      'cost 費用',
      'items 對應職能項目',
      'schedule 預定時間',
    ])
    const read = readCourseCsv(template.replace(/\r\n#(?! )/g, '\r\n'), standard)
    expect(read.ok && read.courses.map((c) => [c.kind, c.items.length > 0])).toEqual([
      ['course', true],
      ['coaching', true],
      ['practice', true],
    ])
  })
})

describe('a hostile course list', () => {
  it('names every bad row by its line: unknown and malformed codes, formulas in numbers', () => {
    const problems = refused(
      [
        HEADER,
        '好課,6,course,,,K01,',
        '未知代碼,6,course,,,K99 S01,',
        '公式代碼,6,course,,,=K01+1,',
        '公式時數,=6,course,,,K01,',
        '公式費用,6,course,,@SUM(1),K01,',
        '錯的類型,6,lecture,,,K01,',
        '零時數,0,course,,,K01,',
        ',6,course,,,K01,',
        '好課,3,course,,,S01,',
      ].join('\n'),
    )
    expect(codes(problems)).toEqual([
      ['course-unknown-item', 3],
      ['course-bad-item', 4],
      ['course-bad-hours', 5],
      ['course-bad-cost', 6],
      ['course-bad-kind', 7],
      ['course-bad-hours', 8],
      ['course-missing-value', 9],
      ['course-duplicate-name', 10],
    ])
    expect(problems[0]).toMatchObject({
      params: { code: 'K99', course: '未知代碼', standard: standard.id },
    })
    expect(problems[7]).toMatchObject({ params: { course: '好課', first: 2 } })
  })

  it('keeps a formula-like name as text, and writes it back inert', () => {
    const read = readCourseCsv(
      `${HEADER}\n"=HYPERLINK(""http://x"",""點我"")",6,course,,,S02,\n'+1 課程,2,course,,,K01,`,
      standard,
    )
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.courses.map((c) => c.name)).toEqual(['=HYPERLINK("http://x","點我")', '+1 課程'])
    const cohort = buildCohort(standard, getScale('proficiency-5'), fiveFiles())
    const csv = planCsv(trainingPlan(cohort, read.courses), {
      header: [
        'course',
        'items',
        'audience',
        'people',
        'hours',
        'kind',
        'schedule',
        'provider',
        'cost',
        'person_hours',
      ],
      kinds: { practice: 'p', coaching: 'c', course: 'k' },
      audience: () => '',
    })
    const names = parseCsv(csv)
      .slice(1)
      .map((r) => r[0])
    expect(names).toEqual(['\'=HYPERLINK("http://x","點我")', "'+1 課程"])
  })

  it('refuses 50,000 rows as it splits, without reading them all', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},1,10,,,K01,`)
    const started = performance.now()
    const problems = refused([HEADER, ...rows].join('\n'))
    expect(codes(problems)).toEqual([['course-too-many-rows', 1001]])
    expect(performance.now() - started).toBeLessThan(2000)
    // Longer rows pass the size limit first, refused before they are split.
    const long = Array.from({ length: 50_000 }, (_, i) => `課程名稱第 ${i} 號,1,course,,,K01,`)
    expect(codes(refused([HEADER, ...long].join('\n')))).toEqual([['course-too-large', 1]])
  })

  it('refuses 501 courses within the row limit', () => {
    const rows = Array.from({ length: 501 }, (_, i) => `課程 ${i},1,course,,,K01,`)
    expect(codes(refused([HEADER, ...rows].join('\n')))).toEqual([['course-too-many', 502]])
  })

  it('refuses a quote never closed, naming the line it opened on', () => {
    expect(
      codes(
        refused(`${HEADER}\n好課,6,course,,,K01,\n"壞的,6,course,,,K01,\n第三行,1,course,,,K01,`),
      ),
    ).toEqual([['course-unclosed-quote', 3]])
  })

  it('refuses a file that is no text, empty, or too long, and a header without the course column', () => {
    expect(codes(refused('PK\u0003\u0004\u0000\u0000binary'))).toEqual([['course-not-text', 1]])
    expect(codes(refused('\uFEFF  \r\n'))).toEqual([['course-empty', 1]])
    expect(refused('x'.repeat(1_000_001))[0]).toMatchObject({
      code: 'course-too-large',
      params: { limit: 1_000_000 },
    })
    expect(codes(refused('name,hours\n好課,6'))).toEqual([['course-no-header', 1]])
    expect(codes(refused(`${HEADER}\n`))).toEqual([['course-no-rows', 1]])
  })

  it('names missing, unknown and doubled columns, and cells outside the header', () => {
    expect(codes(refused('course,hours,items,colour\n好課,6,K01,red'))).toEqual([
      ['course-unknown-column', 1],
      ['course-missing-column', 1],
    ])
    expect(codes(refused('course,hours,kind,items,hours\n好課,6,course,K01,6'))).toEqual([
      ['course-duplicate-column', 1],
    ])
    expect(codes(refused(`${HEADER}\n好課,6,course,,,K01,,多出來的`))).toEqual([
      ['course-extra-cells', 2],
    ])
  })

  it('refuses a cell longer than the limit', () => {
    expect(codes(refused(`${HEADER}\n${'長'.repeat(5001)},6,course,,,K01,`))).toEqual([
      ['course-cell-too-long', 2],
    ])
  })

  it('never throws, whatever it is given', () => {
    expect(readCourseCsv(undefined as unknown as string, standard).ok).toBe(false)
  })
})
