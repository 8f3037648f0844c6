/**
 * A page drawn a stage a frame (useStagedDraw): one stage more after each frame up to the whole,
 * a drawing begun again or reset leaves the one before off, and a page left draws nothing more.
 */
import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { useStagedDraw } from '@/composables/useStagedDraw'
import { afterNextFrame } from '@/composables/frames'

function staged(stages: number) {
  const scope = effectScope()
  let started = 0
  const drawing = scope.run(() => useStagedDraw({ stages, onStart: () => started++ }))!
  return { scope, drawing, started: () => started }
}

/** The stage after each of the next `n` frames. */
async function stagesOver(drawing: { stage: { value: number } }, n: number): Promise<number[]> {
  const seen: number[] = []
  for (let i = 0; i < n; i++) {
    await afterNextFrame()
    seen.push(drawing.stage.value)
  }
  return seen
}

describe('a page drawn in stages', () => {
  it('draws the first stage at once, then one more a frame, up to the whole', async () => {
    const { drawing, started } = staged(4)
    expect(drawing.stage.value).toBe(0)
    drawing.start()
    expect(drawing.stage.value).toBe(1)
    expect(started()).toBe(1)
    expect(await stagesOver(drawing, 5)).toEqual([2, 3, 4, 4, 4])
  })

  it('begun again, counts from the first stage and leaves the drawing before off', async () => {
    const { drawing, started } = staged(4)
    drawing.start()
    await afterNextFrame()
    expect(drawing.stage.value).toBe(2)
    drawing.start()
    expect(drawing.stage.value).toBe(1)
    expect(started()).toBe(2)
    expect(await stagesOver(drawing, 4)).toEqual([2, 3, 4, 4])
  })

  it('reset, draws nothing until started again', async () => {
    const { drawing } = staged(4)
    drawing.start()
    drawing.reset()
    expect(drawing.stage.value).toBe(0)
    expect(await stagesOver(drawing, 3)).toEqual([0, 0, 0])
  })

  it('draws no further stage once its page is gone', async () => {
    const { scope, drawing } = staged(4)
    drawing.start()
    scope.stop()
    expect(await stagesOver(drawing, 3)).toEqual([1, 1, 1])
  })
})
