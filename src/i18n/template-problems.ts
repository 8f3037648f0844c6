/**
 * Says a problem of a filled CSV template (src/domain/standard/import/template/problems.ts) in
 * the interface language: one sentence, the line first, then the row in the standard's own
 * words, e.g. 「第 12 行：行為指標 P1.2.3 的職能級別「9」不在 1 到 6 之間。」 or
 * "Line 12: the competency level “9” of indicator P1.2.3 is not between 1 and 6."
 */
import { translate, type Locale, type MessageKey } from '.'
import './sections/template'
import type { TemplateKind } from '@/domain/standard/import/template/format'
import type { TemplateProblem } from '@/domain/standard/import/template/problems'

const kindWord = (lang: Locale, kind: TemplateKind) =>
  translate(lang, `template.kinds.${kind}` satisfies MessageKey)

/** A row as a person names it: 「行為指標 P1.2.3」, "indicator P1.2.3". */
const thing = (lang: Locale, kind: TemplateKind, code: string) =>
  translate(lang, 'template.named', { kind: kindWord(lang, kind), code }).trim()

/** What is wrong, without the line. */
function describeWhat(problem: TemplateProblem, lang: Locale): string {
  const say = (params: Record<string, string | number> = {}) =>
    translate(lang, `template.problems.${problem.code}` satisfies MessageKey, params)
  switch (problem.code) {
    case 'template-missing-value':
    case 'template-unknown-duty':
    case 'template-unknown-task': {
      const { kind, code, ...rest } = problem.params
      return say({ ...rest, thing: thing(lang, kind, code) })
    }
    case 'template-bad-level': {
      const { kind, code, value } = problem.params
      if (kind === 'standard') return translate(lang, 'template.badStandardLevel', { value })
      return say({ value, thing: thing(lang, kind, code) })
    }
    case 'template-unknown-kind':
      return problem.params.kind === ''
        ? translate(lang, 'template.emptyKind')
        : say(problem.params)
    case 'template-bad-code':
      return say({ value: problem.params.value, kind: kindWord(lang, problem.params.kind) })
    case 'template-missing-row':
      return say({ kind: kindWord(lang, problem.params.kind) })
    case 'template-repeated-row':
      return say({ kind: kindWord(lang, problem.params.kind), first: problem.params.first })
    default:
      return say(problem.params as Record<string, string | number>)
  }
}

/** One problem as one sentence in the locale: the line, then what is wrong. */
export function describeTemplateProblem(problem: TemplateProblem, lang: Locale): string {
  return translate(lang, 'template.line', { line: problem.line, what: describeWhat(problem, lang) })
}
