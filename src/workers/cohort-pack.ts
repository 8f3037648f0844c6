/**
 * How a cohort's members cross from the load worker (cohort-load.ts) to the page: packed in a
 * few columns whose buffers move rather than being copied, and unpacked on the other side into
 * the same members. Pure: the worker and the page both import it.
 */
import type { CohortMember } from '@/domain/cohort/cohort'

/** Members made at once between two pauses of `unpackMembers`. */
const UNPACKED_AT_ONCE = 1000

/** A member's texts, in the order `PackedMembers.text` holds them. */
const TEXT_FIELDS = [
  'id',
  'person',
  'personKey',
  'employeeId',
  'department',
  'jobTitle',
  'updatedAt',
  'day',
  'exportedAt',
  'fingerprint',
  'reviewer',
] as const

/**
 * A cohort's members as a few columns, to cross from a worker to the page: the ratings of all
 * members in two typed arrays whose buffers are moved (transferred), not copied, and the texts
 * in one list, instead of 10,000 objects of a dozen fields and two small arrays each, which the
 * page would rebuild one by one. `unpackMembers` gives back the same members.
 */
export interface PackedMembers {
  count: number
  /** Items per member: the length of each member's `self`. */
  width: number
  /** TEXT_FIELDS.length texts per member, member after member. */
  text: string[]
  round: Float64Array
  /** 1 where the file carries a review (and so a row of `supervisor`). */
  reviewed: Uint8Array
  /** Each member's self-ratings, `width` codes each, member after member. */
  self: Int8Array
  /** Each member's supervisor's ratings; zeros for a member without a review. */
  supervisor: Int8Array
  /** Each member's plan bits (planned.ts), `width` each, member after member. */
  planned: Uint8Array
  /** Each distinct list of targets once, `width` values each. */
  targets: Float64Array
  /** Which list of targets each member has. */
  targetSet: Uint32Array
}

/** Packs members that all have `width` items; `transfer` lists the buffers to move. */
export function packMembers(
  members: readonly CohortMember[],
  width: number,
): { packed: PackedMembers; transfer: ArrayBuffer[] } {
  const count = members.length
  const text: string[] = []
  const round = new Float64Array(count)
  const reviewed = new Uint8Array(count)
  const self = new Int8Array(count * width)
  const supervisor = new Int8Array(count * width)
  const planned = new Uint8Array(count * width)
  const sets = new Map<readonly number[], number>()
  const targetSet = new Uint32Array(count)
  members.forEach((m, k) => {
    if (m.self.length !== width)
      throw new RangeError(`member ${m.id} has ${m.self.length} items, not ${width}`)
    for (const field of TEXT_FIELDS) text.push(m[field])
    round[k] = m.round
    self.set(m.self, k * width)
    planned.set(m.planned, k * width)
    if (m.supervisor) {
      reviewed[k] = 1
      supervisor.set(m.supervisor, k * width)
    }
    let set = sets.get(m.targets)
    if (set === undefined) sets.set(m.targets, (set = sets.size))
    targetSet[k] = set
  })
  const targets = new Float64Array(sets.size * width)
  for (const [list, set] of sets) targets.set(list, set * width)
  const packed = {
    count,
    width,
    text,
    round,
    reviewed,
    self,
    supervisor,
    planned,
    targets,
    targetSet,
  }
  return { packed, transfer: packedBuffers(packed) }
}

/** The buffers of packed members, to move with them (each once). */
export function packedBuffers(packed: PackedMembers): ArrayBuffer[] {
  const { round, reviewed, self, supervisor, planned, targets, targetSet } = packed
  return [
    ...new Set(
      [round, reviewed, self, supervisor, planned, targets, targetSet].map((a) => a.buffer),
    ),
  ] as ArrayBuffer[]
}

/**
 * The members of `packMembers`, in the same order. Each member's ratings are views of the
 * packed arrays (no copy); members that shared a list of targets share one again. With
 * `pause`, thousands are made a thousand at a time, awaiting `pause` between (the page
 * gives its thread a turn).
 */
export async function unpackMembers(
  packed: PackedMembers,
  pause?: () => Promise<void>,
): Promise<CohortMember[]> {
  const { count, width, text } = packed
  const lists: (readonly number[])[] = []
  for (let at = 0; at < packed.targets.length; at += width)
    lists.push(Array.from(packed.targets.subarray(at, at + width)))
  const fields = TEXT_FIELDS.length
  const members: CohortMember[] = new Array(count)
  for (let k = 0; k < count; k++) {
    if (pause && k && k % UNPACKED_AT_ONCE === 0) await pause()
    const t = k * fields
    const from = k * width
    const reviewed = packed.reviewed[k] === 1
    members[k] = {
      id: text[t]!,
      person: text[t + 1]!,
      personKey: text[t + 2]!,
      employeeId: text[t + 3]!,
      department: text[t + 4]!,
      jobTitle: text[t + 5]!,
      round: packed.round[k]!,
      updatedAt: text[t + 6]!,
      day: text[t + 7]!,
      exportedAt: text[t + 8]!,
      reviewed,
      fingerprint: text[t + 9]!,
      reviewer: text[t + 10]!,
      self: packed.self.subarray(from, from + width),
      supervisor: reviewed ? packed.supervisor.subarray(from, from + width) : null,
      targets: lists[packed.targetSet[k]!]!,
      planned: packed.planned.subarray(from, from + width),
    }
  }
  return members
}
