/**
 * The figures of one `npm run bench`: every row of the printed table, and the named figures the
 * issues ask for, written to bench-results.json as `{ "key": number }` (gitignored).
 */
import { writeFileSync } from 'node:fs'

export interface Row {
  measure: string
  condition: string
  value: string
}

export class BenchResults {
  readonly rows: Row[] = []
  readonly figures: Record<string, number> = {}

  /** Adds a row to the printed table. */
  row(measure: string, condition: string, value: string): void {
    this.rows.push({ measure, condition, value })
  }

  /** Records a named figure for bench-results.json (rounded to 0.1). */
  figure(key: string, value: number): void {
    this.figures[key] = Math.round(value * 10) / 10
  }

  /** Prints the table and writes bench-results.json. */
  finish(file = 'bench-results.json'): void {
    const header = ['measure', 'condition', 'value']
    const cells = [header, ...this.rows.map((r) => [r.measure, r.condition, r.value])]
    const widths = [0, 1, 2].map((c) => Math.max(...cells.map((r) => r[c]!.length)))
    const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
    console.log(line(header))
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
    for (const r of this.rows) console.log(line([r.measure, r.condition, r.value]))
    writeFileSync(file, `${JSON.stringify(this.figures, null, 2)}\n`)
    console.log(`\n${file}: ${Object.keys(this.figures).length} figures`)
  }
}
