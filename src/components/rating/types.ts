/**
 * What the rating list passes down from the page to each item, level by level (list → duty →
 * group → item), and the events it passes back up. Every level is handed the whole maps and
 * each item reads its own entry, so a change renders only the item it is about.
 */
import type { RateableItem } from '@/domain/assessment/items'
import type { ItemResponse } from '@/domain/assessment/records'
import type { RatingValue } from '@/domain/assessment/ratings'
import type { Scale } from '@/domain/assessment/scales'
import type { SaveStates } from '@/composables/useAutosave'

/** The props every level of the rating list takes, for its items. */
export interface RatingListProps {
  responses: ReadonlyMap<string, ItemResponse>
  saveStates: SaveStates<string>
  scale: Scale
  targetOf: (item: RateableItem) => number
}

/** What an item asks of the page: a rating, a text typed, and the pending text stored now. */
export interface RatingEvents {
  rate: [key: string, value: RatingValue | null, at: number]
  text: [key: string, field: 'note' | 'evidence', text: string]
  flush: []
}
