/**
 * How the readers of a pasted standard and of a spreadsheet template stop: a step that finds a
 * problem it cannot read past throws a Refusal with the problems found so far, and the reader's
 * entry returns them as its result, so a reader as a whole never throws.
 */
export class Refusal<P> {
  constructor(readonly problems: P[]) {}
}

/**
 * Runs a reader: its result, or the problems of a Refusal it threw, or for any other error (a
 * bug) the one problem `unreadable` makes of its message, so the text is refused rather than
 * half read.
 */
export function readOrRefuse<R, P>(
  read: () => R,
  unreadable: (message: string) => P,
): R | { ok: false; problems: P[] } {
  try {
    return read()
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problems: e.problems as P[] }
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [unreadable(message)] }
  }
}
