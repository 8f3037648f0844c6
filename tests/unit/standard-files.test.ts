import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseStandardFile } from '@/domain/standard/parse'
import { LEVEL_DESCRIPTORS } from '@/domain/levels'
import { makeStandard } from '../fixtures/standard'
import { STANDARD_SCHEMA_PATH, standardJsonSchemaText } from '../tools/json-schema'

const dir = new URL('../../data/standards/', import.meta.url)
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

describe('data/standards', () => {
  it('holds the two seed standards', () => {
    expect(files.sort()).toEqual(['THM3514-lodging-ecommerce.json', 'TTM4221-002v4.json'])
  })

  it.each(files)('%s validates against the schema', (file) => {
    const result = parseStandardFile(file, readFileSync(new URL(file, dir), 'utf8'))
    expect(result.ok ? 'valid' : result.problem).toBe('valid')
  })

  it.each(files)('%s is named after its id and records its editorial judgements', (file) => {
    const result = parseStandardFile(file, readFileSync(new URL(file, dir), 'utf8'))
    if (!result.ok) throw new Error(result.problem)
    expect(`${result.value.id}.json`).toBe(file)
    expect(result.value.editorial.length).toBeGreaterThan(0)
  })

  it('data/schema/standard.schema.json is generated from the current schema (npm run schema)', () => {
    expect(readFileSync(STANDARD_SCHEMA_PATH, 'utf8')).toBe(standardJsonSchemaText())
  })
})

describe('a broken standard file', () => {
  const good = makeStandard()
  const text = (value: unknown) => JSON.stringify(value)
  const problemOf = (file: string, body: string) => {
    const result = parseStandardFile(file, body)
    if (result.ok) throw new Error('accepted a broken file')
    return result
  }

  it('accepts the fixture as a control', () => {
    expect(parseStandardFile('ok.json', text(good)).ok).toBe(true)
  })

  it('is rejected when it is not JSON, naming the file', () => {
    const failure = problemOf('broken.json', '{"formatVersion": 1,')
    expect(failure.file).toBe('broken.json')
    expect(failure.problem).toMatch(/not valid JSON/)
  })

  it('is rejected when it is not an object', () => {
    expect(problemOf('list.json', '[1, 2]').problem).toMatch(/not a standard/)
  })

  it('is rejected with a wrong format version', () => {
    expect(problemOf('v9.json', text({ ...good, formatVersion: 9 })).problem).toMatch(
      /unsupported formatVersion 9 \(expected 1\)/,
    )
  })

  it('is rejected when a field is missing, naming the field', () => {
    const { title: _title, ...rest } = good
    expect(problemOf('x.json', text(rest)).problem).toMatch(/^title: /)
  })

  it('is rejected when a task names an unknown K item, naming task and code', () => {
    const broken = structuredClone(good)
    broken.duties[0]!.tasks[0]!.knowledge.push('K99')
    expect(problemOf('x.json', text(broken)).problem).toContain('task T1.1 names unknown K99')
  })

  it('is rejected when a K item is used by no task', () => {
    const broken = structuredClone(good)
    broken.knowledge.push({ code: 'K03', text: '孤立的知識' })
    expect(problemOf('x.json', text(broken)).problem).toContain('K03 is used by no task')
  })

  it('is rejected when a level is out of range', () => {
    const broken = structuredClone(good)
    broken.duties[0]!.tasks[0]!.indicators[0]!.level = 7
    expect(problemOf('x.json', text(broken)).problem).toMatch(/indicators\.0\.level/)
  })

  it('is rejected when a footnote anchor is not in its text or a footnote hangs nowhere', () => {
    const broken = structuredClone(good)
    broken.duties[0]!.tasks[0]!.indicators[0]!.footnotes = [{ n: 1, after: '不存在' }]
    expect(problemOf('x.json', text(broken)).problem).toContain(
      'anchor "不存在" is not in the text',
    )
    const orphan = structuredClone(good)
    orphan.footnotes.push({ n: 3, text: '無處可掛' })
    expect(problemOf('x.json', text(orphan)).problem).toContain('【註3】 hangs on nothing')
  })

  it('is rejected when a code repeats or a task sits under the wrong duty', () => {
    const broken = structuredClone(good)
    broken.duties[1]!.tasks[0]!.code = 'T1.1'
    const problem = problemOf('x.json', text(broken)).problem
    expect(problem).toContain('duplicate code T1.1')
    expect(problem).toContain('task T1.1 is not under duty T2')
  })
})

describe('official level descriptors', () => {
  it('equal the table in shared/icap-levels.md', () => {
    const md = readFileSync(new URL('../../../shared/icap-levels.md', import.meta.url), 'utf8')
    const rows = [...md.matchAll(/^\| ([1-6]) \| (.+?) \|$/gm)].map((m) => [
      Number(m[1]),
      m[2]!.replace(/\s*\(one copy reads.*\)$/, '').trim(),
    ])
    expect(rows).toHaveLength(6)
    expect(Object.fromEntries(rows)).toEqual(LEVEL_DESCRIPTORS)
  })
})
