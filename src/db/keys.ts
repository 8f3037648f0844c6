/**
 * Signing keys in the database: the device's own (made once, the private half a CryptoKey that
 * cannot be exported, so it never leaves this browser; a cleared browser or a new device means
 * a new key) and the reviewers' keys seen in received reviews.
 */
import { getDb } from './db'
import { fingerprintOf, makeSigningKey } from '@/domain/io/sign'
import type { DeviceKeyRecord, ReviewerKeyRecord } from '@/domain/review/keys'

/** The device's signing key, if it has made one. */
export function getDeviceKey(): Promise<DeviceKeyRecord | undefined> {
  return getDb().deviceKeys.get('review')
}

/** The device's signing key, made and stored the first time it is needed. */
export async function deviceKey(): Promise<DeviceKeyRecord> {
  const found = await getDeviceKey()
  if (found) return found
  const key = await makeSigningKey()
  const record: DeviceKeyRecord = {
    id: 'review',
    ...key,
    fingerprint: await fingerprintOf(key.publicKey),
    createdAt: new Date().toISOString(),
  }
  const db = getDb()
  // Two exports at once make one key: the first stored wins, and both sign with it.
  return db.transaction('rw', db.deviceKeys, async () => {
    const first = await db.deviceKeys.get('review')
    if (first) return first
    await db.deviceKeys.add(record)
    return record
  })
}

/** The keys seen for a reviewer's name. */
export function reviewerKeys(name: string): Promise<ReviewerKeyRecord[]> {
  return getDb().reviewerKeys.where('name').equals(name.trim()).toArray()
}

/** Remembers a reviewer's key (nothing if already known). */
export async function rememberReviewerKey(name: string, fingerprint: string): Promise<void> {
  await getDb().reviewerKeys.put({
    name: name.trim(),
    fingerprint,
    firstSeen: new Date().toISOString(),
  })
}
