/**
 * The CSV template of a standard, read: `readTemplate` reads a filled template (./write says
 * what each column holds) into a standard for the same preview as a paste. Pure: no DOM, no
 * storage; never throws.
 *
 * Three steps, each refusing with the problems it finds, each naming its line: the text into
 * rows of cells (./rows), the rows into lines of a kind under a header (./lines), the lines into
 * a standard (./build); then the standard schema, whose issues are placed on the row the part
 * came from.
 */
import { Standard } from '../../schema'
import { buildStandard, type BuildOptions } from './build'
import { cellsOf } from './cells'
import { linesOf } from './lines'
import { readOrRefuse, Refusal } from '../refusal'
import { templateProblem, templateProblemList, type TemplateProblem } from './problems'
import { rowsOfText } from './rows'

/** Problems reported at most: enough to fix a file, bounded for a hostile one. */
const MAX_PROBLEMS = 200
/** Schema issues reported at most, after the template's own checks found nothing. */
const MAX_SCHEMA_ISSUES = 10

export type TemplateOptions = BuildOptions

export type TemplateResult =
  { ok: true; standard: Standard; judgements: [] } | { ok: false; problems: TemplateProblem[] }

/**
 * Reads a filled template into a standard, checked by the standard schema, or the problems
 * found, each naming its line. `judgements` is empty: a template says what it means, and the
 * one decision the reader takes (an id for a standard without a code) is recorded in the
 * standard's editorial notes.
 */
export function readTemplate(text: string, options: TemplateOptions = {}): TemplateResult {
  return readOrRefuse(
    () => read(typeof text === 'string' ? text : '', options),
    (message) => templateProblem('template-unreadable', { message }, 1),
  )
}

function read(input: string, options: TemplateOptions): TemplateResult {
  const problems = templateProblemList(MAX_PROBLEMS)
  const { lines, headerLine } = linesOf(rowsOfText(input), problems)
  const cells = cellsOf(lines, headerLine, problems)
  const candidate = buildStandard(cells, options)
  const checked = Standard.safeParse(candidate)
  if (checked.success) return { ok: true, standard: checked.data, judgements: [] }
  const lineAt = (path: PropertyKey[]): number => {
    let node: unknown = candidate
    let line = cells.lineOf.get(candidate) ?? headerLine
    for (const key of path) {
      if (node === null || typeof node !== 'object') break
      node = (node as Record<PropertyKey, unknown>)[key]
      if (node !== null && typeof node === 'object') line = cells.lineOf.get(node) ?? line
    }
    return line
  }
  throw new Refusal(
    checked.error.issues
      .slice(0, MAX_SCHEMA_ISSUES)
      .map((issue) =>
        templateProblem(
          'template-invalid',
          { path: issue.path.map(String).join('.'), message: issueText(issue) },
          lineAt(issue.path),
        ),
      ),
  )
}

/** A schema issue as words: a cross-reference check's own problem and names, else zod's. */
function issueText(issue: { message: string; params?: unknown }): string {
  const p = issue.params as { problem?: unknown; params?: Record<string, unknown> } | undefined
  if (p && typeof p.problem === 'string')
    return `${p.problem}${p.params ? `: ${Object.values(p.params).join(', ')}` : ''}`
  return issue.message
}
