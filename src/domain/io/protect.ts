/**
 * Passphrase protection of a file's text: AES-256-GCM with a key from PBKDF2-SHA-256, a random
 * salt and IV for every file, and every parameter written beside the ciphertext so a later
 * version can still open it. GCM authenticates the ciphertext: a wrong passphrase and a changed
 * byte fail alike, and nothing is returned from a file that fails.
 */
import { fromBase64, toBase64 } from './base64'

export const PROTECTED_FORMAT = 'gaplens-protected'
/** OWASP's floor for PBKDF2-HMAC-SHA256 (2023); files may ask for more. */
export const MIN_ITERATIONS = 600_000
/** A file cannot make the app derive a key for minutes. */
export const MAX_ITERATIONS = 10_000_000
const SALT_BYTES = 16
const IV_BYTES = 12

export interface ProtectedFile {
  format: typeof PROTECTED_FORMAT
  formatVersion: 1
  cipher: 'AES-256-GCM'
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string }
  iv: string
  ciphertext: string
}

async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** Encrypts a text under a passphrase. */
export async function protect(
  text: string,
  passphrase: string,
  iterations = MIN_ITERATIONS,
): Promise<ProtectedFile> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const key = await deriveKey(passphrase, salt, iterations)
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(text),
  )
  return {
    format: PROTECTED_FORMAT,
    formatVersion: 1,
    cipher: 'AES-256-GCM',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(sealed)),
  }
}

export type UnprotectResult =
  | { ok: true; text: string }
  /** The parameters are not ones this app writes or accepts (a damaged or foreign file). */
  | { ok: false; reason: 'bad-parameters' }
  /** The passphrase is wrong, or a byte of the file was changed: GCM cannot tell which. */
  | { ok: false; reason: 'wrong-passphrase-or-changed' }

/** Decrypts a protected file; never throws. */
export async function unprotect(file: ProtectedFile, passphrase: string): Promise<UnprotectResult> {
  const { iterations } = file.kdf
  const salt = fromBase64(file.kdf.salt)
  const iv = fromBase64(file.iv)
  const sealed = fromBase64(file.ciphertext)
  if (
    !Number.isInteger(iterations) ||
    iterations < MIN_ITERATIONS ||
    iterations > MAX_ITERATIONS ||
    salt?.length !== SALT_BYTES ||
    iv?.length !== IV_BYTES ||
    !sealed ||
    sealed.length < 16
  )
    return { ok: false, reason: 'bad-parameters' }
  try {
    const key = await deriveKey(passphrase, salt as Uint8Array<ArrayBuffer>, iterations)
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> },
      key,
      sealed as Uint8Array<ArrayBuffer>,
    )
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) }
  } catch {
    return { ok: false, reason: 'wrong-passphrase-or-changed' }
  }
}
