import { nextTick, ref, shallowRef, useTemplateRef } from 'vue'
import type { OfferedStandard, OpenOutcome } from '@/stores/files'
import type { AddResult } from '@/stores/standards'
import { latestTurn } from './latest'

/** What a panel needs of a chosen or dropped file. */
export type ChosenFile = Pick<File, 'name' | 'size' | 'text'>

/**
 * An outcome that is not a request for the passphrase or the offer of a standard: the file
 * opened, or it was refused.
 */
export type SettledOutcome = Exclude<OpenOutcome, { ok: 'locked' } | { ok: 'offer' }>

/** A file waiting while the person decides whether to add the standard it carries. */
export interface WaitingOffer {
  file: ChosenFile
  offer: OfferedStandard
  /** The passphrase it was opened with, to open it again once the standard is added. */
  secret?: string
}

/** The template ref of the passphrase field. */
const PASSPHRASE_INPUT = 'passphrase-input'

/**
 * Opening one file that may be protected by a passphrase, as the supervisor's and the
 * employee's panels both do it:
 *
 *   - a protected file shows the passphrase form, with the focus in it;
 *   - a wrong passphrase keeps the form, emptied and focused, so it can be typed again without
 *     choosing the file again;
 *   - a file chosen afresh closes the form of the one before at once, until it has been read: a
 *     passphrase typed meanwhile would belong to the old file; only the latest read's answer
 *     opens a form or says a refusal;
 *   - `reading` names the file while it is being read, so the panel can say so and refuse a
 *     second submit.
 *
 *   - a file rated on a standard this device lacks, which the file carries, waits in `offered`
 *     for the person to add the standard (`acceptOffer`, which opens the file again with the
 *     same passphrase) or not (`declineOffer`).
 *
 * `settle` hears every outcome but the request for a passphrase and the offer. The panel's
 * passphrase field carries `ref="passphrase-input"`.
 */
export function useProtectedOpen(
  open: (file: ChosenFile, secret?: string) => Promise<OpenOutcome>,
  settle: (file: ChosenFile, outcome: SettledOutcome) => void,
  addStandard?: (offer: OfferedStandard) => Promise<AddResult>,
) {
  /** A protected file waiting for its passphrase. */
  const locked = shallowRef<ChosenFile | null>(null)
  const passphrase = ref('')
  const passphraseInput = useTemplateRef<HTMLInputElement>(PASSPHRASE_INPUT)
  const reading = ref<string | null>(null)
  const offered = shallowRef<WaitingOffer | null>(null)
  /** Why the offered standard could not be added, if it could not. */
  const offerRefused = shallowRef<Exclude<AddResult, { ok: true }> | null>(null)

  async function focusPassphrase(): Promise<void> {
    passphrase.value = ''
    await nextTick()
    passphraseInput.value?.focus()
  }

  /** Only the latest read's answer is shown. */
  const reads = latestTurn()

  async function openFile(file: ChosenFile, secret?: string): Promise<void> {
    if (secret === undefined) cancel()
    offered.value = null
    offerRefused.value = null
    const isLatest = reads.begin()
    reading.value = file.name
    try {
      const outcome = await open(file, secret)
      // A file chosen meanwhile is what the person looks at now: an older answer would put its
      // form or its refusal beside the newer file's. An older file that opened is still said.
      if (!isLatest()) {
        if (outcome.ok === true) settle(file, outcome)
        return
      }
      if (outcome.ok === 'locked') {
        locked.value = file
        void focusPassphrase()
        return
      }
      if (outcome.ok === 'offer') {
        cancel()
        offered.value = { file, offer: outcome.offer, secret }
        return
      }
      if (outcome.ok === false && secret !== undefined) void focusPassphrase()
      else cancel()
      settle(file, outcome)
    } finally {
      if (isLatest()) reading.value = null
    }
  }

  /** Opens the waiting file with the passphrase typed. */
  function unlock(): void {
    if (locked.value && passphrase.value && !reading.value)
      void openFile(locked.value, passphrase.value)
  }

  /** Closes the passphrase form, forgetting what was typed. */
  function cancel(): void {
    locked.value = null
    passphrase.value = ''
  }

  /** Adds the standard the waiting file carries, then opens the file again. */
  async function acceptOffer(): Promise<void> {
    const waiting = offered.value
    if (!waiting || !addStandard) return
    const added = await addStandard(waiting.offer)
    if (!added.ok) {
      offerRefused.value = added
      return
    }
    offered.value = null
    await openFile(waiting.file, waiting.secret)
  }

  function declineOffer(): void {
    offered.value = null
    offerRefused.value = null
  }

  return {
    locked,
    passphrase,
    reading,
    offered,
    offerRefused,
    openFile,
    unlock,
    cancel,
    acceptOffer,
    declineOffer,
  }
}
