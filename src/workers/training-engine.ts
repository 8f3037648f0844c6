/**
 * The trainer's plan off the page's thread: the worker reads a cohort's files itself (as the
 * cohort's load does, a page of files at a time, see cohort-load.ts), keeps the members, and
 * answers each filter change with the figures the page draws: the training needs, the plan's
 * set cover, the before/after comparison. Members never cross to the page. Where there is no
 * worker (a test), the page runs the same engine on its own thread.
 */
import type { GapLensDB } from '@/db/db'
import { getScale } from '@/domain/assessment/scales'
import { cohortOf, type Cohort, type CohortMember } from '@/domain/cohort/cohort'
import { filterCohort, filterOptions } from '@/domain/cohort/filters'
import { displayName, pseudonyms } from '@/domain/cohort/anonymise'
import { trainingNeedsTable } from '@/domain/training/needs'
import { trainingPlan } from '@/domain/training/plan'
import { compareOutcome } from '@/domain/training/outcome'
import { attendeesCsv, needsCsv } from '@/domain/training/csv'
import { loadMembers } from './cohort-load'
import type {
  CohortRef,
  Naming,
  NamedPerson,
  OutcomeView,
  TrainingAnswer,
  TrainingAnswers,
  TrainingRequest,
} from './training-protocol'

/** Cohorts kept read at once: a before and an after, and the one the plan is on. */
const KEPT = 3
/** What `compute` gives for a request a newer one of its kind has overtaken. */
const SKIPPED = Symbol('skipped')

export class TrainingEngine {
  private readonly cohorts = new Map<string, Promise<Cohort>>()
  private readonly names = new Map<string, Map<string, string>>()
  /** The newest request of each kind: an older one still waiting is skipped. */
  private readonly newest = new Map<string, number>()

  constructor(private readonly dbOf: (name: string) => GapLensDB) {}

  /** Notes a request as it arrives, before any is answered (see `answer`). */
  heard(request: TrainingRequest): void {
    const lane = request.type
    this.newest.set(lane, Math.max(this.newest.get(lane) ?? 0, request.id))
  }

  /** Answers a request; never throws. */
  async answer(request: TrainingRequest): Promise<TrainingAnswer> {
    this.heard(request)
    try {
      const value = await this.compute(request)
      if (value === SKIPPED) return { id: request.id, ok: false, skipped: true }
      return { id: request.id, ok: true, value }
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error))
      return {
        id: request.id,
        ok: false,
        skipped: false,
        error: { name: e.name, message: e.message },
      }
    }
  }

  private stale(request: TrainingRequest): boolean {
    return (this.newest.get(request.type) ?? 0) > request.id
  }

  private cohort(dbName: string, ref: CohortRef): Promise<Cohort> {
    const id = `${ref.stamp}\u0000${ref.key}`
    let found = this.cohorts.get(id)
    if (found) return found
    found = (async () => {
      const scale = getScale(ref.scale)
      if (!scale) throw new RangeError(`unknown scale ${ref.scale}`)
      const db = this.dbOf(dbName)
      const job = { dbName, key: ref.key, standard: ref.standard, scale: ref.scale }
      return cohortOf(ref.standard, scale, await loadMembers(job, db))
    })()
    this.cohorts.set(id, found)
    found.catch(() => this.cohorts.delete(id))
    for (const key of this.cohorts.keys()) {
      if (this.cohorts.size <= KEPT) break
      if (key !== id) this.cohorts.delete(key)
    }
    return found
  }

  /** How each person is named: pseudonyms over the whole cohort (a filter keeps a number). */
  private nameOf(ref: CohortRef, cohort: Cohort, naming: Naming): (m: CohortMember) => string {
    if (!naming.anonymised) return (m) => m.person
    const id = `${ref.stamp}\u0000${ref.key}\u0000${naming.label}`
    let map = this.names.get(id)
    if (!map) {
      map = pseudonyms(cohort.members, (n) => naming.label.replace('{n}', n))
      this.names.clear()
      this.names.set(id, map)
    }
    const known = map
    return (m) => displayName(m, known)
  }

  private async compute(
    request: TrainingRequest,
  ): Promise<TrainingAnswers[keyof TrainingAnswers] | typeof SKIPPED> {
    const { dbName } = request
    switch (request.type) {
      case 'open': {
        const cohort = await this.cohort(dbName, request.cohort)
        return { count: cohort.members.length, options: filterOptions(cohort.members) }
      }
      case 'needs': {
        const whole = await this.cohort(dbName, request.cohort)
        if (this.stale(request)) return SKIPPED
        const view = filterCohort(whole, request.filter, new Set(request.known))
        const groups = trainingNeedsTable(view, {
          rows: request.rows,
          by: request.by,
          shown: request.shown,
          names: request.names,
          nameOf: this.nameOf(request.cohort, whole, request.naming),
        })
        return { members: view.members.length, groups }
      }
      case 'needs-csv': {
        const whole = await this.cohort(dbName, request.cohort)
        const view = filterCohort(whole, request.filter, new Set(request.known))
        return needsCsv(trainingNeedsTable(view, { by: request.by, names: 0 }))
      }
      case 'plan': {
        const whole = await this.cohort(dbName, request.cohort)
        if (this.stale(request)) return SKIPPED
        const view = filterCohort(whole, request.filter, new Set(request.known))
        return {
          members: view.members.length,
          plan: trainingPlan(view, request.courses, request.choice),
        }
      }
      case 'attendees-csv': {
        const whole = await this.cohort(dbName, request.cohort)
        const view = filterCohort(whole, request.filter, new Set(request.known))
        const anonymised = request.naming.anonymised
        return attendeesCsv(view, request.courses, {
          nameOf: this.nameOf(request.cohort, whole, request.naming),
          anonymised,
        })
      }
      case 'outcome':
        return this.outcome(request)
    }
  }

  private async outcome(
    request: Extract<TrainingRequest, { type: 'outcome' }>,
  ): Promise<TrainingAnswers['outcome'] | typeof SKIPPED> {
    const [beforeWhole, afterWhole] = await Promise.all([
      this.cohort(request.dbName, request.before.cohort),
      this.cohort(request.dbName, request.after.cohort),
    ])
    if (this.stale(request)) return SKIPPED
    if (beforeWhole.scale.id !== afterWhole.scale.id) return { error: 'scales' }
    const side = (whole: Cohort, rounds: number[]) =>
      rounds.length ? filterCohort(whole, { rounds }) : whole
    const before = side(beforeWhole, request.before.rounds)
    const after = side(afterWhole, request.after.rounds)
    const coveredCodes = request.courses.length
      ? [
          ...new Set(
            trainingPlan(before, request.courses, request.choice).chosen.flatMap(
              (c) => c.course.items,
            ),
          ),
        ]
      : []
    const outcome = compareOutcome(before, after, new Set(coveredCodes))
    const beforeName = this.nameOf(request.before.cohort, beforeWhole, request.naming)
    const afterName =
      request.after.cohort.key === request.before.cohort.key
        ? beforeName
        : this.nameOf(request.after.cohort, afterWhole, request.naming)
    const person =
      (nameOf: (m: CohortMember) => string) =>
      (m: CohortMember): NamedPerson => ({
        name: nameOf(m),
        department: m.department,
        round: m.round,
      })
    const { matching } = outcome
    const view: OutcomeView = {
      pairs: matching.pairs.length,
      beforeOnly: matching.beforeOnly.map(person(beforeName)),
      afterOnly: matching.afterOnly.map(person(afterName)),
      twice: matching.twice.map((t) => ({
        side: t.side,
        name: (t.side === 'before' ? beforeName : afterName)(t.members[0]!),
        count: t.members.length,
      })),
      items: outcome.items,
      tasks: outcome.tasks,
      duties: outcome.duties,
      covered: outcome.covered,
      others: outcome.others,
      coveredCodes,
      notCompared: outcome.notCompared,
      sizes: { before: before.members.length, after: after.members.length },
    }
    return view
  }
}
