import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ASSESSMENT_FILE_SCHEMA_PATH, assessmentFileJsonSchemaText } from '../tools/json-schema'
import { ASSESSMENT_FILE_FORMAT, ASSESSMENT_FILE_VERSION } from '@/domain/files/assessment-file'
import { PROTECTED_FORMAT } from '@/domain/io/protect'

describe('the published JSON Schema of an assessment file', () => {
  it('data/schema/assessment-file.schema.json is generated from the current schema (npm run schema)', () => {
    expect(readFileSync(ASSESSMENT_FILE_SCHEMA_PATH, 'utf8')).toBe(assessmentFileJsonSchemaText())
  })

  it('describes a plain file of this version and a protected one, and no other fields', () => {
    const schema = JSON.parse(assessmentFileJsonSchemaText()) as {
      anyOf: {
        properties: Record<string, { const?: unknown }>
        required: string[]
        additionalProperties: boolean
      }[]
    }
    const [plain, protectedFile] = schema.anyOf
    expect(plain?.properties.format?.const).toBe(ASSESSMENT_FILE_FORMAT)
    expect(plain?.properties.formatVersion?.const).toBe(ASSESSMENT_FILE_VERSION)
    expect(plain?.required).toEqual(
      expect.arrayContaining(['format', 'formatVersion', 'standard', 'assessment', 'integrity']),
    )
    expect(plain?.additionalProperties).toBe(false)
    expect(protectedFile?.properties.format?.const).toBe(PROTECTED_FORMAT)
    expect(protectedFile?.additionalProperties).toBe(false)
  })
})
