/**
 * A standard pasted from its published text keeps the standard's order: its K and S lists
 * follow their codes, whatever order the tasks first name them in, so the same standard pasted
 * and opened as a file is one text with one content hash.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Standard } from '@/domain/standard/schema'
import { parsePastedStandard } from '@/domain/standard/import/paste'
import { standardContentHash } from '@/domain/standard/identity'
import { codeOrder } from '@/domain/lists'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')
const SEED = read('../../../shared/seeds/000_cfa054c06da8b3b9.txt')
const BUNDLED = JSON.parse(read('../../data/standards/TTM4221-002v4.json')) as Standard

/** K01 ↔ K27, K02 ↔ K26 …, and the same for S: every task names its codes out of order. */
function reversed(code: string): string {
  const kind = code[0] as 'K' | 'S'
  const last = kind === 'K' ? BUNDLED.knowledge.length : BUNDLED.skills.length
  return `${kind}${String(last + 1 - Number(code.slice(1))).padStart(2, '0')}`
}
const renumber = (text: string) => text.replace(/\b[KS]\d{2}\b/g, reversed)

/** The bundled file with its K and S items renumbered the same way, each list by code. */
function renumberedFile(): Standard {
  const byCode = <T extends { code: string }>(list: T[]) =>
    list
      .map((item) => ({ ...item, code: reversed(item.code) }))
      .sort((a, b) => codeOrder(a.code, b.code))
  const codes = (list: string[]) => list.map(reversed).sort(codeOrder)
  return {
    ...BUNDLED,
    duties: BUNDLED.duties.map((d) => ({
      ...d,
      tasks: d.tasks.map((t) => ({ ...t, knowledge: codes(t.knowledge), skills: codes(t.skills) })),
    })),
    knowledge: byCode(BUNDLED.knowledge),
    skills: byCode(BUNDLED.skills),
  }
}

describe('a pasted standard whose tasks name K and S codes out of order', () => {
  const text = renumber(SEED)
  const result = parsePastedStandard(text, { answers: {} })
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  const pasted = result.standard

  it('is read from a text that names them out of order', () => {
    // T1.1, the first task, now names K27 and K26 first.
    const first = text.indexOf('K27')
    expect(first).toBeGreaterThan(-1)
    expect(first).toBeLessThan(text.indexOf('K01'))
    expect(pasted.duties[0]!.tasks[0]!.knowledge).toEqual(['K26', 'K27'])
  })

  it('lists its K and S items by code, each with the text its code has', () => {
    const codes = (n: number, kind: string) =>
      Array.from({ length: n }, (_, i) => `${kind}${String(i + 1).padStart(2, '0')}`)
    expect(pasted.knowledge.map((k) => k.code)).toEqual(codes(27, 'K'))
    expect(pasted.skills.map((s) => s.code)).toEqual(codes(19, 'S'))
    // K27 is the bundled K01, renumbered.
    expect(pasted.knowledge.at(-1)!.text).toBe(BUNDLED.knowledge[0]!.text)
  })

  it('has the content hash of the same standard opened as a file', async () => {
    expect(await standardContentHash(pasted)).toBe(await standardContentHash(renumberedFile()))
  })
})
