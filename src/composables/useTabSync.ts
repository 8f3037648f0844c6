import { getCurrentScope, onScopeDispose } from 'vue'
import { getDb } from '@/db/db'

/**
 * What a page tells the app's other pages it stored, for them to read it again. Only names: the
 * pages read the records themselves, from IndexedDB.
 */
export type StoredChange =
  /** An item's rating, note or evidence. */
  | { kind: 'response'; assessmentId: string; itemKey: string }
  /** The assessment's own fields (its targets, its title). */
  | { kind: 'assessment'; assessmentId: string }
  | { kind: 'assessment-deleted'; assessmentId: string }
  /** The supervisor's rating or comment of an item. */
  | { kind: 'review-rating'; reviewId: string; itemKey: string }
  /** The review's own fields: the reviewer's name and title, the overall comment. */
  | { kind: 'review'; reviewId: string }
  /** A newer file of the employee's assessment opened: the review is to be read again whole. */
  | { kind: 'review-replaced'; reviewId: string }
  | { kind: 'review-deleted'; reviewId: string }
  /** An action of the plan of an assessment or of a review added, changed or removed. */
  | { kind: 'plan'; owner: 'assessment' | 'review'; id: string }
  /** A backup restored: everything may have changed. */
  | { kind: 'everything' }

/**
 * The channel's name: every GapLens page of this origin (tabs, windows, the installed app) on
 * the same database (tests give each test a database, and so a channel, of its own).
 */
export function changesChannel(database: string): string {
  return `gaplens-changes:${database}`
}

function isChange(data: unknown): data is StoredChange {
  return (
    typeof data === 'object' && data !== null && typeof (data as StoredChange).kind === 'string'
  )
}

/** Tells the other pages what this one stored. */
export interface TabSync {
  announce: (change: StoredChange) => void
}

/**
 * Hears what the app's other pages store and tells them what this one stores, over a
 * BroadcastChannel (same origin only; nothing leaves the device). Each caller has a channel of
 * its own, which never hears its own messages but hears everyone else's: another tab's, and
 * another store's on this page (a deletion on the list reaches the rating store too). Closed
 * with the caller's scope (a store's, a component's). Where BroadcastChannel is missing, the
 * page simply does not hear others.
 */
export function useTabSync(onChange: (change: StoredChange) => void): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { announce: () => undefined }
  const channel = new BroadcastChannel(changesChannel(getDb().name))
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isChange(event.data)) onChange(event.data)
  }
  // Node's channel keeps its process alive while open (tests): a store's listening should not.
  ;(channel as BroadcastChannel & { unref?: () => void }).unref?.()
  if (getCurrentScope()) onScopeDispose(() => channel.close())
  return {
    announce(change) {
      try {
        channel.postMessage(change)
      } catch {
        // A closed channel (the store disposed): nobody is left to tell.
      }
    },
  }
}
