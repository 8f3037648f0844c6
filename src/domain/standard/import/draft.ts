/**
 * A standard read from a paste, a JSON file or a template, before it is kept: what it holds
 * (for the preview), and the person's corrections to its title, code, level and
 * classifications, applied and recorded in its editorial list before the one schema checks it.
 * Pure: no DOM, no storage.
 */
import type { Classification, EditorialNote, Standard } from '../schema'
import { parseStandardFile } from '../parse'
import type { ParseResult } from '../../io/problems'
import { countStandard, allTasks, type StandardCounts } from '../model'
import type { z } from '../../zod'

type ClassificationValue = z.infer<typeof Classification>

/** What the preview says was found. */
export interface DraftSummary extends StandardCounts {
  /** Indicators per competency level, lowest level first. */
  byLevel: { level: number; indicators: number }[]
  /** Tasks whose indicators sit at more than one level. */
  twoLevelTasks: number
  notes: number
  versions: number
  editorial: number
}

export function summarise(standard: Standard): DraftSummary {
  const levels = new Map<number, number>()
  let twoLevelTasks = 0
  for (const task of allTasks(standard)) {
    const own = new Set(task.indicators.map((p) => p.level))
    if (own.size > 1) twoLevelTasks++
    for (const p of task.indicators) levels.set(p.level, (levels.get(p.level) ?? 0) + 1)
  }
  const notes = standard.notes
  return {
    ...countStandard(standard),
    byLevel: [...levels]
      .sort(([a], [b]) => a - b)
      .map(([level, indicators]) => ({ level, indicators })),
    twoLevelTasks,
    notes: notes.general.length + notes.qualifications.length + notes.supplementary.length,
    versions: standard.versions.length,
    editorial: standard.editorial.length,
  }
}

/** The header fields a person may correct in the preview. */
export interface Corrections {
  title: string
  /** '' for a standard without a code. */
  code: string
  level: number
  field: ClassificationValue
  occupation: ClassificationValue
  industries: ClassificationValue[]
}

export function correctionsOf(standard: Standard): Corrections {
  return {
    title: standard.title,
    code: standard.code ?? '',
    level: standard.level,
    field: { ...standard.field },
    occupation: { ...standard.occupation },
    industries: standard.industries.map((i) => ({ ...i })),
  }
}

/** How a correction is worded in the editorial list: the field's name and the language. */
export interface CorrectionWords {
  lang: string
  field: (name: keyof Corrections) => string
  decision: (value: string) => string
  none: string
}

const classificationText = (c: ClassificationValue) => `${c.name} ${c.code}`.trim()
const valueText = (key: keyof Corrections, value: Corrections[keyof Corrections]): string => {
  if (key === 'industries')
    return (value as ClassificationValue[]).map(classificationText).join('、')
  if (key === 'field' || key === 'occupation')
    return classificationText(value as ClassificationValue)
  return String(value)
}

/**
 * The standard with the person's corrections, each one that changed something recorded in the
 * editorial list (what was read, what it became, in the person's language), checked again by
 * the one standard reader (so a refusal is said like any file's). Where the id was the code, it
 * follows the corrected code.
 */
export function applyCorrections(
  standard: Standard,
  corrections: Corrections,
  words: CorrectionWords,
  file = '',
): ParseResult<Standard> {
  const read = correctionsOf(standard)
  const notes: EditorialNote[] = []
  for (const key of Object.keys(read) as (keyof Corrections)[]) {
    const before = valueText(key, read[key])
    const after = valueText(key, corrections[key])
    if (before === after) continue
    notes.push({
      where: words.field(key),
      source: before,
      decision: words.decision(after === '' ? words.none : after),
      lang: words.lang,
    })
  }
  const code = corrections.code.trim() === '' ? null : corrections.code.trim()
  const id = standard.code !== null && standard.id === standard.code && code ? code : standard.id
  const candidate = {
    ...standard,
    id,
    code,
    title: corrections.title,
    level: corrections.level,
    field: corrections.field,
    occupation: corrections.occupation,
    industries: corrections.industries,
    editorial: [...standard.editorial, ...notes],
  }
  return parseStandardFile(file, JSON.stringify(candidate))
}

/** A standard file or template is a few hundred kilobytes; larger is not one (read by size). */
export const STANDARD_FILE_MAX_BYTES = 5 * 1024 * 1024
