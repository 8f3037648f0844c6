import type { Audience } from '@/domain/training/plan'
import type { useI18n } from '@/i18n'

/** Departments named in an audience before the rest are counted. */
const NAMED = 3

/** An audience (對象) as words: 業務部 12 人、客服部 5 人 等 2 個部門. */
export function audienceWords(
  t: ReturnType<typeof useI18n>['t'],
  groups: readonly Audience[],
): string {
  const named = groups
    .slice(0, NAMED)
    .map((g) =>
      t('training.plan.audienceEntry', {
        group: g.key || t('training.needs.notGiven'),
        n: g.count,
      }),
    )
    .join('、')
  const rest = groups.length - NAMED
  return rest > 0 ? `${named} ${t('training.plan.audienceMore', { n: rest })}` : named
}
