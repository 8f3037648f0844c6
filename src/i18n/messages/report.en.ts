import type { Messages } from './zh-TW'

/** Messages of the printed report in English: the running head, the record and the sign-off. */
export const reportEn: Messages['report'] = {
  running: '{name} · {standard} ({code}) · {date}',
  page: 'Page {page} of {pages}',
  chart: {
    none: '{title}: nothing rated yet; the chart is left out.',
    same: '{title}: every group’s mean gap is {value}; the chart is left out.',
    close:
      '{title}: the mean gaps all lie between {low} and {high}, close together; the chart is left out (the figures are in the table below).',
    topSame:
      'The {n} largest gaps are all {value}; the chart is left out (the items are listed below).',
  },
  record: {
    title: 'Item by item',
    intro:
      'Every item’s ratings, with the employee’s notes and evidence and the supervisor’s comments, in the rating page’s order.',
    attitudes: 'Attitudes',
    note: 'Note',
    evidence: 'Evidence',
    comment: 'Supervisor’s comment',
  },
  signOff: {
    title: 'Sign-off',
    employee: 'Employee',
    supervisor: 'Supervisor',
    name: 'Name',
    signature: 'Signature',
    date: 'Date',
    comment: 'Supervisor’s overall comment',
    carries: {
      signed:
        'This report carries the review by {reviewer} of {date}, signed with key fingerprint {fingerprint}.',
      first:
        'This report carries the review by {reviewer} of {date}, signed with key fingerprint {fingerprint} (the first key from them on this device).',
      different:
        'This report carries the review by {reviewer} of {date}, signed with key fingerprint {fingerprint}; note: not the key this device saw before for {reviewer}.',
      unsigned: 'This report carries the review by {reviewer} of {date}, not signed.',
      none: 'This report carries no supervisor’s review.',
      own: 'This report is the review by {reviewer} of {date}; the review file exported from here is signed with this device’s key, fingerprint {fingerprint}.',
      ownNone:
        'This report is the review by {reviewer} of {date}; this device makes its signing key when it first exports a review.',
    },
  },
}
