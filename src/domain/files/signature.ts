/**
 * A review signed by the supervisor who made it. The signature covers what the review says and
 * what it is about: the review block (reviewer, comments, every rating, the plan, its dates)
 * without the signature itself, the employee's assessment id, and the standard rated on (its
 * id and content hash). It does not cover the employee's own ratings, which go on changing on
 * the employee's device after the review, nor the file around it: a signed review stays
 * verifiable in every file that carries it.
 *
 * What this proves, and what it does not, is said in the README: the integrity hash finds
 * accidents; the signature says which key made the review; neither says a person rated honestly.
 */
import type { AssessmentFileContent, ReviewBlock, ReviewSignature } from './assessment-file'
import { canonicalJson } from '../io/canonical'
import {
  SIGNATURE_ALGORITHM,
  fingerprintOf,
  signText,
  verifyText,
  type SigningKey,
} from '../io/sign'

type Signed = Pick<AssessmentFileContent, 'standard' | 'assessment'> & { review: ReviewBlock }

/** The text a review's signature is made over. */
function signedText(file: Signed): string {
  const { signature: _signature, ...review } = file.review
  return canonicalJson({
    purpose: 'gaplens-review-signature',
    assessmentId: file.assessment.id,
    standard: { id: file.standard.id, contentHash: file.standard.contentHash },
    review,
  })
}

/** The review block with the device key's signature. */
export async function signReview(file: Signed, key: SigningKey): Promise<ReviewBlock> {
  const { signature: _old, ...review } = file.review
  const value = await signText(key.privateKey, signedText({ ...file, review }))
  const signature: ReviewSignature = {
    algorithm: SIGNATURE_ALGORITHM,
    publicKey: { ...key.publicKey },
    value,
  }
  return { ...review, signature }
}

/** Where a review's signature leaves it. */
export type SignatureCheck =
  /** Signed with the key of this fingerprint, and unchanged since. */
  | { state: 'signed'; fingerprint: string }
  /** No signature (a review from before signatures, or one a person wrote by hand). */
  | { state: 'unsigned' }
  /** Signed, but the review or what it is about was changed after: not the signer's words. */
  | { state: 'broken'; fingerprint: string }

/** Checks a file's review signature. Never throws. */
export async function checkReviewSignature(file: Signed): Promise<SignatureCheck> {
  const signature = file.review.signature
  if (!signature) return { state: 'unsigned' }
  const fingerprint = await fingerprintOf(signature.publicKey)
  const valid = await verifyText(signature.publicKey, signedText(file), signature.value)
  return valid ? { state: 'signed', fingerprint } : { state: 'broken', fingerprint }
}
