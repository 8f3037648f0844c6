/**
 * The plan's set cover on hand-made cases whose best answer is known: the greedy rule takes the
 * course adding the most need, ties go by the order given, redundant picks are dropped, and a
 * trainer's choice (a course taken out or put in) is kept.
 */
import { describe, expect, it } from 'vitest'
import { greedyCover, type CoverSet } from '@/domain/training/cover'

const sets = (...lists: number[][]): CoverSet[] => lists.map((elements) => ({ elements }))
const picked = (cover: ReturnType<typeof greedyCover>) => cover.picks.map((p) => p.set)

describe('the greedy set cover', () => {
  it('takes two disjoint halves over three overlapping pairs (the best: 2 sets)', () => {
    // Elements 0–5, weight 1 each: A and B cover all; C, D, E cover two each.
    const cover = greedyCover(
      sets([0, 1, 2], [3, 4, 5], [0, 3], [1, 4], [2, 5]),
      [1, 1, 1, 1, 1, 1],
    )
    expect(picked(cover)).toEqual([0, 1])
    expect(cover.picks.map((p) => p.gain)).toEqual([3, 3])
    expect(cover.picks.map((p) => p.fresh)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ])
    expect(cover).toMatchObject({ uncovered: [], covered: 6, total: 6 })
  })

  it('weighs need: one heavy item beats two light ones', () => {
    const cover = greedyCover(sets([0, 1], [2]), [1, 1, 5])
    expect(picked(cover)).toEqual([1, 0])
    expect(cover.picks.map((p) => p.gain)).toEqual([5, 2])
  })

  it('drops a wide first pick that the two later ones make redundant (the best: 2 sets)', () => {
    // 0 … 5; the middle set {1,2,3,4} weighs 8 and is taken first; the sides {0,1,2} and
    // {3,4,5} then add 1 each, and together cover the middle: it is dropped.
    const weights = [1, 2, 2, 2, 2, 1]
    const cover = greedyCover(sets([0, 1, 2], [3, 4, 5], [1, 2, 3, 4]), weights)
    expect(picked(cover)).toEqual([0, 1])
    expect(cover.picks.map((p) => p.gain)).toEqual([5, 5])
    expect(cover.covered).toBe(10)
  })

  it('stops when no set adds need, and lists what no set covers', () => {
    const cover = greedyCover(sets([0], [0], [1]), [2, 0, 3, 1])
    // The second {0} adds nothing after the first; element 1 has no need; 2 and 3 no set.
    expect(picked(cover)).toEqual([0])
    expect(cover.uncovered).toEqual([2, 3])
    expect(cover).toMatchObject({ covered: 2, total: 6 })
  })

  it('breaks a tie in gain by the order given, else by the list', () => {
    const list = sets([0], [1])
    expect(picked(greedyCover(list, [1, 1]))).toEqual([0, 1])
    expect(picked(greedyCover(list, [1, 1], { tieOrder: (a, b) => b - a }))).toEqual([1, 0])
  })

  it('keeps a course put in by hand, even one that adds nothing, and never takes one taken out', () => {
    const list = sets([0, 1, 2], [0], [1], [2])
    const forced = greedyCover(list, [1, 1, 1], { forced: [1] })
    expect(picked(forced)).toEqual([1, 0])
    expect(forced.picks[0]).toMatchObject({ set: 1, forced: true, gain: 1 })
    expect(forced.picks[1]).toMatchObject({ set: 0, gain: 2 })
    const redundant = greedyCover(sets([0, 1], [0]), [1, 1], { forced: [1] })
    expect(picked(redundant)).toEqual([1, 0])

    const excluded = greedyCover(list, [1, 1, 1], { excluded: [0] })
    expect(picked(excluded)).toEqual([1, 2, 3])
    const none = greedyCover(sets([0]), [1], { excluded: [0] })
    expect(none).toMatchObject({ picks: [], uncovered: [0], covered: 0, total: 1 })
  })

  it('ignores an element listed twice in one set', () => {
    const cover = greedyCover(sets([0, 0, 1]), [2, 3])
    expect(cover.picks[0]).toMatchObject({ gain: 5, fresh: [0, 1] })
  })
})
