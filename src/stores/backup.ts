import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDb } from '@/db/db'
import { rateableItems } from '@/domain/assessment/items'
import { BACKUP_MAX_BYTES } from '@/domain/files/backup'
import type { RestoreChoices, RestoreMode } from '@/domain/files/restore-plan'
import { checkSize } from '@/domain/io/size'
import type { FileFailure } from '@/domain/io/problems'
import { exportBackupFile, type ExportAnswer } from '@/workers/export-backup'
import { useTabSync } from '@/composables/useTabSync'
import {
  startRestore,
  type RestoreResult,
  type RestoreSession,
  type RestoreSummary,
} from '@/workers/restore-backup'
import { useRatingStore } from './rating'
import { useReviewStore } from './review'
import { useStandardsStore } from './standards'
import { useStorageStore, type StorageProblem } from './storage'

/**
 * Where a restore is: nothing chosen; the file being checked; checked and waiting for the
 * person's choice; being written; written; refused (the file); failed (the write, and nothing
 * was changed).
 */
export type RestorePhase =
  'idle' | 'checking' | 'ready' | 'restoring' | 'done' | 'refused' | 'failed'

/** A finished restore: the file's name and what it did. */
export type RestoreDone = { file: string } & Extract<RestoreResult, { ok: true }>

/** The whole-database backup: its download, and a restore checked in full before it writes. */
export const useBackupStore = defineStore('backup', () => {
  const standards = useStandardsStore()
  const storage = useStorageStore()
  const phase = ref<RestorePhase>('idle')
  /** The name of the backup file chosen last, for the messages about it. */
  const file = ref('')
  const summary = shallowRef<RestoreSummary | null>(null)
  const refusal = shallowRef<FileFailure | null>(null)
  const done = shallowRef<RestoreDone | null>(null)
  const problem = shallowRef<StorageProblem | null>(null)
  const progress = ref({ written: 0, total: 0 })
  // Tells, never listens: a restore elsewhere leaves this page's own state as it is.
  const tabs = useTabSync(() => undefined)
  let session: RestoreSession | null = null

  /** The backup file, made off the page's thread, or the storage problem that stopped it. */
  function download(): Promise<ExportAnswer> {
    return exportBackupFile(getDb().name)
  }

  function endSession(): void {
    session?.end()
    session = null
  }

  /**
   * Checks a chosen backup: its size first, unread; then, off the page's thread, its text,
   * every record, its added standards, and what it would find on this device.
   */
  async function check(chosen: File): Promise<void> {
    endSession()
    file.value = chosen.name
    summary.value = null
    refusal.value = null
    done.value = null
    problem.value = null
    const tooLarge = checkSize(chosen, BACKUP_MAX_BYTES)
    if (tooLarge) {
      refusal.value = tooLarge
      phase.value = 'refused'
      return
    }
    phase.value = 'checking'
    await standards.load()
    const device = standards.standards.map((s) => ({
      id: s.id,
      title: s.title,
      code: s.code,
      keys: rateableItems(s).map((i) => i.key),
      added: standards.isAdded(s.id),
    }))
    const current = startRestore(getDb().name)
    session = current
    const result = await current.check(chosen, device)
    if (session !== current) return
    if (result.ok) {
      summary.value = result.summary
      phase.value = 'ready'
    } else {
      endSession()
      refusal.value = result
      phase.value = 'refused'
    }
  }

  /** Restores the checked backup as the person chose; all of it, or nothing. */
  async function restore(mode: RestoreMode, choices: RestoreChoices): Promise<void> {
    const current = session
    const checked = summary.value
    if (!current || !checked || phase.value !== 'ready') return
    phase.value = 'restoring'
    progress.value = { written: 0, total: 0 }
    let result: RestoreResult
    try {
      result = await current.restore(mode, choices, (written, total) => {
        progress.value = { written, total }
      })
    } catch (error) {
      result = { ok: false, problem: storage.classify(error) }
    }
    endSession()
    summary.value = null
    if (!result.ok) {
      problem.value = result.problem
      done.value = null
      refusal.value = null
      phase.value = 'failed'
      return
    }
    // Whatever a page holds open was read before the restore, here and in other tabs.
    tabs.announce({ kind: 'everything' })
    useRatingStore().close()
    const review = useReviewStore()
    if (review.review) review.forget(review.review.id)
    // The backup brings its added standards: offered before the records made on them. The
    // lists read the database again when they are next shown.
    await standards.reload()
    void storage.check()
    done.value = { file: checked.file, ...result }
    phase.value = 'done'
  }

  /** Drops a checked backup the person decided not to restore. */
  function cancel(): void {
    endSession()
    summary.value = null
    phase.value = 'idle'
  }

  return {
    phase,
    file,
    summary,
    refusal,
    done,
    problem,
    progress,
    download,
    check,
    restore,
    cancel,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBackupStore, import.meta.hot))
