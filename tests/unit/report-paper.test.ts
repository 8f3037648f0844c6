import { describe, expect, it } from 'vitest'
import { rateableItems } from '@/domain/assessment/items'
import {
  CLOSE_SPREAD,
  keepWhole,
  LONG_ROW_CHARS,
  mayBreak,
  paperForm,
  recordGroups,
  WHOLE_LINES,
} from '@/components/results/paper'
import {
  cssString,
  pageContent,
  RUNNING_HEAD_MAX,
  runningHead,
  runningHeaderCss,
} from '@/composables/useRunningHeader'
import { makeStandard } from '../fixtures/standard'

describe('a chart on paper', () => {
  it('prints when its figures differ enough to be seen', () => {
    expect(paperForm([[1.2, 0.4, 2.1]])).toEqual({ form: 'chart' })
    // Two series (self and supervisor): one that varies is enough.
    expect(
      paperForm([
        [1, 1, 1],
        [0.5, 1, 1.5],
      ]),
    ).toEqual({ form: 'chart' })
  })

  it('is a sentence when every bar is the same, as the ten largest gaps of 3 each are', () => {
    expect(paperForm([[3, 3, 3, 3, 3, 3, 3, 3, 3, 3]])).toEqual({ form: 'same', value: 3 })
    // Figures that print alike with two decimals are alike to a reader.
    expect(paperForm([[1.001, 1.004, null]])).toEqual({ form: 'same', value: 1.001 })
  })

  it('is a sentence with the range when the bars differ by less than a quarter step', () => {
    expect(paperForm([[1.1, 1.3, 1.16]])).toEqual({ form: 'close', low: 1.1, high: 1.3 })
    expect(paperForm([[1, 1 + CLOSE_SPREAD, 1.1]])).toEqual({ form: 'chart' })
  })

  it('gives way to its table when fewer than three groups have a figure (levels mostly empty)', () => {
    expect(paperForm([[null, 2, null, null, 0.5]])).toEqual({ form: 'table' })
    expect(
      paperForm([
        [null, 2, null],
        [null, 1, 0.5],
      ]),
    ).toEqual({ form: 'table' })
  })

  it('says nothing is rated when nothing is', () => {
    expect(paperForm([[null, null]])).toEqual({ form: 'none' })
    expect(paperForm([[]])).toEqual({ form: 'none' })
  })
})

describe('the item-by-item record', () => {
  const standard = makeStandard()
  const items = rateableItems(standard)

  it('lists every item once, under the duty it is rated under, attitudes last', () => {
    const groups = recordGroups(standard, items)
    expect(groups.map((g) => g.key)).toEqual(['T1', 'T2', 'A'])
    expect(groups.map((g) => g.items.map((i) => i.key))).toEqual([
      // S01 is listed by T1.1 and T1.2: rated (and recorded) once, under T1.1.
      ['P1.1.1', 'P1.1.2', 'P1.1.3', 'K01', 'K02', 'S01', 'P1.2.1'],
      ['P2.1.1', 'S02'],
      ['A01', 'A02'],
    ])
    const all = groups.flatMap((g) => g.items.map((i) => i.key))
    expect(new Set(all).size).toBe(items.length)
  })

  it('lets a row with a page of text break across pages, and keeps a short one whole', () => {
    expect(mayBreak(['短', '備註'])).toBe(false)
    expect(mayBreak(['x'.repeat(LONG_ROW_CHARS / 2), 'y'.repeat(LONG_ROW_CHARS / 2 + 1)])).toBe(
      true,
    )
  })

  it('keeps a table whole up to a fifth of a page, counting the lines its rows take', () => {
    expect(keepWhole(WHOLE_LINES)).toBe(true)
    expect(keepWhole(8, 2)).toBe(true)
    expect(keepWhole(9, 2)).toBe(false)
    expect(keepWhole(4, 5)).toBe(false)
  })
})

describe('the running head', () => {
  it('quotes a text for CSS so that nothing in it can end the string or the rule', () => {
    expect(cssString('林雅婷')).toBe('"林雅婷"')
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(cssString('line\nbreak\u0000')).toBe('"line\\a break\\0 "')
    expect(cssString('"; } body { display: none } @page { x: "')).toBe(
      '"\\"; } body { display: none } @page { x: \\""',
    )
  })

  it('writes "page n of m" with the page counters in place of the placeholders', () => {
    expect(pageContent('第 {page} 頁，共 {pages} 頁')).toBe(
      '"第 " counter(page) " 頁，共 " counter(pages) " 頁"',
    )
    expect(pageContent('Page {page} of {pages}')).toBe(
      '"Page " counter(page) " of " counter(pages)',
    )
  })

  it('cuts a head longer than the margin holds, with an ellipsis, and folds its spaces', () => {
    expect(runningHead('王小明 ・\n 旅遊業')).toBe('王小明 ・ 旅遊業')
    const long = runningHead('名'.repeat(300))
    expect([...long]).toHaveLength(RUNNING_HEAD_MAX)
    expect(long.endsWith('…')).toBe(true)
  })

  it('puts the head at the top left and the page count at the bottom right', () => {
    const css = runningHeaderCss('王"小明・2026-12-07', 'Page {page} of {pages}')
    expect(css).toContain('@top-left { content: "王\\"小明・2026-12-07";')
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);')
  })
})
