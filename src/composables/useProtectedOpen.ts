import { nextTick, ref, shallowRef, useTemplateRef } from 'vue'
import type { OpenOutcome } from '@/stores/files'
import { latestTurn } from './latest'

/** What a panel needs of a chosen or dropped file. */
export type ChosenFile = Pick<File, 'name' | 'size' | 'text'>

/** An outcome that is not a request for the passphrase: the file opened, or it was refused. */
export type SettledOutcome = Exclude<OpenOutcome, { ok: 'locked' }>

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
 * `settle` hears every outcome but the request for a passphrase. The panel's passphrase field
 * carries `ref="passphrase-input"`.
 */
export function useProtectedOpen(
  open: (file: ChosenFile, secret?: string) => Promise<OpenOutcome>,
  settle: (file: ChosenFile, outcome: SettledOutcome) => void,
) {
  /** A protected file waiting for its passphrase. */
  const locked = shallowRef<ChosenFile | null>(null)
  const passphrase = ref('')
  const passphraseInput = useTemplateRef<HTMLInputElement>(PASSPHRASE_INPUT)
  const reading = ref<string | null>(null)

  async function focusPassphrase(): Promise<void> {
    passphrase.value = ''
    await nextTick()
    passphraseInput.value?.focus()
  }

  /** Only the latest read's answer is shown. */
  const reads = latestTurn()

  async function openFile(file: ChosenFile, secret?: string): Promise<void> {
    if (secret === undefined) cancel()
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

  return { locked, passphrase, reading, openFile, unlock, cancel }
}
