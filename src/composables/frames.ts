/**
 * Resolves in a task after the next frame: whatever the page changed before has been laid out
 * and painted, and what follows runs in a task of its own (or simply in the next task where
 * there are no frames, as in a test's DOM).
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0)
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later)
    else later()
  })
}
