/**
 * Item-by-item comparison of two texts of one standard: a bundled file (transcribed from the
 * published text) and the catalogue's conversion of the same standard. Each difference is one
 * line naming its kind and place, so a test can list the ones it allows, each with its reason.
 *
 * Texts are compared as a reader sees them: Unicode compatibility forms folded (／ is /, （ is
 * (), white space ignored.
 */
import type { Standard, Task } from '@/domain/standard/schema'

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

function tasksOf(s: Standard): Map<string, Task> {
  return new Map(s.duties.flatMap((d) => d.tasks.map((t) => [t.code, t] as const)))
}

function compareList(
  out: string[],
  kind: string,
  a: { code: string; text: string }[],
  b: { code: string; text: string }[],
): void {
  const bs = new Map(b.map((i) => [i.code, i.text]))
  const as = new Map(a.map((i) => [i.code, i.text]))
  for (const [code, text] of as) {
    const other = bs.get(code)
    if (other === undefined) out.push(`${kind} missing: ${code}`)
    else if (norm(other) !== norm(text)) out.push(`${kind} text: ${code}`)
  }
  for (const code of bs.keys()) if (!as.has(code)) out.push(`${kind} extra: ${code}`)
}

/** Every difference between the bundled standard and the converted one, one line each. */
export function standardDifferences(bundled: Standard, converted: Standard): string[] {
  const out: string[] = []
  if (bundled.code !== converted.code) out.push(`code: ${bundled.code} / ${converted.code}`)
  if (norm(bundled.title) !== norm(converted.title)) out.push('title')
  if (bundled.level !== converted.level) out.push('level')
  for (const key of ['field', 'occupation'] as const) {
    if (norm(bundled[key].name) !== norm(converted[key].name)) out.push(`${key} name`)
    if (norm(bundled[key].code) !== norm(converted[key].code)) out.push(`${key} code`)
  }
  const industries = (s: Standard) => s.industries.map((i) => `${norm(i.name)} ${i.code}`).join('|')
  if (industries(bundled) !== industries(converted)) out.push('industries')
  if (norm(bundled.description) !== norm(converted.description)) out.push('description')

  compareList(
    out,
    'duty',
    bundled.duties.map((d) => ({ code: d.code, text: d.title })),
    converted.duties.map((d) => ({ code: d.code, text: d.title })),
  )
  const tasks = tasksOf(converted)
  for (const [code, task] of tasksOf(bundled)) {
    const other = tasks.get(code)
    if (!other) {
      out.push(`task missing: ${code}`)
      continue
    }
    if (norm(task.title) !== norm(other.title)) out.push(`task title: ${code}`)
    compareList(
      out,
      'output',
      task.outputs.map((o) => ({ code: o.code, text: o.text })),
      other.outputs.map((o) => ({ code: o.code, text: o.text })),
    )
    compareList(
      out,
      'indicator',
      task.indicators.map((p) => ({ code: p.code, text: p.text })),
      other.indicators.map((p) => ({ code: p.code, text: p.text })),
    )
    for (const p of task.indicators) {
      const q = other.indicators.find((x) => x.code === p.code)
      if (q && q.level !== p.level) out.push(`indicator level: ${p.code}`)
    }
    if (task.knowledge.join() !== other.knowledge.join()) out.push(`task knowledge: ${code}`)
    if (task.skills.join() !== other.skills.join()) out.push(`task skills: ${code}`)
  }
  for (const code of tasks.keys()) if (!tasksOf(bundled).has(code)) out.push(`task extra: ${code}`)

  compareList(out, 'knowledge', bundled.knowledge, converted.knowledge)
  compareList(out, 'skill', bundled.skills, converted.skills)
  compareList(
    out,
    'attitude',
    bundled.attitudes.map((a) => ({ code: a.code, text: `${a.name}：${a.description}` })),
    converted.attitudes.map((a) => ({ code: a.code, text: `${a.name}：${a.description}` })),
  )
  if (bundled.attitudes.some((a) => a.tasks) !== converted.attitudes.some((a) => a.tasks))
    out.push('attitude matrix')
  if (bundled.footnotes.length !== converted.footnotes.length) out.push('footnotes')
  // A footnote mark is { n } or { n, after }; a footnote itself has a text.
  const marks = (s: Standard) =>
    JSON.stringify(s).match(/\{"n":\d+(?:,"after":"(?:[^"\\]|\\.)*")?\}/g)?.length ?? 0
  if (marks(bundled) !== marks(converted)) out.push('footnote marks')
  if (norm(bundled.notes.qualifications.join('')) !== norm(converted.notes.qualifications.join('')))
    out.push('qualifications')
  if (bundled.notes.general.length !== converted.notes.general.length) out.push('general notes')
  if (bundled.notes.supplementary.length !== converted.notes.supplementary.length)
    out.push('supplementary notes')
  if (bundled.versions.length !== converted.versions.length) out.push('version table')
  return out
}
