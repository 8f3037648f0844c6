/** @vitest-environment happy-dom */
/**
 * A signed review on two devices, through the stores: the supervisor's device signs with a key
 * it made and keeps; the employee's device shows the key's fingerprint and remembers it for the
 * reviewer's name; a later review under that name with another key is flagged, not taken.
 */
import { describe, expect, it } from 'vitest'
import { getDeviceKey } from '@/db/keys'
import { getReceivedReview, updateReview } from '@/db/reviews'
import { useAssessmentsStore } from '@/stores/assessments'
import { useFilesStore } from '@/stores/files'
import { useReviewsStore } from '@/stores/reviews'
import { device, fileOf, use, type Device } from './devices'

/** The supervisor's device reviews the employee's file and sends back its signed review. */
async function reviewOn(supervisor: Device, sent: Awaited<ReturnType<typeof send>>) {
  use(supervisor)
  const opened = await useReviewsStore().openFile(fileOf(sent))
  if (opened.ok !== true || opened.kind !== 'review') throw new Error('not opened for review')
  await updateReview(opened.result.review.id, { reviewer: { name: '陳主管', jobTitle: '經理' } })
  return useFilesStore().exportReview(opened.result.review.id, 'json')
}

async function send(employee: Device, id: string) {
  use(employee)
  return useFilesStore().exportAssessment(id, 'json')
}

describe('a signed review between two devices', () => {
  it('is signed with a key the supervisor device keeps; the employee device remembers it, and flags another key under the same name', async () => {
    const employee = await device()
    const record = await useAssessmentsStore().create({
      standardId: 'TST1234-001v1',
      scaleId: 'proficiency-5',
      subject: { name: '王小明', employeeId: '', department: '', jobTitle: '' },
    })
    const sent = await send(employee, record.id)

    const supervisor = await device()
    const back = await reviewOn(supervisor, sent)
    const key = await getDeviceKey()
    expect(key?.privateKey.extractable).toBe(false)
    expect(JSON.parse(back.text).review.signature.publicKey).toEqual(key?.publicKey)

    use(employee)
    const first = await useFilesStore().open(fileOf(back), 'receive')
    if (first.ok !== true || first.kind !== 'received') throw new Error('not received')
    expect(first.standing).toBe('first')
    expect((await getReceivedReview(record.id))?.signer).toEqual({
      fingerprint: key?.fingerprint,
      standing: 'first',
    })
    // The same key again: known.
    const second = await reviewOn(supervisor, sent)
    use(employee)
    const again = await useFilesStore().open(fileOf(second), 'receive')
    expect(again.ok === true && again.kind === 'received' && again.standing).toBe('known')

    // A review under the same name from a device with another key (a new computer, or not the
    // same person): flagged, and not remembered until the person says so.
    const other = await device()
    const fromOther = await reviewOn(other, sent)
    const otherKey = await getDeviceKey()
    use(employee)
    const flagged = await useFilesStore().open(fileOf(fromOther), 'receive')
    expect(flagged.ok === true && flagged.kind === 'received' && flagged.standing).toBe('different')
    const still = await useFilesStore().open(fileOf(fromOther), 'receive')
    expect(still.ok === true && still.kind === 'received' && still.standing).toBe('different')
    await useFilesStore().rememberKey('陳主管', otherKey!.fingerprint)
    const now = await useFilesStore().open(fileOf(fromOther), 'receive')
    expect(now.ok === true && now.kind === 'received' && now.standing).toBe('known')
  })
})
