/**
 * The six official competency levels (職能級別) with their descriptors, from the Ministry of
 * Labor's 職能基準發展指引 table 3, as copied in shared/icap-levels.md. Level 2 reads 「技能」; one
 * second-hand copy reads 「技術」.
 */
export const LEVEL_DESCRIPTORS: Readonly<Record<number, string>> = {
  1: '能夠在可預計及有規律的情況中，在密切監督及清楚指示下，執行常規性及重複性的工作。且通常不需要特殊訓練、教育及專業知識與技術。',
  2: '能夠在大部分可預計及有規律的情況中，在經常性監督下，按指導進行需要某些判斷及理解性的工作。需具備基本知識、技能。',
  3: '能夠在部分變動及非常規性的情況中，在一般監督下，獨立完成工作。需要一定程度的專業知識與技術及少許的判斷能力。',
  4: '能夠在經常變動的情況中，在少許監督下，獨立執行涉及規劃設計且需要熟練技巧的工作。需要具備相當的專業知識與技術，及作判斷及決定的能力。',
  5: '能夠在複雜變動的情況中，在最少監督下，自主完成工作。需要具備應用、整合、系統化的專業知識與技術及策略思考與判斷能力。',
  6: '能夠在高度複雜變動的情況中，應用整合的專業知識與技術，獨立完成專業與創新的工作。需要具備策略思考、決策及原創能力。',
}

export const LEVELS = [1, 2, 3, 4, 5, 6] as const

export function levelDescriptor(level: number): string {
  const text = LEVEL_DESCRIPTORS[level]
  if (text === undefined) throw new RangeError(`no competency level ${level}`)
  return text
}
