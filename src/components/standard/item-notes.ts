import type { InjectionKey, Ref } from 'vue'
import type { ItemNotes } from '@/domain/standard/item-notes'

/**
 * The standard's footnotes and supplementary notes of each item, by item key: given by the
 * rating and review lists (from their standard), read by each item's card, so a person reads
 * them where they decide. None given elsewhere: a card shows no notes.
 */
export const ITEM_NOTES: InjectionKey<Readonly<Ref<ReadonlyMap<string, ItemNotes>>>> =
  Symbol('item-notes')
