import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, toRaw } from 'vue'
import { getAssessment, loadResponses } from '@/db/assessments'
import { loadPlan, loadReviewPlan } from '@/db/plan'
import { deviceKey, getDeviceKey, rememberReviewerKey, reviewerKeys } from '@/db/keys'
import { signReview } from '@/domain/files/signature'
import { keyStanding, type KeyStanding } from '@/domain/review/keys'
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
import type { CheckedAssessmentFile } from '@/domain/files/read'
import { readAssessmentFile } from '@/workers/read-assessment'
import { protect } from '@/domain/io/protect'
import { checkSize } from '@/domain/io/size'
import { failure, problem, type FileFailure } from '@/domain/io/problems'
import type { ReceivedReviewRecord, ReviewRecord } from '@/domain/review/records'
import { standardContentHash, standardVersion } from '@/domain/standard/identity'
import type { Standard } from '@/domain/standard/schema'
import type { PlanAction } from '@/domain/plan/schema'
import { translate, locale } from '@/i18n'
import '@/i18n/sections/files'
import { useStandardsStore } from './standards'
import { usePlanStore } from './plan'

/** A file to download: its name, its text and its type. */
export interface ExportedFile {
  fileName: string
  text: string
  type: string
}

export type ExportFormat = 'json' | 'csv'

/**
 * A file rated on a standard this device lacks, carrying that standard: what it is, for the
 * person to add it with one confirmation (then the file is opened again).
 */
export interface OfferedStandard {
  file: string
  standard: Standard
}

/** How a file opened: refused with problems, locked, its standard offered, or stored. */
export type OpenOutcome =
  | ({ ok: false } & FileFailure)
  | { ok: 'locked'; file: string }
  | { ok: 'offer'; offer: OfferedStandard }
  | {
      ok: true
      kind: 'review'
      result: ReviewImport
      checked: CheckedAssessmentFile
      /** Items of the standard that differ from this device's copy (null: cannot be told). */
      differing: number | null
    }
  | {
      ok: true
      kind: 'received'
      received: ReceivedReviewRecord
      checked: CheckedAssessmentFile
      differing: number | null
      /** The review's key on this device: seen before for this name, first seen, or another. */
      standing: KeyStanding
    }

/**
 * What a received review's signature means on this device; the first key seen for a reviewer's
 * name is remembered. Another key under a known name is not: the person is shown it, and says
 * whether it is theirs (rememberKey).
 */
async function standingOf(checked: CheckedAssessmentFile): Promise<KeyStanding> {
  const review = checked.file.review
  const check = checked.signature
  if (!review || !check) return 'unsigned'
  const standing = keyStanding(check, await reviewerKeys(review.reviewer.name))
  if (standing === 'first' && check.state === 'signed')
    await rememberReviewerKey(review.reviewer.name, check.fingerprint)
  return standing
}

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
  plan: PlanAction[],
): ReviewBlock {
  return reviewBlock(
    {
      reviewer: review.reviewer,
      comment: review.comment,
      startedAt: review.startedAt,
      updatedAt: review.updatedAt,
      plan,
    },
    ratings,
    order,
  )
}

/**
 * The standard's own JSON when the receiving device may not have it: a standard the person
 * added (the ones the app ships are on every device that runs it).
 */
function bodyOf(
  standard: Standard | undefined,
  added: boolean,
): Record<string, unknown> | undefined {
  return standard && added
    ? (JSON.parse(JSON.stringify(standard)) as Record<string, unknown>)
    : undefined
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
    names: { subject: string; standard: string; suffix?: string },
    passphrase?: string,
  ): Promise<ExportedFile> {
    const at = new Date(content.exportedAt)
    if (format === 'csv')
      return {
        fileName: assessmentFileName(names.subject, names.standard, at, 'csv', names.suffix),
        text: csv(),
        type: 'text/csv;charset=utf-8',
      }
    const text = assessmentFileText(await sealAssessmentFile(content))
    return {
      fileName: assessmentFileName(names.subject, names.standard, at, 'gaplens.json', names.suffix),
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
      const [record, responses, received, plan] = await Promise.all([
        getAssessment(id),
        loadResponses(id),
        getReceivedReview(id),
        loadPlan(id),
      ])
      if (!record) throw new Error(`no assessment ${id}`)
      const standard = standards.get(record.standardId)
      if (!standard) throw new Error(`no standard ${record.standardId}`)
      const order = rateableItems(standard).map((i) => i.key)
      const body = bodyOf(standard, standards.isAdded(standard.id))
      const content = fileContent(
        { ...(await identityOf(standard)), ...(body ? { body } : {}) },
        assessmentBlock(record, selfRatingsOf(responses, order), plan),
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
            plan,
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
      const [review, ratings, plan] = await Promise.all([
        getReview(id),
        loadReviewRatings(id),
        loadReviewPlan(id),
      ])
      if (!review) throw new Error(`no review ${id}`)
      const standard = standards.get(review.standardId)
      const order = standard ? rateableItems(standard).map((i) => i.key) : []
      const unsigned = storedReviewBlock(review, ratings, order, plan)
      // Signed with this device's key: the receiver can tell who reviewed, and that nobody
      // changed the review after (domain/files/signature.ts).
      const block = await signReview(
        { standard: review.standard, assessment: review.assessment, review: unsigned },
        await deviceKey(),
      )
      const body = bodyOf(standard, standards.isAdded(review.standardId))
      const content = fileContent(
        { ...review.standard, ...(body ? { body } : {}) },
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
            plan,
          })
        },
        {
          subject: review.assessment.subject.name,
          standard: review.standard.title,
          suffix: translate(locale.value, 'files.reviewedFileSuffix'),
        },
        passphrase,
      )
    } finally {
      busy.value = false
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
      // Read and checked off the page's thread: a file of 50 MB never holds the page.
      const read = await readAssessmentFile(chosen, toRaw(standards.standards), passphrase)
      if (read.ok === 'offer')
        return { ok: 'offer', offer: { file: read.file, standard: read.standard } }
      if (read.ok !== true) return read
      const standard = standards.get(read.value.standardId)
      if (!standard) throw new Error(`no standard ${read.value.standardId}`)
      const { file, standardDiffers, signature, differing } = read.value
      const checked: CheckedAssessmentFile = { file, standard, standardDiffers, signature }
      if (intent === 'review') {
        const result = await importForReview(checked.file, chosen.name)
        // A newer file may bring a newer draft: the plan open on a page is read again.
        usePlanStore().forget('review', result.review.id)
        return { ok: true, kind: 'review', result, checked, differing }
      }
      const standing = await standingOf(checked)
      const received = await receiveReview(checked.file, chosen.name, standing)
      if (received === 'not-own')
        return failure(chosen.name, [
          problem('not-own-assessment', { title: checked.file.assessment.title }),
        ])
      if (received === 'no-review') return failure(chosen.name, [problem('no-review', {})])
      // The agreed plan has taken the draft's place: a page showing the draft reads it again.
      usePlanStore().forget('assessment', received.assessmentId)
      return { ok: true, kind: 'received', received, checked, differing, standing }
    } finally {
      busy.value = false
    }
  }

  /**
   * Adds the standard a file carried (see OpenOutcome 'offer'), as the standards library adds
   * one, so that the file can be opened again.
   */
  async function addOffered(offer: OfferedStandard) {
    return standards.add(offer.standard, offer.file)
  }

  /** Remembers another key as a reviewer's (a new computer, say), once the person says so. */
  function rememberKey(name: string, fingerprint: string): Promise<void> {
    return rememberReviewerKey(name, fingerprint)
  }

  /** The fingerprint of this device's signing key; null until it has signed a review. */
  async function ownFingerprint(): Promise<string | null> {
    try {
      return (await getDeviceKey())?.fingerprint ?? null
    } catch {
      return null
    }
  }

  return { busy, exportAssessment, exportReview, open, addOffered, rememberKey, ownFingerprint }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFilesStore, import.meta.hot))
