/**
 * The whole-database backup file: what it holds, and the strict check a file must pass before
 * a restore may touch the database. Parse → cheap guard → strict validation → cross-checks.
 */
import { z } from 'zod'
import { describeIssues, type ParseResult } from './standard/parse'
import {
  AssessmentRecordSchema,
  ResponseRecordSchema,
  type AssessmentRecord,
} from './assessment/records'
import { SCALES } from './assessment/scales'

export const BACKUP_FORMAT = 'gaplens-backup'
export const BACKUP_VERSION = 1

export const SettingSchema = z.object({ key: z.string().min(1), value: z.unknown() })
export type Setting = z.infer<typeof SettingSchema>

/** A standard a user added from a file: kept as its text and checked again on every load. */
export const StoredStandardSchema = z.object({
  id: z.string().min(1),
  file: z.string(),
  body: z.string(),
  addedAt: z.iso.datetime(),
})
export type StoredStandard = z.infer<typeof StoredStandardSchema>

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  tables: z.object({
    settings: z.array(SettingSchema),
    standards: z.array(StoredStandardSchema),
    assessments: z.array(AssessmentRecordSchema),
    responses: z.array(ResponseRecordSchema),
  }),
})
export type Backup = z.infer<typeof BackupSchema>
export type BackupTables = Backup['tables']

export function buildBackup(tables: BackupTables, exportedAt: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, tables }
}

/** Problems a schema cannot see: dangling or repeated keys, values off the scale. */
function crossCheck({ settings, standards, assessments, responses }: BackupTables): string[] {
  const problems: string[] = []
  const repeated = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i)
  for (const key of new Set(repeated(settings.map((s) => s.key))))
    problems.push(`setting ${key} appears twice`)
  for (const id of new Set(repeated(standards.map((s) => s.id))))
    problems.push(`standard ${id} appears twice`)
  const byId = new Map<string, AssessmentRecord>()
  for (const a of assessments) {
    if (byId.has(a.id)) problems.push(`assessment ${a.id} appears twice`)
    byId.set(a.id, a)
  }
  const seen = new Set<string>()
  for (const r of responses) {
    const key = `${r.assessmentId}\u0000${r.itemKey}`
    if (seen.has(key)) problems.push(`item ${r.itemKey} of ${r.assessmentId} appears twice`)
    seen.add(key)
    const owner = byId.get(r.assessmentId)
    if (!owner) {
      problems.push(`a rating of ${r.itemKey} belongs to no assessment (${r.assessmentId})`)
      continue
    }
    const values = SCALES[owner.scaleId].steps.map((s) => s.value)
    if (typeof r.rating === 'number' && !values.includes(r.rating))
      problems.push(`rating ${r.rating} of ${r.itemKey} is not on the scale ${owner.scaleId}`)
  }
  return problems
}

/** Checks a backup file's text. Never throws; a failure names the file and the problem. */
export function parseBackup(file: string, text: string): ParseResult<Backup> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, file, problem: `not valid JSON (${(e as Error).message})` }
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  if (head.format !== BACKUP_FORMAT)
    return { ok: false, file, problem: 'not a GapLens backup (no "format": "gaplens-backup")' }
  if (head.version !== BACKUP_VERSION)
    return {
      ok: false,
      file,
      problem: `backup version ${JSON.stringify(head.version ?? null)} is not supported (this app reads version ${BACKUP_VERSION})`,
    }
  const result = BackupSchema.safeParse(raw)
  if (!result.success) return { ok: false, file, problem: describeIssues(result.error) }
  const problems = crossCheck(result.data.tables)
  if (problems.length) return { ok: false, file, problem: problems.slice(0, 3).join('; ') }
  return { ok: true, value: result.data }
}
