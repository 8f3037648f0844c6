/**
 * What a device stores of the trainer's cohort: one record per imported assessment file (never
 * one per rating). The database (src/db/db.ts) declares its table with this type and the cohort's
 * queries (src/db/cohort.ts) read and write it, so it lives apart from both.
 */
import type { AssessmentFileContent } from '../files/assessment-file'

/** One imported file. */
export interface CohortFileRecord {
  /** The cohort's key: `poolKey` of pool.ts (`cohortKeyOf` in src/db/cohort.ts). */
  cohortKey: string
  assessmentId: string
  /** The file's integrity hash (SHA-256 of its canonical content): the same file, the same hash. */
  hash: string
  /** The name the file was imported under (`archive.zip/folder/x.gaplens.json` for a zip entry). */
  fileName: string
  importedAt: string
  /** The checked content, without its integrity block. */
  content: AssessmentFileContent
}
