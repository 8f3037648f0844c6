/**
 * The messages of the cohort import between the page (cohort-import.ts) and its worker
 * (cohort-import.worker.ts), and the shapes they carry: a job, its inputs, progress reports and
 * the result. Both sides and the worker's readers (import-items.ts) import them from here, so
 * neither side imports the other.
 */
import type { FileFailure } from '@/domain/io/problems'
import type { Standard } from '@/domain/standard/schema'
import type { PreparedCohort, SharedCohort } from './cohort-load'

/** A file to import: one the person chose (a .zip among them), or a text kept from a first pass. */
export type ImportInput =
  { kind: 'file'; file: File } | { kind: 'text'; name: string; text: string }

/** An input that is a .zip: its .json entries are each a file of the batch. */
export const isArchive = (input: ImportInput): boolean =>
  input.kind === 'file' && /\.zip$/i.test(input.file.name)

/** A protected file set aside for its passphrase: its name and its text. */
export interface LockedText {
  name: string
  text: string
}

/** One batch: the files, the standards they may be rated on, and the database to write to. */
export interface ImportJob {
  /** The name of the database to write to (the worker opens its own connection to it). */
  dbName: string
  inputs: ImportInput[]
  /** The standards this device holds, as plain objects. */
  standards: Standard[]
  /** Given: protected files are opened with it. Not given: they are set aside as locked. */
  passphrase?: string
  importedAt: string
  /**
   * True: `inputs` are the first of the batch, the rest follow in 'inputs' messages until an
   * 'end' message; `count` is how many inputs there are in all.
   */
  more?: boolean
  count?: number
  /**
   * True: the result also brings each cohort the batch wrote to, answered as reading it would
   * (see `preparedCohorts` in cohort-load.ts), so the page can show it at once.
   */
  prepare?: boolean
  /**
   * The batch is shared with a second worker, each checking and writing its own inputs on a
   * core of its own: the 'helper' hands the members it made to the 'lead' when it has written
   * its last file, and the lead answers the prepared cohorts with them (see `PartnerLink`).
   */
  partner?: 'lead' | 'helper'
}

/** What the helper hands the lead: the members it made of the files it wrote, or none. */
export type PartnerMessage = { type: 'members'; shared: SharedCohort[] } | { type: 'none' }

/** How the two workers of a shared batch speak (a MessageChannel's ports, or a test's stand-in). */
export interface PartnerLink {
  /** The helper's side: its members, once its last file is written (null: none to give). */
  give(shared: SharedCohort[] | null, transfer: ArrayBuffer[]): void
  /** The lead's side: the helper's members, once it has given them (null: none). */
  take(): Promise<SharedCohort[] | null>
  /** The lead's side: no members will come (the helper never started). */
  abandon(): void
}

/** How far a batch is: files finished (stored or rejected) of all, rejected, stored. */
export interface ImportProgress {
  done: number
  total: number
  rejected: number
  /** Files whose content the cohort now holds (written in whole transactions). */
  kept: number
}

/** Of the files kept: new to the cohort, in an older export's place, or changing nothing. */
export interface ImportCounts {
  added: number
  replaced: number
  unchanged: number
}

/** An error as it crosses from the worker: its names, for the storage store to classify. */
export interface ImportError {
  name: string
  message: string
  inner: string | null
}

export interface ImportResult {
  progress: ImportProgress
  counts: ImportCounts
  /** Protected files waiting for the passphrase (none when a passphrase was given). */
  locked: LockedText[]
  cancelled: boolean
  /** The write that failed (a full disk); what was written before it is kept, whole. */
  failed: ImportError | null
  /** With `job.prepare`, and unless a write failed: the cohorts written to, ready to show. */
  prepared?: PreparedCohort[]
}

/** A progress report, with the files refused since the last one. */
export interface ImportReport {
  progress: ImportProgress
  rejected: FileFailure[]
}

/** What the page sends: a job, the inputs that follow it, their end, or a cancel. */
export type ToWorker =
  /** `port`: the lead's or the helper's end of the channel between them (`job.partner`). */
  | { type: 'start'; job: ImportJob; port?: MessagePort }
  | { type: 'inputs'; inputs: ImportInput[] }
  | { type: 'end' }
  | { type: 'cancel' }
  /** To the lead: its helper never started; no members will come (the page runs its part). */
  | { type: 'partner-gone' }

/** What the worker sends: progress reports, then one result. */
export type FromWorker =
  { type: 'progress'; report: ImportReport } | { type: 'done'; result: ImportResult }

/** A partner link over a MessageChannel port. */
export function portLink(port: MessagePort): PartnerLink {
  let settle: (shared: SharedCohort[] | null) => void = () => {}
  const received = new Promise<SharedCohort[] | null>((resolve) => (settle = resolve))
  port.onmessage = (event: MessageEvent<PartnerMessage>) =>
    settle(event.data.type === 'members' ? event.data.shared : null)
  return {
    give(shared, transfer) {
      const message: PartnerMessage = shared ? { type: 'members', shared } : { type: 'none' }
      port.postMessage(message, transfer)
    },
    take: () => received,
    abandon: () => settle(null),
  }
}
