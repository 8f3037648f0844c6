/**
 * A standard being added: read from a paste, a JSON file or a filled template, previewed with
 * its judgements and the person's corrections, then kept. The readers come with the add page's
 * own script; a seed text reads in a few milliseconds, so every answer reads the text again and
 * the standard and its editorial list always agree.
 */
import { computed, ref, shallowRef, watch } from 'vue'
import type { Standard } from '@/domain/standard/schema'
import {
  parsePastedStandard,
  type Judgement,
  type JudgementAnswer,
} from '@/domain/standard/import/paste'
import { readTemplate } from '@/domain/standard/import/template/read'
import { parseStandardFile } from '@/domain/standard/parse'
import type { FileFailure } from '@/domain/io/problems'
import {
  applyCorrections,
  correctionsOf,
  summarise,
  type Corrections,
  type CorrectionWords,
} from '@/domain/standard/import/draft'
import { useI18n, LOCALES } from '@/i18n'
import { describeFailure } from '@/i18n/problems'
import { describePasteProblem } from '@/i18n/paste-problems'
import { describeTemplateProblem } from '@/i18n/template-problems'
import { useStandardsStore, type AddResult } from '@/stores/standards'

export type DraftKind = 'paste' | 'json' | 'template'

export interface DraftSource {
  kind: DraftKind
  /** The file's name, or the words for a paste. */
  name: string
  text: string
}

/** What reading the source gave: a standard and its judgements, or sentences saying why not. */
type Reading =
  | { ok: true; standard: Standard; judgements: Judgement[] }
  | { ok: false; problems: (() => string)[] }

export function useStandardDraft() {
  const { t, locale } = useI18n()
  const store = useStandardsStore()
  const source = shallowRef<DraftSource | null>(null)
  const answers = ref<Record<string, JudgementAnswer>>({})
  const reading = shallowRef<Reading | null>(null)
  const corrections = ref<Corrections | null>(null)
  const busy = ref(false)
  const saved = shallowRef<Standard | null>(null)
  const refused = shallowRef<(() => string) | null>(null)

  function read(): void {
    const current = source.value
    if (!current) {
      reading.value = null
      return
    }
    let next: Reading
    if (current.kind === 'paste') {
      const r = parsePastedStandard(current.text, {
        answers: answers.value,
        sourceName: current.name,
      })
      next = r.ok
        ? r
        : {
            ok: false,
            problems: r.problems.map((p) => () => describePasteProblem(p, locale.value)),
          }
    } else if (current.kind === 'template') {
      const r = readTemplate(current.text, { sourceName: current.name })
      next = r.ok
        ? r
        : {
            ok: false,
            problems: r.problems.map((p) => () => describeTemplateProblem(p, locale.value)),
          }
    } else {
      const r = parseStandardFile(current.name, current.text)
      next = r.ok
        ? { ok: true, standard: r.value, judgements: [] }
        : { ok: false, problems: [() => describeFailure(r, locale.value)] }
    }
    // Corrections start from what was read, and survive a changed answer to a judgement.
    if (next.ok && !corrections.value) corrections.value = correctionsOf(next.standard)
    reading.value = next
  }

  /** Reads a new source: earlier answers, corrections and messages are dropped. */
  function open(next: DraftSource): void {
    source.value = next
    answers.value = {}
    corrections.value = null
    saved.value = null
    refused.value = null
    return read()
  }

  function answer(id: string, value: JudgementAnswer): void {
    answers.value = { ...answers.value, [id]: { ...answers.value[id], ...value } }
  }
  watch(answers, read, { deep: true })

  function discard(): void {
    source.value = null
    reading.value = null
    corrections.value = null
    answers.value = {}
    refused.value = null
  }

  const words = computed<CorrectionWords>(() => ({
    lang: LOCALES.find((l) => l.code === locale.value)?.htmlLang ?? locale.value,
    field: (name) => t(`library.preview.fields.${name}`),
    decision: (value) => t('library.preview.corrected', { value }),
    none: t('library.preview.none'),
  }))

  /** The standard as it would be kept: corrections applied and checked by the one reader. */
  const result = computed(() => {
    const r = reading.value
    if (!r?.ok || !corrections.value) return null
    return applyCorrections(r.standard, corrections.value, words.value, source.value?.name)
  })
  const summary = computed(() => (result.value?.ok ? summarise(result.value.value) : null))
  const invalid = computed<FileFailure | null>(() =>
    result.value && !result.value.ok ? result.value : null,
  )

  /** Keeps the previewed standard on this device. */
  async function save(): Promise<AddResult | null> {
    const r = result.value
    if (!r?.ok || !source.value) return null
    busy.value = true
    const file = source.value.kind === 'json' ? source.value.name : `${r.value.id}.json`
    const outcome = await store.add(r.value, file)
    busy.value = false
    if (outcome.ok) {
      saved.value = r.value
      discard()
    } else if (outcome.reason === 'same-id') {
      const title = outcome.title
      refused.value = () => t('library.sameId', { title })
    } else refused.value = () => t('library.storage')
    return outcome
  }

  return {
    source,
    reading,
    answers,
    corrections,
    result,
    summary,
    invalid,
    busy,
    saved,
    refused,
    open,
    answer,
    discard,
    save,
  }
}
