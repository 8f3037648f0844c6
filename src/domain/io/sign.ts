/**
 * Signatures that say who reviewed: ECDSA on the P-256 curve with SHA-256, through WebCrypto.
 *
 * A supervisor's device makes one key pair and keeps it; its private half cannot be exported
 * (WebCrypto refuses), so it never leaves the device. A file carries the public half and the
 * signature; the receiver shows the public key's fingerprint beside the reviewer's name and
 * remembers it. What a signature proves is that the review was made with that key and not
 * changed since; whose key it is, a person confirms once (the fingerprint), as with any key.
 */
import { z } from '../zod'
import { fromBase64, toBase64 } from './base64'
import { canonicalJson } from './canonical'
import { sha256Hex } from './digest'

export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256'

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const

/** A P-256 public key as a JSON Web Key: only the fields that make the key. */
export const PublicKeySchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
})
export type PublicKey = z.infer<typeof PublicKeySchema>

/** A key pair kept on this device: the private half is a CryptoKey that cannot be exported. */
export interface SigningKey {
  privateKey: CryptoKey
  publicKey: PublicKey
}

/** Makes a device's signing key; its private half can sign but never be read out. */
export async function makeSigningKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify'])
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey)
  return {
    privateKey: pair.privateKey,
    publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' },
  }
}

/**
 * A public key's fingerprint, as a person reads it aloud or compares it: the first 16 hex
 * digits of the SHA-256 of its canonical JSON, in groups of four (3F2A 9C01 77B4 E0D5).
 */
export async function fingerprintOf(key: PublicKey): Promise<string> {
  const hex = (await sha256Hex(canonicalJson({ crv: key.crv, kty: key.kty, x: key.x, y: key.y })))
    .slice(0, 16)
    .toUpperCase()
  return hex.match(/.{4}/g)!.join(' ')
}

/** Signs a text (its UTF-8 bytes) with the device's key: the signature as base64. */
export async function signText(key: CryptoKey, text: string): Promise<string> {
  const signature = await crypto.subtle.sign(SIGN, key, new TextEncoder().encode(text))
  return toBase64(new Uint8Array(signature))
}

/** Whether `signature` was made on `text` by the private half of `publicKey`. Never throws. */
export async function verifyText(
  publicKey: PublicKey,
  text: string,
  signature: string,
): Promise<boolean> {
  const bytes = fromBase64(signature)
  if (!bytes) return false
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { ...publicKey, ext: true },
      ALGORITHM,
      false,
      ['verify'],
    )
    return await crypto.subtle.verify(
      SIGN,
      key,
      bytes as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(text),
    )
  } catch {
    return false
  }
}
