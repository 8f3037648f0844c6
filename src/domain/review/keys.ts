/**
 * The signing keys a device knows: its own (to sign the reviews it exports) and the reviewers'
 * seen in the reviews it received, by name, so a later review under a known name with another
 * key is flagged rather than taken as theirs. Pure: what to make of a signature.
 */
import { z } from '../zod'
import type { PublicKey } from '../io/sign'
import type { SignatureCheck } from '../files/signature'

/** The device's own signing key, as stored: the private half a CryptoKey no one can read out. */
export interface DeviceKeyRecord {
  id: 'review'
  privateKey: CryptoKey
  publicKey: PublicKey
  fingerprint: string
  createdAt: string
}

/** A reviewer's key seen in a received review: the name as the review gives it, trimmed. */
export const ReviewerKeyRecordSchema = z.object({
  name: z.string().min(1).max(200),
  fingerprint: z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/),
  firstSeen: z.iso.datetime(),
})
export type ReviewerKeyRecord = z.infer<typeof ReviewerKeyRecordSchema>

/**
 * What a signature means on this device: a key seen before under this name, the first key seen
 * for the name, another key than the one(s) seen before, or no signature at all.
 */
export type KeyStanding = 'known' | 'first' | 'different' | 'unsigned'

/** The standing of a review's signature, given the keys this device has seen for its name. */
export function keyStanding(
  check: SignatureCheck,
  seen: readonly ReviewerKeyRecord[],
): KeyStanding {
  if (check.state !== 'signed') return 'unsigned'
  if (!seen.length) return 'first'
  return seen.some((k) => k.fingerprint === check.fingerprint) ? 'known' : 'different'
}
