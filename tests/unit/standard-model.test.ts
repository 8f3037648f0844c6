import { describe, expect, it } from 'vitest'
import {
  countStandard,
  footnoteSegments,
  hasAttitudeMatrix,
  indexStandard,
  indicatorBlocks,
  itemUsage,
  taskLevel,
  taskLevels,
  tasksBeforeDuties,
} from '@/domain/standard/model'
import { itemNotes } from '@/domain/standard/item-notes'
import { levelDescriptor, LEVELS } from '@/domain/levels'
import { makeStandard } from '../fixtures/standard'

const standard = makeStandard()
const [t11, t12] = standard.duties[0]!.tasks

describe('task levels', () => {
  it('derives a task level from its indicators, the highest of two', () => {
    expect(taskLevels(t11!)).toEqual([3, 4])
    expect(taskLevel(t11!)).toBe(4)
    expect(taskLevel(t12!)).toBe(2)
  })

  it('groups indicators into runs of one level, in order', () => {
    const blocks = indicatorBlocks(t11!)
    expect(blocks.map((b) => [b.level, b.indicators.map((p) => p.code)])).toEqual([
      [3, ['P1.1.1', 'P1.1.2']],
      [4, ['P1.1.3']],
    ])
  })
})

describe('item usage', () => {
  it('lists the tasks that use each K, S and mapped A item', () => {
    const usage = itemUsage(standard)
    expect(usage.get('K02')).toEqual(['T1.1', 'T1.2'])
    expect(usage.get('S01')).toEqual(['T1.1', 'T1.2'])
    expect(usage.get('S02')).toEqual(['T2.1'])
    expect(usage.get('A01')).toEqual(['T1.1', 'T2.1'])
    expect(usage.has('A02')).toBe(false)
  })

  it('knows whether attitudes are mapped to tasks', () => {
    expect(hasAttitudeMatrix(standard)).toBe(true)
    const unmapped = makeStandard({
      attitudes: [{ code: 'A01', name: '親和力', description: '友善。' }],
    })
    expect(hasAttitudeMatrix(unmapped)).toBe(false)
  })

  it('indexes items, footnotes and supplementary explanations', () => {
    const s = makeStandard({
      notes: {
        general: [],
        qualifications: [],
        supplementary: [{ text: '知識一：更多說明。', explains: ['K01'] }],
      },
    })
    const index = indexStandard(s)
    expect(index.knowledge.get('K02')?.text).toBe('知識二')
    expect(index.footnotes.get(1)).toBe('類型：官網、社群。')
    expect(index.explanations.get('K01')).toEqual(['知識一：更多說明。'])
    expect(index.taskTitles.get('T2.1')).toBe('任務三')
  })
})

describe('counts', () => {
  it('counts every kind of element', () => {
    expect(countStandard(standard)).toEqual({
      duties: 2,
      tasks: 3,
      outputs: 2,
      indicators: 5,
      knowledge: 2,
      skills: 2,
      attitudes: 2,
      footnotes: 2,
    })
  })
})

describe('tasks before each duty', () => {
  it('counts the tasks of the duties above, in order', () => {
    expect(tasksBeforeDuties(standard)).toEqual([0, 2])
    const three = makeStandard({
      duties: [standard.duties[1]!, standard.duties[0]!, standard.duties[1]!],
    })
    expect(tasksBeforeDuties(three)).toEqual([0, 1, 3])
  })
})

describe('footnote marks', () => {
  it('places a mark right after its anchor words', () => {
    expect(footnoteSegments('確認網站類型。', [{ n: 1, after: '網站類型' }])).toEqual([
      { text: '確認網站類型', note: 1 },
      { text: '。' },
    ])
  })

  it('places a mark without anchor at the end, and orders several marks by position', () => {
    expect(footnoteSegments('甲乙丙', [{ n: 9 }, { n: 3, after: '甲' }])).toEqual([
      { text: '甲', note: 3 },
      { text: '乙丙', note: 9 },
    ])
  })

  it('leaves a text without marks whole', () => {
    expect(footnoteSegments('無註', undefined)).toEqual([{ text: '無註' }])
  })
})

describe('level descriptors', () => {
  it('has the official descriptor for each of the six levels', () => {
    expect(LEVELS.map((l) => levelDescriptor(l).length > 20)).toEqual(LEVELS.map(() => true))
    expect(levelDescriptor(4)).toContain('少許監督')
    expect(() => levelDescriptor(7)).toThrow(RangeError)
  })
})

describe('an item’s notes from the standard', () => {
  it('gathers the footnotes hung on each item and the supplementary notes that explain it', () => {
    const notes = itemNotes(
      makeStandard({
        attitudes: [
          {
            code: 'A01',
            name: '主動積極',
            description: '自動自發做事。',
            tasks: ['T1.1'],
            footnotes: [{ n: 2 }],
          },
          { code: 'A02', name: '謹慎細心', description: '考量所有細節。', tasks: [] },
        ],
        notes: {
          general: [],
          qualifications: [],
          supplementary: [
            { text: '知識一與技能一指最新版。', explains: ['K01', 'S01'] },
            { text: '知識一另見手冊。', explains: ['K01'] },
            { text: '不解釋任何項目的說明。' },
          ],
        },
      }),
    )
    expect(notes.get('P1.1.1')).toEqual({
      footnotes: [{ n: 1, after: '網站類型', text: '類型：官網、社群。' }],
      supplementary: [],
    })
    expect(notes.get('K02')?.footnotes).toEqual([{ n: 2, text: '知識二的說明。' }])
    expect(notes.get('A01')?.footnotes).toEqual([{ n: 2, text: '知識二的說明。' }])
    expect(notes.get('K01')).toEqual({
      footnotes: [],
      supplementary: ['知識一與技能一指最新版。', '知識一另見手冊。'],
    })
    expect(notes.get('S01')?.supplementary).toEqual(['知識一與技能一指最新版。'])
    // Items the standard says nothing more about are absent.
    expect([...notes.keys()].sort()).toEqual(['A01', 'K01', 'K02', 'P1.1.1', 'S01'])
  })
})
