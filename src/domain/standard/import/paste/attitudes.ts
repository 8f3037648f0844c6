/**
 * The attitudes of a pasted standard, below the table: the A items, and the √ matrix of
 * attitudes by task where the standard has one (its header row of task codes, a row of marks
 * per attitude).
 */
import { pasteProblem, type PasteProblem } from './problems'
import type { RawItem } from './table'

/** The attitudes read, and their matrix if the standard has one. */
export interface Attitudes {
  items: RawItem[]
  /** Each attitude's ticked tasks by its code; under '' the matrix's task columns. */
  matrix: Map<string, string[]> | null
  /** The task codes heading the matrix's columns. */
  columns: string[]
  matrixLine: number
  /** The line of the first attitude (or of the section). */
  line: number
}

/** The attitudes between `start` and `end` (0-based line indexes). */
export function readAttitudes(
  lines: string[],
  start: number,
  end: number,
  problems: PasteProblem[],
): Attitudes {
  const items: RawItem[] = []
  let columns: string[] = []
  let matrix: Map<string, string[]> | null = null
  let matrixLine = start + 1
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? ''
    const header = /^\s*(?:T\d+\.\d+[\t ]+)*T\d+\.\d+\s*$/.test(line) && /\t|^\s/.test(line)
    if (header) {
      columns = line.trim().split(/\s+/)
      matrix = new Map([['', columns]])
      matrixLine = i + 1
      continue
    }
    const m = /^\s*(A\d{2,})(.*)$/.exec(line)
    if (!m) continue
    if (line.includes('\t') && matrix) {
      const [, ...marks] = line.split('\t')
      if (marks.length !== columns.length) {
        problems.push(
          pasteProblem(
            'paste-bad-matrix-row',
            { cells: marks.length, expected: columns.length },
            i + 1,
          ),
        )
        continue
      }
      matrix.set(
        m[1] ?? '',
        columns.filter((_, j) => /^[√✓✔vV]$/.test(marks[j]?.trim() ?? '')),
      )
      continue
    }
    items.push({ code: m[1] ?? '', raw: m[2] ?? '', line: i + 1 })
  }
  return { items, matrix, columns, matrixLine, line: items[0]?.line ?? start + 1 }
}
