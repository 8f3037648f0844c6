/**
 * Says a file problem (src/domain/io/problems.ts) in the interface language: one sentence per
 * problem, the place first in the words of the file's content, e.g.
 * 「主要職責 T2 › 工作任務 T2.1 › 行為指標 P2.1.3：文字不可空白」 or
 * "Duty T2 › task T2.1 › indicator P2.1.3: the text is empty". It takes the locale rather than
 * a bound `t`, because sizes and scale names are written per locale too.
 */
import { translate, type Locale, type MessageKey } from '.'
import { SCALES } from '@/domain/assessment/scales'
import {
  problemsOf,
  type FieldIssue,
  type FieldName,
  type FileFailure,
  type FileProblem,
  type Literal,
  type Place,
  type PlaceStep,
  type RecordKind,
} from '@/domain/io/problems'

/** How many problems of one file a message shows before saying how many more there are. */
export const PROBLEMS_SHOWN = 3

type Params = Record<string, string | number>

const fieldName = (lang: Locale, field: FieldName) =>
  translate(lang, `problems.fields.${field}` satisfies MessageKey)
const recordNoun = (lang: Locale, record: RecordKind) =>
  translate(lang, `problems.records.${record}.noun` satisfies MessageKey)
const quote = (lang: Locale, text: string) => translate(lang, 'problems.quoted', { text })

/** Joins words as "a, b or c" in the locale. */
function joinOr(lang: Locale, words: string[]): string {
  if (words.length <= 1) return words.join('')
  const head = words.slice(0, -1).join(translate(lang, 'problems.listSeparator'))
  return `${head}${translate(lang, 'problems.or')}${words.at(-1)}`
}

function literalText(lang: Locale, value: Literal): string {
  return typeof value === 'string' ? quote(lang, value) : String(value)
}

/** A text value from the file, cut short and quoted, for a sentence. */
function valueText(lang: Locale, value: string): string {
  const chars = [...value.replace(/\s+/g, ' ')]
  return quote(lang, chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join(''))
}

/**
 * A size in bytes as a person reads it: 812 位元組, 40.2 KB, 72.5 MB. Rounded up, so a file
 * just over a limit never reads as the limit itself.
 */
export function formatSize(lang: Locale, bytes: number): string {
  const number = (n: number) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(Math.ceil(n * 10) / 10)
  if (bytes < 1024) return translate(lang, 'problems.units.bytes', { n: number(bytes) })
  if (bytes < 1024 * 1024) return translate(lang, 'problems.units.kb', { n: number(bytes / 1024) })
  return translate(lang, 'problems.units.mb', { n: number(bytes / 1024 / 1024) })
}

function describeStep(lang: Locale, step: PlaceStep): string {
  switch (step.kind) {
    case 'field':
      return fieldName(lang, step.field)
    case 'key':
      return quote(lang, step.key)
    case 'record': {
      const { label } = step
      if ('position' in label)
        return translate(lang, `problems.records.${step.record}.nth` satisfies MessageKey, {
          n: label.position,
        })
      const name = label.quoted ? quote(lang, label.text) : label.text
      return translate(lang, `problems.records.${step.record}.named` satisfies MessageKey, {
        name,
      })
    }
  }
}

/** A place as the steps a person knows: 主要職責 T1 › 工作任務 T1.3 › 行為指標 P1.3.2. */
export function describePlace(place: Place, lang: Locale): string {
  return place
    .map((step) => describeStep(lang, step))
    .join(translate(lang, 'problems.placeSeparator'))
}

function describeFieldIssue(lang: Locale, issue: FieldIssue, field: string): string {
  const say = (key: MessageKey, params: Params = {}) => translate(lang, key, { field, ...params })
  switch (issue.kind) {
    case 'missing':
      return say('problems.field.missing')
    case 'wrong-type': {
      const words = [
        ...issue.expected.map((type) =>
          translate(lang, `problems.types.${type}` satisfies MessageKey),
        ),
        ...issue.values.map((value) => literalText(lang, value)),
      ]
      return say('problems.field.wrongType', { expected: joinOr(lang, words) })
    }
    case 'empty':
      return say(issue.of === 'text' ? 'problems.field.emptyText' : 'problems.field.emptyList')
    case 'too-short':
      return say(
        issue.unit === 'characters' ? 'problems.field.tooShortText' : 'problems.field.tooShortList',
        { minimum: issue.minimum },
      )
    case 'too-long':
      if (issue.length === null) return say('problems.field.tooLongAny', { maximum: issue.maximum })
      return say(
        issue.unit === 'characters' ? 'problems.field.tooLongText' : 'problems.field.tooLongList',
        { length: issue.length, maximum: issue.maximum },
      )
    case 'out-of-range': {
      const high = issue.maximum !== null
      const bound: Params = high
        ? { maximum: issue.maximum ?? '' }
        : { minimum: issue.minimum ?? '' }
      if (issue.value === null)
        return say(high ? 'problems.field.tooHighAny' : 'problems.field.tooLowAny', bound)
      return say(high ? 'problems.field.tooHigh' : 'problems.field.tooLow', {
        ...bound,
        value: issue.value,
      })
    }
    case 'not-allowed':
      return say('problems.field.notAllowed', {
        allowed: joinOr(
          lang,
          issue.allowed.map((value) => literalText(lang, value)),
        ),
      })
    case 'bad-format': {
      if (issue.value === null || issue.format === 'other') return say('problems.field.badFormat')
      const key = (
        {
          date: 'problems.field.badDate',
          datetime: 'problems.field.badDatetime',
          code: 'problems.field.badCode',
        } as const
      )[issue.format]
      return say(key, { value: valueText(lang, issue.value) })
    }
    case 'unknown-key':
      return say('problems.field.unknownKey', {
        keys: issue.keys
          .map((key) => quote(lang, key))
          .join(translate(lang, 'problems.listSeparator')),
      })
    case 'invalid':
      return say('problems.field.invalid')
  }
}

/** What is wrong, without the place. `field` names the field it is about, if any. */
function describeWhat(lang: Locale, p: FileProblem, field: string): string {
  switch (p.code) {
    case 'not-json':
      return p.params.line === null
        ? translate(lang, 'problems.file.notJson')
        : translate(lang, 'problems.file.notJsonAt', {
            line: p.params.line,
            column: p.params.column ?? 1,
          })
    case 'not-an-object':
      return translate(lang, 'problems.file.notAnObject')
    case 'wrong-kind':
      return translate(lang, `problems.file.wrongKind.${p.params.expected}` satisfies MessageKey)
    case 'version-newer':
      return translate(lang, 'problems.file.versionNewer', {
        ...p.params,
        kind: translate(lang, `problems.file.kinds.${p.params.kind}` satisfies MessageKey),
      })
    case 'version-unsupported': {
      const kind = translate(lang, `problems.file.kinds.${p.params.kind}` satisfies MessageKey)
      const { found, supported } = p.params
      return found === null
        ? translate(lang, 'problems.file.versionMissing', { kind, supported })
        : translate(lang, 'problems.file.versionUnsupported', { kind, found, supported })
    }
    case 'too-large':
      return translate(lang, 'problems.file.tooLarge', {
        size: formatSize(lang, p.params.size),
        limit: formatSize(lang, p.params.limit),
      })
    case 'unreadable':
      return translate(lang, 'problems.file.unreadable', p.params)
    case 'zip-not-zip':
      return translate(lang, 'problems.file.zipNotZip')
    case 'zip-damaged':
      return translate(lang, 'problems.file.zipDamaged')
    case 'zip-entry-size':
      return translate(lang, 'problems.file.zipEntrySize')
    case 'zip-encrypted':
      return translate(lang, 'problems.file.zipEncrypted')
    case 'zip-method':
      return translate(lang, 'problems.file.zipMethod', p.params)
    case 'zip-too-many-entries':
      return translate(lang, 'problems.file.zipTooManyEntries', {
        limit: new Intl.NumberFormat(lang).format(p.params.limit),
      })
    case 'zip-batch-too-large':
      return translate(lang, 'problems.file.zipBatchTooLarge', {
        size: formatSize(lang, p.params.size),
        limit: formatSize(lang, p.params.limit),
      })
    case 'invalid-field':
      return describeFieldIssue(lang, p.params.issue, field)
    case 'duplicate':
      return translate(lang, 'problems.file.duplicate', p.params)
    case 'unknown-reference':
      return translate(lang, 'problems.file.unknownReference', {
        name: p.params.name,
        target: recordNoun(lang, p.params.target),
      })
    case 'unused-item':
      return translate(lang, 'problems.file.unusedItem', p.params)
    case 'footnote-missing':
      return translate(lang, 'problems.file.footnoteMissing', p.params)
    case 'footnote-anchor-missing':
      return translate(lang, 'problems.file.footnoteAnchorMissing', p.params)
    case 'footnote-unused':
      return translate(lang, 'problems.file.footnoteUnused', p.params)
    case 'task-outside-duty':
      return translate(lang, 'problems.file.taskOutsideDuty', p.params)
    case 'off-scale': {
      const scale = SCALES[p.params.scale as keyof typeof SCALES]
      return translate(lang, 'problems.file.offScale', {
        value: p.params.value,
        scale: scale ? scale.name[lang] : p.params.scale,
      })
    }
    case 'same-id-as-other-file':
      return translate(lang, 'problems.file.sameIdAsOtherFile', p.params)
    case 'integrity-mismatch':
      return translate(lang, 'problems.file.integrityMismatch')
    case 'protected-failed':
      return translate(lang, 'problems.file.protectedFailed')
    case 'protected-damaged':
      return translate(lang, 'problems.file.protectedDamaged')
    case 'too-deep':
      return translate(lang, 'problems.file.tooDeep', p.params)
    case 'standard-missing': {
      const { title, code, version } = p.params
      const named = [code, version].filter(Boolean).join(' ')
      return translate(lang, 'problems.file.standardMissing', {
        standard: named
          ? translate(lang, 'problems.standardNamed', { title: quote(lang, title), named })
          : quote(lang, title),
      })
    }
    case 'unknown-item':
      return translate(lang, 'problems.file.unknownItem', p.params)
    case 'not-own-assessment':
      return translate(lang, 'problems.file.notOwnAssessment', {
        title: quote(lang, p.params.title),
      })
    case 'no-review':
      return translate(lang, 'problems.file.noReview')
    case 'signature-broken':
      return translate(lang, 'problems.file.signatureBroken', { reviewer: p.params.reviewer })
  }
}

/** What is wrong and where, as it reads after a colon (lower case in English). */
function describeInline(problem: FileProblem, lang: Locale): string {
  let place = problem.place
  let field = translate(lang, 'problems.anyValue')
  const last = place.at(-1)
  if (problem.code === 'invalid-field' && last?.kind === 'field') {
    field = fieldName(lang, last.field)
    place = place.slice(0, -1)
  }
  const what = describeWhat(lang, problem, field)
  if (!place.length) return what
  return `${describePlace(place, lang)}${translate(lang, 'problems.placeEnd')}${what}`
}

/**
 * One problem as one sentence in the locale: the place, then what is wrong. A field problem
 * names its field in the sentence (「…：文字不可空白」), not as the last step of the place.
 */
export function describeProblem(problem: FileProblem, lang: Locale): string {
  const text = describeInline(problem, lang)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * The first few problems as one text that follows a file name and a colon
 * (「x.json：…」, "x.json: …"), and how many more there are.
 */
export function describeProblems(
  problems: FileProblem[],
  lang: Locale,
  limit = PROBLEMS_SHOWN,
): string {
  const shown = problems.slice(0, limit).map((p) => describeInline(p, lang))
  const text = shown.join(translate(lang, 'problems.separator'))
  const more = problems.length - shown.length
  return more > 0 ? `${text}${translate(lang, 'problems.more', { n: more })}` : text
}

/** Everything wrong with a failed file, to follow its name. */
export function describeFailure(failure: FileFailure, lang: Locale): string {
  return describeProblems(problemsOf(failure), lang)
}
