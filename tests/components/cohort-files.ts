/**
 * Assessment files for the cohort import's tests: person n's file on the fixture standard, every
 * item rated with a spread that differs from person to person, sealed as the app exports it.
 */
import { rateableItems } from '@/domain/assessment/items'
import type { AssessmentRecord, ItemResponse } from '@/domain/assessment/records'
import type { ScaleId } from '@/domain/assessment/scales'
import {
  sealAssessmentFile,
  assessmentFileText,
  type AssessmentFile,
} from '@/domain/files/assessment-file'
import { assessmentBlock, fileContent, selfRatingsOf } from '@/domain/files/build'
import { standardContentHash, standardVersion } from '@/domain/standard/identity'
import { makeStandard } from '../fixtures/standard'

export const standard = makeStandard()
const order = rateableItems(standard).map((i) => i.key)
export const AT = '2026-11-24T02:00:00.000Z'
const DEPARTMENTS = ['業務部', '客服部', '企劃部']

/** Person n's file: every item rated, a spread that differs from person to person. */
export async function makeFile(
  n: number,
  options: { scale?: ScaleId; exportedAt?: string; shift?: number } = {},
): Promise<AssessmentFile> {
  const scale = options.scale ?? 'proficiency-5'
  const steps = scale === 'proficiency-5' ? 5 : 6
  const record: AssessmentRecord = {
    id: `assessment-${n}`,
    standardId: standard.id,
    title: `員工${n}・測試職業`,
    subject: {
      name: `員工${n}`,
      employeeId: `E${n}`,
      department: DEPARTMENTS[n % DEPARTMENTS.length]!,
      jobTitle: '專員',
    },
    scaleId: scale,
    targets: { duties: {}, tasks: {} },
    round: 1,
    previousId: null,
    createdAt: AT,
    updatedAt: AT,
    lastItemKey: null,
  }
  const responses = new Map<string, ItemResponse>(
    order.map((key, i) => [
      key,
      {
        rating: i === 3 ? 'na' : ((n + i + (options.shift ?? 0)) % steps) + 1,
        note: '',
        evidence: '',
        updatedAt: AT,
      },
    ]),
  )
  return sealAssessmentFile(
    fileContent(
      {
        id: standard.id,
        code: standard.code,
        version: standardVersion(standard),
        title: standard.title,
        contentHash: await standardContentHash(standard),
      },
      assessmentBlock(record, selfRatingsOf(responses, order)),
      null,
      options.exportedAt ?? AT,
    ),
  )
}

export const fileOf = (file: AssessmentFile, name = `${file.assessment.id}.gaplens.json`) =>
  new File([assessmentFileText(file)], name, { type: 'application/json' })
export const contentOf = ({ integrity: _i, ...content }: AssessmentFile) => content

export async function files(count: number, from = 0): Promise<AssessmentFile[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => makeFile(from + i)))
}
