/**
 * Writes data/schema/standard.schema.json and data/schema/assessment-file.schema.json from the
 * zod schemas, the single source of truth.
 * Run with `npm run schema`; a unit test fails while the checked-in file is out of date.
 */
import { writeFileSync } from 'node:fs'
import {
  ASSESSMENT_FILE_SCHEMA_PATH,
  assessmentFileJsonSchemaText,
  standardJsonSchemaText,
  STANDARD_SCHEMA_PATH,
} from './json-schema'

for (const [path, text] of [
  [STANDARD_SCHEMA_PATH, standardJsonSchemaText()],
  [ASSESSMENT_FILE_SCHEMA_PATH, assessmentFileJsonSchemaText()],
] as const) {
  writeFileSync(path, text)
  console.log(`wrote ${path.pathname}`)
}
