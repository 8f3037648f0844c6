/**
 * How an assessment is titled. The first round is titled after its person, standard and day;
 * a later round keeps the first round's title, and its number is data (`round`), shown in the
 * interface's language where the title is shown ("（第 2 輪）", " (round 2)"), never stored in
 * the title itself.
 */
import { localDate } from '../dates'
import { LIMITS } from '../limits'
import type { Subject } from './records'

/** The title an assessment gets when none is given: who, which standard, and the local date. */
export function defaultTitle(subject: Subject, standardTitle: string, at: string): string {
  return `${subject.name}・${standardTitle}・${localDate(new Date(at))}`.slice(0, LIMITS.title)
}

/**
 * The round's label that earlier versions wrote at the end of a later round's title, in either
 * language (a round made in Chinese ended in （第 n 輪）).
 */
const STORED_ROUND_LABEL = /(（第 \d+ 輪）| \(round \d+\))$/

/**
 * A title without the round's label earlier versions stored in it. Only a later round's title
 * had one; a first round's title is the person's own words and is left alone, as is a title
 * that would be nothing without it.
 */
export function baseTitle(title: string, round: number): string {
  if (round <= 1) return title
  const base = title.replace(STORED_ROUND_LABEL, '')
  return base.trim() ? base : title
}

/**
 * The title as shown: a later round's title followed by its label, which the caller words in
 * the interface's language (`label(2)` is （第 2 輪） or " (round 2)").
 */
export function shownTitle(
  record: { title: string; round: number },
  label: (round: number) => string,
): string {
  const base = baseTitle(record.title, record.round)
  return record.round > 1 ? `${base}${label(record.round)}` : base
}
