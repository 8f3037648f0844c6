/**
 * Writes data/schema/standard.schema.json from the zod schema, the single source of truth.
 * Run with `npm run schema`; a unit test fails while the checked-in file is out of date.
 */
import { writeFileSync } from 'node:fs'
import { standardJsonSchemaText, STANDARD_SCHEMA_PATH } from './json-schema'

writeFileSync(STANDARD_SCHEMA_PATH, standardJsonSchemaText())
console.log(`wrote ${STANDARD_SCHEMA_PATH.pathname}`)
