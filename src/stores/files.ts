import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { getAssessment, loadResponses } from '@/db/assessments'
import {
  getReceivedReview,
  getReview,
  importForReview,
  loadReviewRatings,
  receiveReview,
  type ReviewImport,
} from '@/db/reviews'
import { rateableItems } from '@/domain/assessment/items'
import { getScale } from '@/domain/assessment/scales'
import type { ItemResponse } from '@/domain/assessment/records'
import {
  MAX_ASSESSMENT_FILE_BYTES,
  assessmentFileText,
  sealAssessmentFile,
  type AssessmentFileContent,
  type ReviewBlock,
} from '@/domain/files/assessment-file'
import { assessmentCsv } from '@/domain/files/assessment-csv'
import {
  assessmentBlock,
  assessmentFileName,
  fileContent,
  reviewBlock,
  selfRatingsOf,
  type StandardIdentity,
} from '@/domain/files/build'
import { readAssessmentText, type CheckedAssessmentFile } from '@/domain/files/read'
import { protect } from '@/domain/io/protect'
import { checkSize } from '@/domain/io/size'
import { failure, problem, type FileFailure } from '@/domain/io/problems'
import type { ReceivedReviewRecord, ReviewRecord } from '@/domain/review/records'
import { standardContentHash, standardVersion } from '@/domain/standard/identity'
import type { Standard } from '@/domain/standard/schema'
import { useStandardsStore } from './standards'

/** A file to download: its name, its text and its type. */
export interface ExportedFile {
  fileName: string
  text: string
  type: string
}

export type ExportFormat = 'json' | 'csv'

/** How a file opened: refused with problems, locked, or stored. */
export type OpenOutcome =
  | ({ ok: false } & FileFailure)
  | { ok: 'locked'; file: string }
  | { ok: true; kind: 'review'; result: ReviewImport; checked: CheckedAssessmentFile }
  | { ok: true; kind: 'received'; received: ReceivedReviewRecord; checked: CheckedAssessmentFile }

const hashes = new WeakMap<Standard, Promise<string>>()
/** A standard's content hash, worked out once per loaded standard. */
function hashOf(standard: Standard): Promise<string> {
  let hash = hashes.get(standard)
  if (!hash) {
    hash = standardContentHash(standard)
    hashes.set(standard, hash)
  }
  return hash
}

async function identityOf(standard: Standard): Promise<StandardIdentity> {
  return {
    id: standard.id,
    code: standard.code,
    version: standardVersion(standard),
    title: standard.title,
    contentHash: await hashOf(standard),
  }
}

/** A review block as a file carries it, from what this device stores. */
function storedReviewBlock(
  review: ReviewRecord,
  ratings: Map<
    string,
    { rating: ReviewBlock['ratings'][number]['rating']; comment: string; updatedAt: string }
  >,
  order: string[],
): ReviewBlock {
  return reviewBlock(
    {
      reviewer: review.reviewer,
      comment: review.comment,
      startedAt: review.startedAt,
      updatedAt: review.updatedAt,
    },
    ratings,
    order,
  )
}

/**
 * Assessment files in and out: an employee's export (JSON, protected if they want, or CSV),
 * a supervisor's export of their review, and the one way in for either, which checks a file in
 * full before anything is stored.
 */
export const useFilesStore = defineStore('files', () => {
  const standards = useStandardsStore()
  /** The file being read or written, for the page to say so. */
  const busy = ref(false)

  async function finish(
    content: AssessmentFileContent,
    format: ExportFormat,
    csv: () => string,
    names: { subject: string; standard: string },
    passphrase?: string,
  ): Promise<ExportedFile> {
    const at = new Date(content.exportedAt)
    if (format === 'csv')
      return {
        fileName: assessmentFileName(names.subject, names.standard, at, 'csv'),
        text: csv(),
        type: 'text/csv;charset=utf-8',
      }
    const text = assessmentFileText(await sealAssessmentFile(content))
    return {
      fileName: assessmentFileName(names.subject, names.standard, at),
      text: passphrase ? `${JSON.stringify(await protect(text, passphrase), null, 2)}\n` : text,
      type: 'application/json',
    }
  }

  /** The employee's file of one of their assessments, with any review it came back with. */
  async function exportAssessment(
    id: string,
    format: ExportFormat,
    passphrase?: string,
  ): Promise<ExportedFile> {
    busy.value = true
    try {
      await standards.load()
      const [record, responses, received] = await Promise.all([
        getAssessment(id),
        loadResponses(id),
        getReceivedReview(id),
      ])
      if (!record) throw new Error(`no assessment ${id}`)
      const standard = standards.get(record.standardId)
      if (!standard) throw new Error(`no standard ${record.standardId}`)
      const order = rateableItems(standard).map((i) => i.key)
      const content = fileContent(
        await identityOf(standard),
        assessmentBlock(record, selfRatingsOf(responses, order)),
        received?.review ?? null,
        new Date().toISOString(),
      )
      const reviewRatings = new Map(received?.review.ratings.map((r) => [r.item, r]) ?? [])
      return await finish(
        content,
        format,
        () =>
          assessmentCsv({
            standard,
            version: standardVersion(standard),
            scale: getScale(record.scaleId),
            targets: record.targets,
            responses,
            review: received
              ? {
                  rating: (key) => reviewRatings.get(key)?.rating,
                  comment: (key) => reviewRatings.get(key)?.comment ?? '',
                }
              : null,
          }),
        { subject: record.subject.name, standard: standard.title },
        passphrase,
      )
    } finally {
      busy.value = false
    }
  }

  /** The supervisor's file: the employee's self-assessment as received, and the review. */
  async function exportReview(
    id: string,
    format: ExportFormat,
    passphrase?: string,
  ): Promise<ExportedFile> {
    busy.value = true
    try {
      await standards.load()
      const [review, ratings] = await Promise.all([getReview(id), loadReviewRatings(id)])
      if (!review) throw new Error(`no review ${id}`)
      const standard = standards.get(review.standardId)
      const order = standard ? rateableItems(standard).map((i) => i.key) : []
      const block = storedReviewBlock(review, ratings, order)
      const content = fileContent(
        review.standard,
        review.assessment,
        block,
        new Date().toISOString(),
      )
      const self = new Map<string, ItemResponse>(review.assessment.ratings.map((r) => [r.item, r]))
      return await finish(
        content,
        format,
        () => {
          if (!standard) throw new Error(`no standard ${review.standardId}`)
          return assessmentCsv({
            standard,
            version: review.standard.version,
            scale: getScale(review.assessment.scale),
            targets: review.assessment.targets,
            responses: self,
            review: {
              rating: (key) => ratings.get(key)?.rating,
              comment: (key) => ratings.get(key)?.comment ?? '',
            },
          })
        },
        { subject: review.assessment.subject.name, standard: review.standard.title },
        passphrase,
      )
    } finally {
      busy.value = false
    }
  }

  const catalogue = async () => (await import('./catalogue')).useCatalogueStore()

  /**
   * A file rated on a standard of the catalogue that this device has not opened: the standard
   * is read from the catalogue first, so the file's check finds it. (A protected file names its
   * standard inside the encrypted text: that one must have been opened before.)
   */
  async function ensureNamedStandard(text: string): Promise<void> {
    try {
      const id = (JSON.parse(text) as { standard?: { id?: unknown } }).standard?.id
      if (typeof id === 'string' && !standards.get(id)) await (await catalogue()).ensure(id)
    } catch {
      // Not JSON: the file's own check says so.
    }
  }

  /**
   * Opens a file a person chose: size first, then the text, then the full check; stores it only
   * if every check passed. 'review': a supervisor opens an employee's file; 'receive': an
   * employee opens the file their supervisor sent back. A protected file without a passphrase
   * comes back 'locked', and nothing is read further.
   */
  async function open(
    chosen: Pick<File, 'name' | 'size' | 'text'>,
    intent: 'review' | 'receive',
    passphrase?: string,
  ): Promise<OpenOutcome> {
    const tooLarge = checkSize(chosen, MAX_ASSESSMENT_FILE_BYTES)
    if (tooLarge) return tooLarge
    busy.value = true
    try {
      await standards.load()
      let text: string
      try {
        text = await chosen.text()
      } catch (error) {
        return failure(chosen.name, [
          problem('unreadable', { detail: error instanceof Error ? error.message : String(error) }),
        ])
      }
      await ensureNamedStandard(text)
      const read = await readAssessmentText(
        chosen.name,
        text,
        (id) => standards.get(id),
        hashOf,
        passphrase,
      )
      if (read.ok !== true) return read
      const checked = read.value
      if (standards.opened.has(checked.file.standard.id))
        await (await catalogue()).keep(checked.file.standard.id)
      if (intent === 'review') {
        const result = await importForReview(checked.file, chosen.name)
        return { ok: true, kind: 'review', result, checked }
      }
      const received = await receiveReview(checked.file, chosen.name)
      if (received === 'not-own')
        return failure(chosen.name, [
          problem('not-own-assessment', { title: checked.file.assessment.title }),
        ])
      if (received === 'no-review') return failure(chosen.name, [problem('no-review', {})])
      return { ok: true, kind: 'received', received, checked }
    } finally {
      busy.value = false
    }
  }

  return { busy, exportAssessment, exportReview, open }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFilesStore, import.meta.hot))
