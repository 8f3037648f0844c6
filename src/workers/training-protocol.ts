/**
 * The messages between the trainer's plan pages (training.ts, on the page) and their worker
 * (training.worker.ts): a request names the cohort(s) it reads, the filter and what to compute;
 * the answer carries only the small figures the page draws (tables of a few hundred rows at
 * most), never the members. Both sides import this module, neither the other.
 */
import type { ScaleId } from '@/domain/assessment/scales'
import type { CohortFilter, FilterOptions } from '@/domain/cohort/filters'
import type { Standard } from '@/domain/standard/schema'
import type { NeedGroup, NeedGrouping, NeedsOptions } from '@/domain/training/needs'
import type { Course } from '@/domain/training/courses'
import type { PlanChoice, TrainingPlan } from '@/domain/training/plan'
import type { Change, ItemChange } from '@/domain/training/outcome'

/** A cohort to read: its key, the standard its key names and its scale, and the list's stamp. */
export interface CohortRef {
  key: string
  standard: Standard
  scale: ScaleId
  /**
   * Changes whenever the device's cohorts may have changed (an import, a delete): a cohort read
   * under another stamp is read again.
   */
  stamp: number
}

/** How people are named: by name, or by pseudonym (`label` holds `{n}`, e.g. 成員 {n}). */
export type Naming = { anonymised: false } | { anonymised: true; label: string }

/** One side of a before/after: a cohort, and the rounds of it (none: every round). */
export interface SideRef {
  cohort: CohortRef
  rounds: number[]
}

interface Base {
  id: number
  /** The database to read (the worker opens its own connection to it). */
  dbName: string
}

export type TrainingRequest =
  | (Base & { type: 'open'; cohort: CohortRef })
  | (Base & {
      type: 'needs'
      cohort: CohortRef
      filter: CohortFilter
      known: string[]
      naming: Naming
      rows: NonNullable<NeedsOptions['rows']>
      by: NeedGrouping | null
      shown: number
      names: number
    })
  | (Base & {
      type: 'needs-csv'
      cohort: CohortRef
      filter: CohortFilter
      known: string[]
      by: NeedGrouping | null
    })
  | (Base & {
      type: 'plan'
      cohort: CohortRef
      filter: CohortFilter
      known: string[]
      courses: Course[]
      choice: PlanChoice
    })
  | (Base & {
      type: 'attendees-csv'
      cohort: CohortRef
      filter: CohortFilter
      known: string[]
      naming: Naming
      courses: Course[]
    })
  | (Base & {
      type: 'outcome'
      before: SideRef
      after: SideRef
      naming: Naming
      /** The course list and the trainer's choice: the plan made for the before side says what was covered. */
      courses: Course[]
      choice: PlanChoice
    })

/** What the page learns of a cohort when it opens it. */
export interface OpenedCohort {
  count: number
  options: FilterOptions
}

/** A person of an outcome's lists, as the page may show them. */
export interface NamedPerson {
  name: string
  department: string
  round: number
}

/** The before/after comparison as the page draws it (outcome.ts, without the members). */
export interface OutcomeView {
  pairs: number
  beforeOnly: NamedPerson[]
  afterOnly: NamedPerson[]
  twice: { side: 'before' | 'after'; name: string; count: number }[]
  items: ItemChange[]
  tasks: Change[]
  duties: Change[]
  covered: Change
  others: Change
  /** The codes the before side's plan covered. */
  coveredCodes: string[]
  notCompared: string[]
  /** The sides' people in view (after the rounds chosen). */
  sizes: { before: number; after: number }
}

export interface TrainingAnswers {
  open: OpenedCohort
  needs: { members: number; groups: NeedGroup[] }
  'needs-csv': string
  plan: { members: number; plan: TrainingPlan }
  'attendees-csv': string
  outcome: OutcomeView | { error: 'scales' }
}

export type TrainingAnswer =
  | { id: number; ok: true; value: unknown }
  /** A newer request of the same kind came first: this one was not computed. */
  | { id: number; ok: false; skipped: true }
  | { id: number; ok: false; skipped: false; error: { name: string; message: string } }
