/**
 * Rating scales are data: their steps, what each step means, and how an item's target is set.
 * Code reads a scale; it never branches on which scale it is.
 */
import { LEVEL_DESCRIPTORS } from '../levels'

export interface Localized {
  'zh-TW': string
  en: string
}

export interface ScaleStep {
  value: number
  label: Localized
  descriptor: Localized
}

/**
 * How an item's target is set: one value for every item, or the competency level the standard
 * sets for the item (its indicator level; for K/S/A the highest level of the tasks using it).
 */
export type TargetRule = { kind: 'fixed'; value: number } | { kind: 'item-level' }

export interface Scale {
  id: ScaleId
  name: Localized
  description: Localized
  steps: ScaleStep[]
  target: TargetRule
}

export type ScaleId = 'proficiency-5' | 'icap-level-6'

const proficiency: Scale = {
  id: 'proficiency-5',
  name: { 'zh-TW': '五級熟練度', en: 'Five proficiency steps' },
  description: {
    'zh-TW': '以熟練程度自評，目標為 4「能獨立完成，達到標準」。',
    en: 'Rate how proficient you are; the target is 4, “does it independently to the standard”.',
  },
  steps: [
    {
      value: 1,
      label: { 'zh-TW': '尚未具備', en: 'Not yet' },
      descriptor: { 'zh-TW': '還不會，也尚未接觸。', en: 'Cannot do it yet; not yet met it.' },
    },
    {
      value: 2,
      label: { 'zh-TW': '有所認識', en: 'Aware' },
      descriptor: {
        'zh-TW': '知道是什麼、為何重要，但還不會做。',
        en: 'Knows what it is and why it matters, but cannot yet do it.',
      },
    },
    {
      value: 3,
      label: { 'zh-TW': '在指導下能做', en: 'With guidance' },
      descriptor: {
        'zh-TW': '在他人指導或協助下能完成。',
        en: 'Does it with guidance or help from others.',
      },
    },
    {
      value: 4,
      label: { 'zh-TW': '能獨立完成', en: 'Independent' },
      descriptor: {
        'zh-TW': '能獨立完成，達到職能基準的要求。',
        en: 'Does it independently, to the standard.',
      },
    },
    {
      value: 5,
      label: { 'zh-TW': '熟練精通', en: 'Expert' },
      descriptor: {
        'zh-TW': '能在複雜情況下靈活運用，並能指導他人。',
        en: 'Adapts it to complex situations and can teach others.',
      },
    },
  ],
  target: { kind: 'fixed', value: 4 },
}

const icapLevels: Scale = {
  id: 'icap-level-6',
  name: { 'zh-TW': '六級職能級別', en: 'Six competency levels' },
  description: {
    'zh-TW': '以官方職能級別 1–6 自評，每一項目的目標為職能基準對它要求的級別。',
    en: 'Rate on the six official competency levels; each item’s target is the level the standard sets for it.',
  },
  steps: [1, 2, 3, 4, 5, 6].map((level) => ({
    value: level,
    label: { 'zh-TW': `級別 ${level}`, en: `Level ${level}` },
    // The official descriptors are published in Chinese only; they are shown as published.
    descriptor: { 'zh-TW': LEVEL_DESCRIPTORS[level]!, en: LEVEL_DESCRIPTORS[level]! },
  })),
  target: { kind: 'item-level' },
}

export const SCALES: Readonly<Record<ScaleId, Scale>> = {
  'proficiency-5': proficiency,
  'icap-level-6': icapLevels,
}

export const DEFAULT_SCALE_ID: ScaleId = 'proficiency-5'

export function isScaleId(value: unknown): value is ScaleId {
  return typeof value === 'string' && value in SCALES
}

export function getScale(id: ScaleId): Scale {
  return SCALES[id]
}

export function scaleValues(scale: Scale): number[] {
  return scale.steps.map((s) => s.value)
}

/** The scale's own target for an item at a given competency level (before any override). */
export function scaleTarget(scale: Scale, itemLevel: number): number {
  return scale.target.kind === 'fixed' ? scale.target.value : itemLevel
}

/** The step a fixed target points at; undefined on a scale whose targets follow item levels. */
export function targetStep(scale: Scale): ScaleStep | undefined {
  const rule = scale.target
  return rule.kind === 'fixed' ? scale.steps.find((s) => s.value === rule.value) : undefined
}
