import { acceptHMRUpdate, defineStore } from 'pinia'
import '@/i18n/sections/cohort'
import { computed, ref, shallowRef, toRaw, triggerRef } from 'vue'
import { getDb } from '@/db/db'
import { cohortFiles, deleteCohort, listCohorts, type CohortSummary } from '@/db/cohort'
import type { AssessmentFileContent } from '@/domain/files/assessment-file'
import { toCsv } from '@/domain/io/csv'
import type { FileFailure } from '@/domain/io/problems'
import { locale, translate } from '@/i18n'
import { describeFailure } from '@/i18n/problems'
import { startCohortImport, type ImportRun } from '@/workers/cohort-import'
import type {
  ImportCounts,
  ImportError,
  ImportInput,
  ImportProgress,
  ImportReport,
  ImportResult,
  LockedText,
} from '@/workers/cohort-import-protocol'
import type { Scale } from '@/domain/assessment/scales'
import type { Standard } from '@/domain/standard/schema'
import {
  cohortFromAnswer,
  loadCohort,
  type LoadedCohort,
  type PreparedCohort,
} from '@/workers/cohort-load'
import { useStandardsStore } from './standards'
import { useStorageStore } from './storage'
import {
  interruptedBatches,
  markBatch,
  type BatchMark,
  type InterruptedBatch,
} from './cohort-batch-mark'

export type CohortImportStatus =
  | 'idle'
  | 'running'
  | 'cancelled'
  | 'done'
  | 'needs-passphrase'
  /** A write failed (a full disk): the storage store says why; what was kept is whole. */
  | 'failed'

/** A refused file: its name and why, in the interface language. */
export interface RejectedFile {
  name: string
  reason: string
}

const none = (): ImportProgress => ({ done: 0, total: 0, rejected: 0, kept: 0 })
const noCounts = (): ImportCounts => ({ added: 0, replaced: 0, unchanged: 0 })

/** The failed write as an Error the storage store can classify (it reads names and `inner`). */
function storageError(failed: ImportError): Error {
  const error = new Error(failed.message)
  error.name = failed.name
  return Object.assign(error, failed.inner ? { inner: { name: failed.inner } } : {})
}

/**
 * The trainer's cohort: importing many assessment files at once (in a worker, with progress and
 * cancel; protected ones opened with one passphrase for the batch), the files refused, and the
 * cohorts on this device.
 */
export const useCohortStore = defineStore('cohort', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()

  const status = ref<CohortImportStatus>('idle')
  /** The batch so far; an unlock goes on counting the same batch. */
  const progress = ref<ImportProgress>(none())
  /** Of the files kept: new, in an older export's place, or the same as stored. */
  const counts = ref<ImportCounts>(noCounts())
  const failures = shallowRef<FileFailure[]>([])
  /** Protected files waiting for the passphrase. */
  const locked = shallowRef<LockedText[]>([])
  const cohorts = shallowRef<CohortSummary[]>([])
  let run: ImportRun | null = null
  /**
   * Cohorts the last import wrote to, made ready by its worker (see cohort-import.ts): each is
   * shown once in place of reading it back, if the cohort still has as many files.
   */
  let prepared = new Map<string, PreparedCohort['answer']>()
  /** A cancel asked for before the worker started. */
  let stopAsked = false
  /** The running batch's mark, so a reload mid-batch is said on return (cohort-batch-mark.ts). */
  let mark: BatchMark | null = null
  /** Batches that ended with their page (a reload, a closed tab), to say once on return. */
  const interrupted = shallowRef<InterruptedBatch[]>([])

  /** Refused files with their reasons, in the interface language (follows a language change). */
  const rejected = computed<RejectedFile[]>(() =>
    failures.value.map((f) => ({ name: f.file, reason: describeFailure(f, locale.value) })),
  )
  const lockedCount = computed(() => locked.value.length)

  async function go(inputs: ImportInput[], passphrase?: string): Promise<void> {
    const base = { ...progress.value }
    const fresh = passphrase === undefined
    status.value = 'running'
    stopAsked = false
    await standards.load()
    if (stopAsked) {
      status.value = 'cancelled'
      endMark()
      return
    }
    const job = {
      dbName: getDb().name,
      inputs,
      standards: standards.standards.map((s) => toRaw(s)),
      passphrase,
      importedAt: new Date().toISOString(),
      prepare: true,
    }
    const merge = (p: ImportProgress): ImportProgress => ({
      done: base.done + p.done,
      total: fresh ? p.total : base.total,
      rejected: base.rejected + p.rejected,
      kept: base.kept + p.kept,
    })
    const onReport = (report: ImportReport) => {
      progress.value = merge(report.progress)
      mark?.update(progress.value)
      if (report.rejected.length) {
        failures.value.push(...report.rejected)
        triggerRef(failures)
      }
    }
    run = startCohortImport(job, onReport)
    let result: ImportResult
    try {
      result = await run.result
    } catch (error) {
      run = null
      storage.report(error)
      status.value = 'failed'
      endMark()
      await load()
      return
    }
    run = null
    prepared = new Map((result.prepared ?? []).map((p) => [p.key, p.answer]))
    progress.value = merge(result.progress)
    const before = counts.value
    counts.value = {
      added: before.added + result.counts.added,
      replaced: before.replaced + result.counts.replaced,
      unchanged: before.unchanged + result.counts.unchanged,
    }
    locked.value = result.locked
    if (result.failed) {
      storage.report(storageError(result.failed))
      status.value = 'failed'
    } else if (result.cancelled) status.value = 'cancelled'
    else if (result.locked.length) status.value = 'needs-passphrase'
    else status.value = 'done'
    // Waiting for the passphrase, the batch is not over: a reload now leaves those files out.
    if (status.value === 'needs-passphrase') mark?.update(progress.value)
    else endMark()
    await load()
  }

  function endMark(): void {
    mark?.end()
    mark = null
  }

  /**
   * Imports a batch: files a person chose or dropped (a folder's flattened), .zip files among
   * them. Resolves when the batch ends: done, cancelled, failed, or waiting for the passphrase
   * of its protected files (`unlock`).
   */
  async function importFiles(files: File[]): Promise<void> {
    if (status.value === 'running') throw new Error('an import is already running')
    endMark() // a batch left waiting for its passphrase ends with a new one
    interrupted.value = []
    mark = markBatch(files.length)
    progress.value = none()
    counts.value = noCounts()
    failures.value = []
    prepared = new Map()
    locked.value = []
    await go(files.map((file) => ({ kind: 'file', file })))
  }

  /**
   * Opens the batch's protected files with one passphrase and imports them; those it does not
   * open are refused with the app's usual message.
   */
  async function unlock(passphrase: string): Promise<void> {
    if (status.value !== 'needs-passphrase') return
    const texts = locked.value
    locked.value = []
    await go(
      texts.map(({ name, text }) => ({ kind: 'text', name, text })),
      passphrase,
    )
  }

  /** Stops the batch after the files being checked; those are stored whole and counted. */
  function cancel(): void {
    if (status.value === 'needs-passphrase') {
      locked.value = []
      status.value = 'cancelled'
      endMark()
    } else if (status.value === 'running') {
      stopAsked = true
      run?.cancel()
    }
  }

  /**
   * Looks for batches that ended with their page before they did (see cohort-batch-mark.ts):
   * each is said once, in `interrupted`, until `dismissInterrupted` or the next import.
   */
  async function checkInterrupted(): Promise<void> {
    try {
      const found = await interruptedBatches(mark?.id)
      if (found.length) interrupted.value = [...interrupted.value, ...found]
    } catch {
      // Marks that cannot be read say nothing; the import itself is unaffected.
    }
  }

  function dismissInterrupted(): void {
    interrupted.value = []
  }

  /** The refused files as CSV: name and reason, in the interface language. */
  function rejectedCsv(): string {
    return toCsv(
      [
        translate(locale.value, 'cohort.import.rejectedFile'),
        translate(locale.value, 'cohort.import.rejectedReason'),
      ],
      rejected.value.map((r) => [r.name, r.reason]),
    )
  }

  /** Reads the cohorts on this device. */
  async function load(): Promise<void> {
    try {
      cohorts.value = await listCohorts()
    } catch (error) {
      storage.report(error)
    }
  }

  /** The content of every file of a cohort. */
  async function members(key: string): Promise<AssessmentFileContent[]> {
    return (await cohortFiles(key)).map((record) => record.content)
  }

  /**
   * A cohort ready for its views: its files read and reduced in a worker (see cohort-load.ts),
   * on the standard given (the one its key names), with what its first view shows.
   */
  async function cohort(key: string, standard: Standard, scale: Scale): Promise<LoadedCohort> {
    const ready = prepared.get(key)
    prepared.delete(key)
    const count = cohorts.value.find((c) => c.key === key)?.count
    try {
      if (ready && 'packed' in ready && ready.packed.count === count)
        return await cohortFromAnswer(ready, toRaw(standard), scale.id)
      return await loadCohort({ key, standard: toRaw(standard), scale: scale.id })
    } catch (error) {
      storage.report(error)
      throw error
    }
  }

  /** Deletes a cohort and its files. */
  async function remove(key: string): Promise<void> {
    prepared.delete(key)
    try {
      await deleteCohort(key)
    } catch (error) {
      storage.report(error)
      throw error
    }
    await load()
  }

  return {
    status,
    progress,
    counts,
    failures,
    rejected,
    locked,
    lockedCount,
    cohorts,
    interrupted,
    importFiles,
    unlock,
    cancel,
    rejectedCsv,
    checkInterrupted,
    dismissInterrupted,
    load,
    members,
    cohort,
    remove,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCohortStore, import.meta.hot))
