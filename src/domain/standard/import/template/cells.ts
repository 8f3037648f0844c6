/**
 * A line's cells read as the standard needs them: a value that must be there, a code of the
 * row's kind (unique across duties, tasks, outputs, indicators and items, as in the schema), a
 * level, a date, a list of codes. Each problem names the row's line, and each part of the
 * standard remembers its line, so a schema issue found later can be placed.
 */
import type { TemplateColumn, TemplateKind } from './format'
import type { Line } from './lines'
import { templateProblem, type TemplateProblemList } from './problems'

const PATTERNS: Partial<Record<TemplateKind, RegExp>> = {
  duty: /^T\d+$/,
  task: /^T\d+\.\d+$/,
  output: /^O\d+\.\d+\.\d+$/,
  indicator: /^P\d+\.\d+\.\d+$/,
  knowledge: /^K\d{2,}$/,
  skill: /^S\d{2,}$/,
  attitude: /^A\d{2,}$/,
}
export const TASK_CODE = /^T\d+\.\d+$/
export const ITEM_CODE = /^[KSA]\d{2,}$/
export const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

/** A code as a person may type it: full-width letters and lower case made the standard's. */
export const normCode = (raw: string) => raw.normalize('NFKC').trim().toUpperCase()
/** The codes of a list cell, split at spaces, commas or semicolons (full-width too). */
export const listOf = (raw: string) =>
  raw
    .normalize('NFKC')
    .split(/[\s,;、，；]+/)
    .filter((t) => t !== '')

/** A version date as the schema keeps it, from ISO or Excel's 2024/12/15; '' for none. */
export function dateOf(raw: string): string | null {
  if (raw === '') return ''
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.normalize('NFKC').trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The readers of a template's lines, sharing its problems and the lines of what they read. */
export interface Cells {
  problems: TemplateProblemList
  /** The header's line, for a row that is missing. */
  headerLine: number
  /** The lines of a kind, in order. */
  of: (kind: TemplateKind) => Line[]
  /** A cell the row's kind needs; '' (and a problem) where it is empty. */
  need: (l: Line, column: TemplateColumn) => string
  /** The one row of a kind (a problem for each repeat, and for none when it is required). */
  once: (kind: TemplateKind, required: boolean) => Line | null
  /** The level cell, 1–6; 0 (and a problem) for another value or none. */
  levelOf: (l: Line, code: string) => number
  /** The row's code in the standard's form, or null (and a problem) if bad or repeated. */
  codeOf: (l: Line) => string | null
  /** Records the line a part of the standard came from. */
  at: <T extends object>(value: T, l: Line) => T
  /** The line each recorded part came from, to place the schema's issues. */
  lineOf: Map<object, number>
}

/** The cell readers of these lines. */
export function cellsOf(lines: Line[], headerLine: number, problems: TemplateProblemList): Cells {
  const add = problems.add
  const of = (kind: TemplateKind) => lines.filter((l) => l.kind === kind)
  const nameOf = (l: Line) => l.get('code') || l.get('title') || l.get('text').slice(0, 20)

  const need = (l: Line, column: TemplateColumn): string => {
    const value = l.get(column)
    if (value === '')
      add(
        templateProblem(
          'template-missing-value',
          { kind: l.kind, code: nameOf(l), column },
          l.line,
        ),
      )
    return value
  }
  const once = (kind: TemplateKind, required: boolean): Line | null => {
    const found = of(kind)
    if (found.length === 0 && required)
      add(templateProblem('template-missing-row', { kind }, headerLine))
    found
      .slice(1)
      .forEach((l) =>
        add(templateProblem('template-repeated-row', { kind, first: found[0]!.line }, l.line)),
      )
    return found[0] ?? null
  }
  const levelOf = (l: Line, code: string): number => {
    const raw = need(l, 'level')
    if (raw === '') return 0
    const value = raw.normalize('NFKC').trim()
    const n = /^\d+(\.0+)?$/.test(value) ? Number.parseInt(value, 10) : NaN
    if (!(n >= 1 && n <= 6)) {
      add(templateProblem('template-bad-level', { kind: l.kind, code, value: raw }, l.line))
      return 0
    }
    return n
  }

  // Codes of duties, tasks, outputs, indicators and items share one namespace, as in the schema.
  const firstLine = new Map<string, number>()
  const codeOf = (l: Line): string | null => {
    const raw = need(l, 'code')
    if (raw === '') return null
    const code = normCode(raw)
    if (!PATTERNS[l.kind]!.test(code)) {
      add(templateProblem('template-bad-code', { kind: l.kind, value: raw }, l.line))
      return null
    }
    const first = firstLine.get(code)
    if (first !== undefined) {
      add(templateProblem('template-duplicate-code', { code, first }, l.line))
      return null
    }
    firstLine.set(code, l.line)
    return code
  }

  const lineOf = new Map<object, number>()
  const at = <T extends object>(value: T, l: Line): T => {
    lineOf.set(value, l.line)
    return value
  }
  return { problems, headerLine, of, need, once, levelOf, codeOf, at, lineOf }
}
