import { onScopeDispose, ref, type Ref } from 'vue'
import { afterNextFrame } from './frames'
import { latestTurn } from './latest'

export interface StagedDrawOptions {
  /** How many stages the whole is drawn in. */
  stages: number
  /** Runs as a drawing starts, once its first stage is shown (to load what a later one needs). */
  onStart?: () => void
}

export interface StagedDraw {
  /** How many stages are drawn: 0 before `start`, `stages` once the whole is. */
  stage: Readonly<Ref<number>>
  /** Draws from the first stage, one more a frame; a drawing under way is left off. */
  start: () => void
  /** Draws nothing (another whole is being prepared); a stage waiting for its frame is dropped. */
  reset: () => void
}

/**
 * A long page drawn a few sections a frame, so no one task lays out all of it: the template
 * shows a section once `stage` has reached it, and each stage comes in a task after the frame
 * that painted the one before.
 */
export function useStagedDraw(options: StagedDrawOptions): StagedDraw {
  const stage = ref(0)
  const turns = latestTurn()

  function start(): void {
    const isLatest = turns.begin()
    stage.value = 1
    options.onStart?.()
    const next = () =>
      void afterNextFrame().then(() => {
        if (!isLatest()) return
        stage.value += 1
        if (stage.value < options.stages) next()
      })
    next()
  }

  function reset(): void {
    turns.begin()
    stage.value = 0
  }

  // A stage still waiting for its frame when the page is left draws nothing.
  onScopeDispose(() => void turns.begin())

  return { stage, start, reset }
}
