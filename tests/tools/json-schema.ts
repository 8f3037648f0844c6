import { z } from 'zod'
import { Standard } from '@/domain/standard/schema'
import { AssessmentFileSchema } from '@/domain/files/assessment-file'
import { ProtectedFileSchema } from '@/domain/files/read'

export const STANDARD_SCHEMA_PATH = new URL(
  '../../data/schema/standard.schema.json',
  import.meta.url,
)

/** The JSON Schema text for a standard file, as checked in. */
export function standardJsonSchemaText(): string {
  const schema = z.toJSONSchema(Standard, { target: 'draft-2020-12', io: 'input' })
  const document = {
    ...schema,
    title: 'GapLens competency standard (職能基準)',
    description:
      'A competency standard as GapLens reads it. Cross-references (codes that must exist, be unique and be used) are checked by the app beyond this schema.',
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

export const ASSESSMENT_FILE_SCHEMA_PATH = new URL(
  '../../data/schema/assessment-file.schema.json',
  import.meta.url,
)

/** The JSON Schema text for an assessment file (plain or protected), as checked in. */
export function assessmentFileJsonSchemaText(): string {
  const schema = z.toJSONSchema(z.union([AssessmentFileSchema, ProtectedFileSchema]), {
    target: 'draft-2020-12',
    io: 'input',
  })
  const document = {
    ...schema,
    title: 'GapLens assessment file (.gaplens.json)',
    description:
      'One assessment, with the review it carries, or the same text protected with a passphrase (AES-256-GCM, key from PBKDF2-SHA-256). The app checks beyond this schema: the integrity hash over the canonical JSON (RFC 8785) of the file without its integrity block, item codes against the standard, values against the scale.',
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
