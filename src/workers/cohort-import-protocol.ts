/**
 * The messages of the cohort import between the page (cohort-import.ts) and its worker
 * (cohort-import.worker.ts), and the shapes they carry: a job, its inputs, progress reports and
 * the result. Both sides and the worker's readers (import-items.ts) import them from here, so
 * neither side imports the other.
 */
import type { FileFailure } from '@/domain/io/problems'
import type { Standard } from '@/domain/standard/schema'
import type { PreparedCohort } from './cohort-load'

/** A file to import: one the person chose (a .zip among them), or a text kept from a first pass. */
export type ImportInput =
  { kind: 'file'; file: File } | { kind: 'text'; name: string; text: string }

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
  | { type: 'start'; job: ImportJob }
  | { type: 'inputs'; inputs: ImportInput[] }
  | { type: 'end' }
  | { type: 'cancel' }

/** What the worker sends: progress reports, then one result. */
export type FromWorker =
  { type: 'progress'; report: ImportReport } | { type: 'done'; result: ImportResult }
