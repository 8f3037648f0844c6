/**
 * How an assessment is titled: the first round after its person, standard and day; each later
 * round after the first, with the round's number at its end.
 */
import { localDate } from '../dates'
import { LIMITS } from '../limits'
import type { Subject } from './records'

/** The title an assessment gets when none is given: who, which standard, and the local date. */
export function defaultTitle(subject: Subject, standardTitle: string, at: string): string {
  return `${subject.name}・${standardTitle}・${localDate(new Date(at))}`.slice(0, LIMITS.title)
}

/** The end of a later round's title, in either language; replaced, not stacked, each round. */
const ROUND_SUFFIX = /(（第 \d+ 輪）| \(round \d+\))$/

/** The end of round `n`'s title when the caller names none: in the first language, zh-TW. */
export function roundSuffix(n: number): string {
  return `（第 ${n} 輪）`
}

/** A later round's title: the first round's, shortened if need be, and the round's suffix. */
export function roundTitle(title: string, suffix: string): string {
  return `${title.replace(ROUND_SUFFIX, '').slice(0, LIMITS.title - suffix.length)}${suffix}`
}
