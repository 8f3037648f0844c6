import type { LazyMessages } from './zh-TW'

/** Messages of one record open in two places (tabs, windows, the installed app), English. */
export const syncEn: LazyMessages['sync'] = {
  changedElsewhere:
    'This text was also changed in another tab or window. Yours is still in the field above; the other one reads:',
  keepMine: 'Keep mine',
  useTheirs: 'Use the other one',
  assessmentGoneTitle: 'Assessment deleted',
  reviewGoneTitle: 'Review deleted',
  assessmentGone:
    'This assessment was deleted in another tab or window: ratings made here can no longer be stored.',
  reviewGone:
    'This review was deleted in another tab or window: ratings made here can no longer be stored.',
}
