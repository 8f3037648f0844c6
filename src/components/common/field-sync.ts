/**
 * What a typed field asks of its page when the same record is open in another tab or window:
 * it says when the person is typing in it (the page then keeps their text), reads the other
 * tab's text of it if both changed, and passes on the person's choice. Provided by the page
 * (the rating page for notes and evidence, the review page for comments and the reviewer), so
 * the fields deep in a list need no props for it.
 */
import type { InjectionKey } from 'vue'

export interface FieldSync<F extends string> {
  /** The person is typing in `field` of `key` (the field has the focus), or has left it. */
  editing: (key: string, field: F, on: boolean) => void
  /** The other tab's text, if it changed the field too while the person held it here. */
  conflictOf: (key: string, field: F) => string | undefined
  /** Keeps the person's text, or takes the other tab's; either is stored. */
  resolve: (key: string, field: F, keep: 'mine' | 'theirs') => void
}

/** The rating page's notes and evidence. */
export const RATING_TEXT_SYNC: InjectionKey<FieldSync<'note' | 'evidence'>> =
  Symbol('rating-text-sync')

/** The review page's comments, and the reviewer's name and title. */
export const REVIEW_TEXT_SYNC: InjectionKey<FieldSync<'name' | 'jobTitle' | 'comment'>> =
  Symbol('review-text-sync')
