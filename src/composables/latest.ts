/**
 * For work that waits, begun again before it ends (a file chosen while another is read, an
 * assessment opened while another loads): `begin()` starts a turn and returns whether that turn
 * is still the latest, so an older answer arriving late is left out.
 */
export function latestTurn(): { begin: () => () => boolean } {
  let turn = 0
  return {
    begin() {
      const mine = ++turn
      return () => mine === turn
    },
  }
}
