/**
 * From a schema check to file problems, for every file type: each zod issue becomes a problem
 * (a field issue, or the problem a custom check put in its params) at the place its path names
 * in the raw input. Only zod's types are imported, so this module adds no weight of its own.
 */
import type { z } from 'zod'
import {
  failure,
  isProblemCode,
  problem,
  type FieldIssue,
  type FileProblem,
  type Literal,
  type ParseResult,
  type ProblemCode,
  type ProblemParams,
  type ValueType,
} from './problems'
import { placeOf, rawAt, type Layout } from './place'

type Issue = z.core.$ZodIssue

/**
 * The params a custom check gives its issue (`ctx.addIssue({ code: 'custom', path, params })`)
 * so that it arrives as this problem, not as English text.
 */
export function problemParams<C extends ProblemCode>(
  code: C,
  params: ProblemParams[C],
): { problem: C; params: ProblemParams[C] } {
  return { problem: code, params }
}

const TYPES: Record<string, ValueType> = {
  string: 'string',
  number: 'number',
  int: 'integer',
  boolean: 'boolean',
  array: 'list',
  tuple: 'list',
  object: 'object',
  record: 'object',
  null: 'null',
}
const typeOf = (expected: string): ValueType => TYPES[expected] ?? 'value'

const literal = (value: unknown): Literal =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : value === null
      ? null
      : String(value)

const toNumber = (value: number | bigint): number => Number(value)

/** How one issue fails its field; `value` is the raw value the issue is about. */
export function fieldIssueOf(issue: Issue, value: unknown): FieldIssue {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { kind: 'missing' }
      return { kind: 'wrong-type', expected: [typeOf(issue.expected)], values: [] }
    case 'invalid_union': {
      if (value === undefined) return { kind: 'missing' }
      const expected = new Set<ValueType>()
      const values: Literal[] = []
      for (const branch of issue.errors)
        for (const inner of branch.filter((i) => i.path.length === 0)) {
          if (inner.code === 'invalid_type') expected.add(typeOf(inner.expected))
          if (inner.code === 'invalid_value') values.push(...inner.values.map(literal))
        }
      return { kind: 'wrong-type', expected: [...expected], values }
    }
    case 'too_small': {
      const minimum = toNumber(issue.minimum)
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        const of = issue.origin === 'string' ? 'text' : 'list'
        if (minimum <= 1) return { kind: 'empty', of }
        return { kind: 'too-short', minimum, unit: of === 'text' ? 'characters' : 'entries' }
      }
      return {
        kind: 'out-of-range',
        value: typeof value === 'number' ? value : null,
        minimum,
        maximum: null,
      }
    }
    case 'too_big': {
      const maximum = toNumber(issue.maximum)
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        const length =
          typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : null
        const unit = issue.origin === 'string' ? 'characters' : 'entries'
        return { kind: 'too-long', maximum, length, unit }
      }
      return {
        kind: 'out-of-range',
        value: typeof value === 'number' ? value : null,
        minimum: null,
        maximum,
      }
    }
    case 'invalid_format': {
      const format: 'date' | 'datetime' | 'code' | 'other' =
        issue.format === 'date'
          ? 'date'
          : issue.format === 'datetime'
            ? 'datetime'
            : issue.format === 'regex'
              ? 'code'
              : 'other'
      return { kind: 'bad-format', format, value: typeof value === 'string' ? value : null }
    }
    case 'invalid_value':
      if (value === undefined) return { kind: 'missing' }
      return { kind: 'not-allowed', allowed: issue.values.map(literal) }
    case 'unrecognized_keys':
      return { kind: 'unknown-key', keys: issue.keys }
    default:
      return { kind: 'invalid' }
  }
}

/** The problem one issue stands for, placed in the raw input by the file type's layout. */
export function problemOfIssue(issue: Issue, raw: unknown, layout: Layout): FileProblem {
  const place = placeOf(issue.path, raw, layout)
  if (issue.code === 'custom' && isProblemCode(issue.params?.problem)) {
    const params = issue.params.params as ProblemParams[ProblemCode]
    return { code: issue.params.problem, params, place } as FileProblem
  }
  return problem('invalid-field', { issue: fieldIssueOf(issue, rawAt(raw, issue.path)) }, place)
}

/**
 * Checks a raw input (already parsed from JSON and past its cheap guards) against a file
 * type's schema. Never throws: a failure carries every issue as a problem, placed.
 */
export function checkAgainst<T>(
  file: string,
  raw: unknown,
  schema: z.ZodType<T>,
  layout: Layout,
): ParseResult<T> {
  const result = schema.safeParse(raw)
  if (result.success) return { ok: true, value: result.data }
  const [first, ...rest] = result.error.issues.map((issue) => problemOfIssue(issue, raw, layout))
  return first
    ? failure(file, [first, ...rest])
    : failure(file, [problem('invalid-field', { issue: { kind: 'invalid' } })])
}
