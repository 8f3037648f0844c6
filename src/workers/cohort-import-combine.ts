/**
 * A batch shared by two parts (two import workers, a core each), as one: the inputs dealt
 * between them, their progress reports summed as they come, their results made one, and the
 * rules for a part that could not start in its worker (see `startCohortImport` in
 * cohort-import.ts). Nothing here knows workers or the database, so a test runs both parts on
 * its own thread.
 */
import {
  isArchive,
  type ImportInput,
  type ImportJob,
  type ImportProgress,
  type ImportReport,
  type ImportResult,
} from './cohort-import-protocol'

/** A running batch, or one part of it: cancel it, or wait for its end. */
export interface ImportRun {
  cancel(): void
  result: Promise<ImportResult>
}

/** One part of a shared batch as it runs. */
export interface PartRun extends ImportRun {
  /**
   * Resolves true when the part's worker never started and the part runs on the page's thread
   * instead, alone (no partner, nothing prepared); false once the worker is heard.
   */
  fellBack: Promise<boolean>
  /** Tells the lead that its helper will hand it nothing (it fell back, or failed). */
  partnerGone(): void
}

/** Starts one part of a shared batch: its job (with `partner` set), and where it reports. */
export type PartStarter = (job: ImportJob, onReport: (report: ImportReport) => void) => PartRun

/** Batches of at least this many inputs are shared by two parts. */
export const SHARED_FROM = 40

/**
 * Whether a batch is shared: SHARED_FROM inputs or more, none of them a .zip. A batch's .zip
 * files share one limit of entries and inflated bytes (import-items.ts), which one part holds:
 * two would each hold it, and the batch could make twice the work.
 */
export function sharesBatch(inputs: readonly ImportInput[]): boolean {
  return inputs.length >= SHARED_FROM && !inputs.some(isArchive)
}

const zero = (): ImportProgress => ({ done: 0, total: 0, rejected: 0, kept: 0 })

/** The inputs dealt in turn between two parts: the lead's (even places), the helper's (odd). */
export function dealInputs<T>(inputs: readonly T[]): [T[], T[]] {
  return [inputs.filter((_, i) => i % 2 === 0), inputs.filter((_, i) => i % 2 === 1)]
}

/** Progress summed over the parts. */
export function sumProgress(list: readonly ImportProgress[]): ImportProgress {
  return list.reduce(
    (sum, p) => ({
      done: sum.done + p.done,
      total: sum.total + p.total,
      rejected: sum.rejected + p.rejected,
      kept: sum.kept + p.kept,
    }),
    zero(),
  )
}

/**
 * Sums the parts' reports: each part reports its own progress so far and the files it refused
 * since its last report; the batch's report is the sum of each part's latest progress, with
 * the refused files of the report that came. `totals` are each part's inputs, counted before a
 * part has reported, so the batch's total is whole from its first report.
 */
export function reportSummer(totals: readonly number[], onReport: (report: ImportReport) => void) {
  const latest = totals.map((total) => ({ ...zero(), total }))
  return (part: number) =>
    (report: ImportReport): void => {
      latest[part] = report.progress
      onReport({ progress: sumProgress(latest), rejected: report.rejected })
    }
}

/**
 * The parts' results as the batch's: counts and progress summed, the locked files of both, the
 * batch cancelled if either part was, the first write that failed, and the lead's prepared
 * cohorts (the lead answers for both: see `ImportJob.partner`).
 */
export function combineResults(lead: ImportResult, helper: ImportResult): ImportResult {
  return {
    progress: sumProgress([lead.progress, helper.progress]),
    counts: {
      added: lead.counts.added + helper.counts.added,
      replaced: lead.counts.replaced + helper.counts.replaced,
      unchanged: lead.counts.unchanged + helper.counts.unchanged,
    },
    locked: [...lead.locked, ...helper.locked],
    cancelled: lead.cancelled || helper.cancelled,
    failed: lead.failed ?? helper.failed,
    prepared: lead.prepared,
  }
}

/**
 * Runs a batch as two parts, the inputs dealt between them in turn, each checking and writing
 * its own. The same assessment in both parts is stored by the rule that holds within one part
 * (`choose` in domain/cohort/pool.ts: the newer copy, whichever part writes first), as each
 * transaction compares with what is stored. The helper hands the lead the members it made, and
 * the lead answers the prepared cohorts for both; where either part fell back to the page's
 * thread the result brings none (the lead may have answered before the other's last write),
 * and the page reads the cohorts back. A part that fails fails the batch: the other stops,
 * its files whole, as in a cancel.
 */
export function shareBatch(
  job: ImportJob,
  onReport: (report: ImportReport) => void,
  start: PartStarter,
): ImportRun {
  const [leads, helps] = dealInputs(job.inputs)
  const report = reportSummer([leads.length, helps.length], onReport)
  const lead = start({ ...job, inputs: leads, partner: 'lead' }, report(0))
  const helper = start({ ...job, inputs: helps, partner: 'helper' }, report(1))
  void helper.fellBack.then((fell) => fell && lead.partnerGone())
  helper.result.catch(() => lead.partnerGone())
  const parts = [lead, helper]
  const result = Promise.all([lead.result, helper.result]).then(async ([a, b]) => {
    const whole = combineResults(a, b)
    const fell = (await lead.fellBack) || (await helper.fellBack)
    return fell ? { ...whole, prepared: undefined } : whole
  })
  result.catch(() => parts.forEach((part) => part.cancel()))
  return { cancel: () => parts.forEach((part) => part.cancel()), result }
}
