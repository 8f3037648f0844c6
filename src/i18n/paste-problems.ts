/**
 * Says a problem of a pasted standard text (src/domain/standard/import/paste/problems.ts) in the
 * interface language, its line first: 「第 12 行：級別「9」不在 1 到 6 之間」.
 */
import { translate, type Locale, type MessageKey } from '.'
import type { PasteProblem } from '@/domain/standard/import/paste/problems'
import './sections/library'

export function describePasteProblem(p: PasteProblem, lang: Locale): string {
  const params: Record<string, string | number> = { ...p.params }
  if (p.code === 'paste-missing-field')
    params.field = translate(lang, `library.pasteFields.${p.params.field}` satisfies MessageKey)
  if (p.code === 'paste-code-misplaced')
    params.column = translate(lang, `library.pasteColumns.${p.params.column}` satisfies MessageKey)
  for (const key of ['limit', 'length'] as const)
    if (typeof params[key] === 'number')
      params[key] = new Intl.NumberFormat(lang).format(params[key] as number)
  const line = translate(lang, 'library.line', { line: p.line })
  return `${line}${translate(lang, `library.problems.${p.code}` satisfies MessageKey, params)}`
}
