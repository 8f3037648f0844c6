/**
 * The last step of reading a paste: the header's values and the id (judged for a standard
 * without a code), the editorial list in the bundled files' order, and the standard put
 * together and checked by the standard schema, its issues placed on the line of the code they
 * concern.
 */
import { Standard, type EditorialNote } from '../../schema'
import type { Header } from './header'
import type { Judge } from './judge'
import { KIND_ORDER, type Judgement } from './judgements'
import { Refusal } from '../refusal'
import { pasteProblem, type PasteProblem } from './problems'
import { shortHash } from '../text'

export const SOURCE_SUFFIX = '勞動部勞動力發展署 iCAP 職能發展應用平台'

/** The standard's name and classifications; a field missing from the header is a problem. */
export function identityOf(header: Header, judge: Judge, problems: PasteProblem[]) {
  for (const field of ['title', 'description', 'field', 'occupation'] as const)
    if (header[field] === null) problems.push(pasteProblem('paste-missing-field', { field }, 1))
  if (header.industriesUnpaired)
    problems.push(
      pasteProblem('paste-industries-unpaired', header.industriesUnpaired, header.industriesLine),
    )
  else if (header.industries.length === 0)
    problems.push(pasteProblem('paste-missing-field', { field: 'industry' }, 1))
  const field = header.field ?? { name: '', code: '' }
  const occupation = header.occupation ?? { name: '', code: '' }
  const title = header.title ?? ''
  let id = header.code ?? ''
  if (header.code === null) {
    const proposed =
      `${field.code}${occupation.code}-${shortHash(title)}`.replace(/[^A-Za-z0-9._-]/g, '') ||
      `standard-${shortHash(title)}`
    id = String(
      judge('no-code', 'id', header.codeLine, proposed, (v) => ({
        where: 'id, code',
        source: '職能基準代碼 (empty)',
        decision: `The standard has no code yet: code is null, and the file id ${String(v)} is GapLens’s own, built from its field (${field.code}) and occupation (${occupation.code}) codes. It is not an iCAP code.`,
      })),
    )
  }
  return { id, title, field, occupation }
}

/**
 * The judgements in the editorial list's order (kind by kind, as the bundled files have them),
 * and the editorial list: their entries, each of the person's own notes placed before the
 * judgement it names, or at the end.
 */
export function editorialList(
  judged: Judgement[],
  own: { note: EditorialNote; before?: string }[],
): { ordered: Judgement[]; editorial: EditorialNote[] } {
  const ordered = [...judged].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  )
  const editorial: EditorialNote[] = []
  for (const j of ordered) {
    for (const n of own) if (n.before === j.id) editorial.push(n.note)
    if (j.note) editorial.push(j.note)
  }
  const ids = new Set(ordered.map((j) => j.id))
  for (const n of own) if (n.before === undefined || !ids.has(n.before)) editorial.push(n.note)
  return { ordered, editorial }
}

/** How the source document is named: the heading and code, and where it is published. */
export function sourceDocument(header: Header, title: string): string {
  const heading = header.heading ?? `${title}職能基準`
  return header.code
    ? `${heading} ${header.code}（${SOURCE_SUFFIX}）`
    : `${heading}（尚無職能基準代碼；${SOURCE_SUFFIX}）`
}

/**
 * The standard checked by the schema, or a refusal (thrown) with each issue at the line of the
 * nearest code on its path (`lines`), else at `tableLine`.
 */
export function checkStandard(
  candidate: Record<string, unknown>,
  lines: Map<string, number>,
  tableLine: number,
): Standard {
  const checked = Standard.safeParse(candidate)
  if (checked.success) return checked.data
  const lineOf = (path: PropertyKey[]): number => {
    let node: unknown = candidate
    let line = tableLine
    for (const key of path) {
      if (node === null || typeof node !== 'object') break
      node = (node as Record<PropertyKey, unknown>)[key]
      const code = node && typeof node === 'object' ? (node as { code?: unknown }).code : undefined
      if (typeof code === 'string' && lines.has(code)) line = lines.get(code) ?? line
    }
    return line
  }
  throw new Refusal(
    checked.error.issues.map((issue) =>
      pasteProblem(
        'paste-invalid',
        { path: issue.path.map(String).join('.'), message: issue.message },
        lineOf(issue.path),
      ),
    ),
  )
}
