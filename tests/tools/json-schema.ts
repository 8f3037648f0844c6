import { z } from 'zod'
import { Standard } from '@/domain/standard/schema'

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
