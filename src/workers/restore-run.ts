/**
 * A restore from a backup file, from reading the file to the last write: what the restore
 * worker runs (restore-backup.worker.ts), and what a page without workers (a test's DOM) runs
 * itself. The checked backup stays here between the check and the person's choice, so tens of
 * megabytes never cross to the page: the page hears a summary, then progress.
 */
import { classifyStorageError, type StorageProblem } from '@/db/errors'
import { deviceIndex, writeRestore, type RestoreProgress } from '@/db/backup'
import type { GapLensDB } from '@/db/db'
import { parseBackup, type Backup } from '@/domain/files/backup'
import { checkAddedStandards, type RefusedStandard } from '@/domain/files/backup-standards'
import {
  chosenTables,
  mergePlan,
  missingStandards,
  unknownItems,
  type KnownStandard,
  type MergeCounts,
  type MissingStandard,
  type RestoreChoices,
  type RestoreMode,
  type UnknownItems,
} from '@/domain/files/restore-plan'
import { rateableItems } from '@/domain/assessment/items'
import { failure, problem, type FileFailure } from '@/domain/io/problems'

/** A standard the page holds: bundled with the app, or added on this device. */
export interface DeviceStandard extends KnownStandard {
  added: boolean
}

/** What the records of the backup would find on the device, in one mode. */
export interface ModeSummary {
  missing: MissingStandard[]
  unknown: UnknownItems[]
}

/** A checked backup, as the restore dialog shows it. */
export interface RestoreSummary {
  file: string
  exportedAt: string
  /** What the file holds (its added standards: those that will be restored). */
  counts: { assessments: number; responses: number; reviews: number; standards: number }
  /** Added standards that will not be restored, each with why. */
  refused: RefusedStandard[]
  /** What the device holds now. */
  device: { assessments: number; reviews: number }
  /** Of the backup's records, how many the device also has (an added restore keeps the newer). */
  overlap: { assessments: number; reviews: number }
  modes: Record<RestoreMode, ModeSummary>
}

export type BackupCheck = ({ ok: false } & FileFailure) | { ok: true; summary: RestoreSummary }

/** What a restore did, or the storage problem that stopped it (then nothing was changed). */
export type RestoreResult =
  | { ok: true; mode: 'replace'; assessments: number; reviews: number }
  | { ok: true; mode: 'add'; assessments: MergeCounts; reviews: MergeCounts }
  | { ok: false; problem: StorageProblem }

/** The standards known in each mode: replacing drops the device's added ones. */
function knownIn(
  mode: RestoreMode,
  device: readonly DeviceStandard[],
  fromBackup: readonly KnownStandard[],
): Map<string, KnownStandard> {
  const known = new Map<string, KnownStandard>()
  for (const s of device) if (!s.added) known.set(s.id, s)
  // Added: the device's copy of a standard stays where the backup has one of the same id.
  if (mode === 'add') for (const s of device) if (s.added) known.set(s.id, s)
  for (const s of fromBackup) if (!known.has(s.id)) known.set(s.id, s)
  return known
}

interface Checked {
  backup: Backup
  device: readonly DeviceStandard[]
  fromBackup: KnownStandard[]
}

/** One restore: `check` a file, then `restore` it as the person chose. */
export class RestoreRun {
  private checked: Checked | null = null

  constructor(private readonly db: GapLensDB) {}

  /** Reads and checks a backup file in full, and sums up what restoring it would do. */
  async check(file: Blob & { name: string }, device: DeviceStandard[]): Promise<BackupCheck> {
    this.checked = null
    let text: string
    try {
      text = await file.text()
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e)
      return failure(file.name, [problem('unreadable', { detail })])
    }
    const parsed = parseBackup(file.name, text)
    if (!parsed.ok) return parsed
    const backup = parsed.value
    const bundled = new Set(device.filter((s) => !s.added).map((s) => s.id))
    const { valid, refused } = checkAddedStandards(backup.tables.standards, bundled)
    const validIds = new Set(valid.map((v) => v.record.id))
    backup.tables.standards = backup.tables.standards.filter((s) => validIds.has(s.id))
    const fromBackup = valid.map(({ standard }) => ({
      id: standard.id,
      title: standard.title,
      code: standard.code,
      keys: rateableItems(standard).map((i) => i.key),
    }))
    const hints = new Map(refused.map((r) => [r.id, { title: r.title, code: r.code }]))
    const summaryOf = (mode: RestoreMode): ModeSummary => {
      const known = knownIn(mode, device, fromBackup)
      return {
        missing: missingStandards(backup.tables, known, hints),
        unknown: unknownItems(backup.tables, known),
      }
    }
    const here = await deviceIndex(this.db)
    const t = backup.tables
    this.checked = { backup, device, fromBackup }
    return {
      ok: true,
      summary: {
        file: file.name,
        exportedAt: backup.exportedAt,
        counts: {
          assessments: t.assessments.length,
          responses: t.responses.length,
          reviews: t.reviews.length,
          standards: t.standards.length,
        },
        refused,
        device: { assessments: here.assessments.size, reviews: here.reviews.size },
        overlap: {
          assessments: t.assessments.filter((a) => here.assessments.has(a.id)).length,
          reviews: t.reviews.filter((r) => here.reviews.has(r.assessmentId)).length,
        },
        modes: { add: summaryOf('add'), replace: summaryOf('replace') },
      },
    }
  }

  /** Restores the checked backup in one transaction, as the person chose. */
  async restore(
    mode: RestoreMode,
    choices: RestoreChoices,
    onProgress: RestoreProgress,
  ): Promise<RestoreResult> {
    const checked = this.checked
    if (!checked) throw new Error('no backup checked')
    const known = knownIn(mode, checked.device, checked.fromBackup)
    const tables = chosenTables(checked.backup.tables, known, choices)
    try {
      if (mode === 'replace') {
        await writeRestore({ mode, tables }, onProgress, this.db)
        return {
          ok: true,
          mode,
          assessments: tables.assessments.length,
          reviews: tables.reviews.length,
        }
      }
      const plan = mergePlan(tables, await deviceIndex(this.db))
      await writeRestore({ mode, plan }, onProgress, this.db)
      return { ok: true, mode, assessments: plan.assessments, reviews: plan.reviews }
    } catch (error) {
      return { ok: false, problem: classifyStorageError(error) }
    }
  }
}
