import type { LazyMessages } from './zh-TW'

/** Messages of the files screens (English). */
export const filesEn: LazyMessages['files'] = {
  title: 'Assessment files',
  reviewedFileSuffix: 'reviewed',
  signer: {
    known: 'Signed by {reviewer}, key fingerprint {fingerprint} (the same as before).',
    first:
      'Signed by {reviewer}, key fingerprint {fingerprint}. This is the first review from {reviewer} on this device, and the key is remembered; to be sure, compare the fingerprint with the supervisor in person or by phone.',
    different:
      'Note: this review is signed in the name of “{reviewer}”, but with a key (fingerprint {fingerprint}) other than the one seen before. The supervisor may have a new computer or a cleared browser, or it may not be them. Check the fingerprint with the supervisor first.',
    trust: 'Checked with the supervisor: remember this key',
    unsigned:
      'This review by {reviewer} is not signed (exported by an older GapLens, or written by hand): who reviewed cannot be confirmed.',
    own: 'The reviews you export are signed with this device’s key, fingerprint {fingerprint}. A new computer or cleared browser data makes a new key.',
  },
  offer: {
    title: 'This file carries a standard this device does not have',
    intro:
      '“{file}” was rated on the standard below, which this device does not have yet. The file carries its content, checked as a standard added to the library is. Add it, and the file opens.',
    code: 'Code',
    noCode: 'no code yet',
    version: 'Version',
    counts:
      '{duties} duties, {tasks} tasks, {indicators} behaviour indicators, {knowledge} knowledge, {skills} skill and {attitudes} attitude items',
    add: 'Add this standard and open the file',
    cancel: 'Do not add it',
    failed: 'Could not add this standard: {reason}',
    standard: 'Standard',
    sameId: 'this device already has a different standard with the same code, “{title}”',
    storage: 'this device’s storage cannot be written to',
  },
  differs: {
    count:
      'Note: “{title}” as this assessment was rated on differs from this device’s copy in {n} items. Check those items with the other person.',
    unknown:
      'Note: “{title}” as this assessment was rated on differs from this device’s copy (the file does not carry the standard, so the items cannot be compared one by one).',
  },
  export: {
    open: 'Export file',
    title: 'Export the assessment file',
    intro: 'Export “{title}”: to send to your supervisor for review, or to keep as a record.',
    format: 'File format',
    json: 'JSON assessment file (your supervisor opens and reviews it in GapLens)',
    csv: 'CSV table (opens in Excel, one row per item)',
    protect: 'Protect the file with a passphrase',
    passphrase: 'Passphrase',
    passphraseAgain: 'Passphrase again',
    passphraseEmpty: 'Type a passphrase, or untick the protection.',
    mismatch: 'The two passphrases are not the same.',
    lostWarning:
      'A lost passphrase cannot be recovered, and the file cannot be opened without it. Tell the recipient the passphrase another way (by phone, say).',
    fileName: 'File name: {name}',
    download: 'Download',
    preparing: 'Preparing the file…',
    downloaded: 'Downloaded “{file}”.',
    failed: 'Could not export: {detail}',
    close: 'Close',
  },
  receive: {
    title: 'Open the reviewed file',
    intro:
      'The assessment file (.gaplens.json) your supervisor sent back: their ratings and comments appear beside your own, and your own ratings are never changed.',
    choose: 'Choose a file',
    drop: 'or drop the file here',
    inputLabel: 'The assessment file your supervisor sent back',
    opening: 'Opening “{file}”…',
    locked: '“{file}” is protected by a passphrase: type it to open the file.',
    passphrase: 'Passphrase of “{file}”',
    unlock: 'Open',
    cancel: 'Cancel',
    attached:
      'Opened “{file}”: the review by {reviewer} now sits beside your ratings in “{title}”.',
    refused: 'Could not open “{file}”: {problem}',
    viewRatings: 'See the ratings',
    viewResults: 'See the results',
  },
  beside: {
    supervisor: 'Supervisor',
    notReviewed: 'Not rated by your supervisor',
    notRated: 'not rated',
    comment: 'Supervisor’s comment: {comment}',
    flag: '{n} steps apart',
    flagLabel: 'Your rating and your supervisor’s are {n} steps apart',
    changed: 'Changed since you sent it',
    changedLabel:
      'You changed this item after you sent the file: your supervisor saw the rating before the change',
    banner:
      '{reviewer} reviewed this assessment on {date}: {n} items differ from your own rating by 2 steps or more.',
    bannerChanged: 'You changed {n} items after you sent the file (they are marked).',
    overall: 'Supervisor’s overall comment: {comment}',
    cardBadge: 'Reviewed by {reviewer}',
  },
  compare: {
    title: 'Your ratings and your supervisor’s',
    self: 'Self',
    supervisor: 'Supervisor',
    selfGap: 'Mean gap (self)',
    supervisorGap: 'Mean gap (supervisor)',
    selfMeet: 'Meeting target (self)',
    supervisorMeet: 'Meeting target (supervisor)',
    selfSeries: 'Gap (self)',
    supervisorSeries: 'Gap (supervisor)',
    selfRating: 'Self',
    supervisorRating: 'Supervisor',
    difference: 'Difference',
    supervisorComment: 'Supervisor’s comment',
    disagreements: 'Where you disagree (2 steps or more)',
    disagreementsCount: '{n} items',
    noDisagreements: 'No item differs by 2 steps or more.',
    reviewer: 'Reviewer',
    reviewed: 'Reviewed',
    overallComment: 'Supervisor’s overall comment',
    reviewerLine: '{name} ({jobTitle})',
    keyHead: 'Mean gap (self / supervisor)',
    keyValue: '{self} / {supervisor}',
    keyValueText: 'mean gap {self} by self, {supervisor} by the supervisor',
  },
}
