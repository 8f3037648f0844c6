/**
 * Mistyped output and indicator codes (O2.31 for O2.3.1), judged and corrected in place: the
 * digits of a task's O and P codes must name the task, in order.
 */
import type { Judge } from './judge'
import type { TaskDraft } from './tasks'
import type { RawItem } from './table'
import { cleanText } from '../text'

/**
 * Corrects every O and P code that does not name its task. A well-formed code of another task
 * that this task's item repeats (a task's output printed with the code of the next task's) is a
 * mistake too: the item takes its own task's next code.
 */
export function fixCodes(tasks: TaskDraft[], judge: Judge): void {
  const codesOf = (t: TaskDraft, letter: 'O' | 'P') =>
    letter === 'O' ? t.outputs : t.blocks.flatMap((b) => b.row.cells.indicators)
  for (const t of tasks) {
    const digits = t.item.code.slice(1)
    const fix = (items: RawItem[], letter: 'O' | 'P', word: string) => {
      const expected = new RegExp(`^${letter}${digits.replace('.', '\\.')}\\.\\d+$`)
      const taken = new Set(items.filter((x) => expected.test(x.code)).map((x) => x.code))
      items.forEach((item, i) => {
        if (expected.test(item.code)) return
        const original = item.code
        const owner = /^[OP](\d+\.\d+)\.\d+$/.exec(original)?.[1]
        const repeated = tasks.find(
          (o) =>
            o !== t &&
            o.item.code === `T${owner ?? ''}` &&
            codesOf(o, letter).some((x) => x.code === original),
        )
        let n = i + 1
        if (taken.has(`${letter}${digits}.${n}`)) {
          n = 1
          while (taken.has(`${letter}${digits}.${n}`)) n++
        }
        const proposed = `${letter}${digits}.${n}`
        const text = cleanText(item.raw).text
        const nth = items.length === 1 ? `the only ${word}` : `${word} ${i + 1}`
        item.code = String(
          repeated
            ? judge('code-fixed', `${t.item.code} ${original}`, item.line, proposed, (v) => ({
                where: `${t.item.code} / ${String(v)}`,
                source: `${t.item.code} … ${original} ${text}`,
                decision: `The ${word} code ${original} under task ${t.item.code} repeats the code of an ${word} of task ${repeated.item.code} by mistake; read as ${String(v)} (${nth} of task ${t.item.code}, numbered like every other ${word} ${letter}<duty>.<task>.<n>).`,
              }))
            : judge('code-fixed', original, item.line, proposed, (v) => ({
                where: `${t.item.code} / ${String(v)}`,
                source: `${original} ${text}`,
                decision: `The ${word} code ${original} is a mistyped ${String(v)} (${nth} of task ${t.item.code}, numbered like every other ${word} ${letter}<duty>.<task>.<n>).`,
              })),
        )
        taken.add(item.code)
      })
    }
    fix(t.outputs, 'O', 'output')
    fix(
      t.blocks.flatMap((b) => b.row.cells.indicators),
      'P',
      'indicator',
    )
  }
}
