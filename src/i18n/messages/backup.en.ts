import type { Messages } from './zh-TW'

/** Messages of the backup and restore in Settings (English). */
export const backupEn: Messages['backup'] = {
  title: 'Backup and restore',
  intro:
    'A backup holds every assessment, rating, note and evidence on this device, the reviews, and the standards added here.',
  download: 'Download backup',
  downloaded: 'Backup “{file}” downloaded.',
  downloadFailed: 'Could not download a backup: {problem}',
  restore: 'Restore from backup…',
  restoreHint:
    'The whole file is checked first and you are told what a restore would do; it can add the backup to what is on this device, or replace all of it.',
  checking: 'Checking “{file}”…',
  restoreFailed: 'Could not restore “{file}”: {problem}. Nothing was changed.',
  restoreStorageFailed: 'Could not restore “{file}”, and nothing was changed. {problem}',
  restoredReplace:
    'Restored {assessments} assessments and {reviews} reviews from “{file}”, in place of what was on this device.',
  restoredAddNew: 'Added {added} assessments and {reviewsAdded} reviews from “{file}”.',
  restoredAdd:
    'Added {added} assessments and {reviewsAdded} reviews from “{file}”; {updated} were replaced by the backup’s newer copy, and {kept} kept this device’s newer copy.',
  dialog: {
    title: 'Restore from a backup',
    holds:
      '“{file}” (exported {date}) holds {assessments} assessments, {responses} ratings, {reviews} reviews and {standards} added standards.',
    mode: 'How to restore',
    add: 'Add to what is on this device',
    addHint:
      'Everything on this device stays. Where both have the same assessment or review ({overlap}), the newer copy is kept.',
    replace: 'Replace everything on this device',
    replaceHint:
      'Deletes every assessment and review on this device and puts the backup’s in their place.',
    replaceWarning:
      'The {assessments} assessments and {reviews} reviews now on this device will all be deleted, for good. To keep them, cancel and download a backup first.',
    missingTitle: 'This device does not have these standards',
    missingItem: '{standard}: {assessments} assessments, {reviews} reviews',
    missingKeep:
      'Restore these assessments and reviews anyway (shown as missing their standard until it is added)',
    missingSkip: 'Leave these assessments and reviews out',
    unknownTitle: 'Some ratings are of item codes their standard does not have',
    unknownItem: '{standard}: {items} ({ratings} ratings)',
    unknownMore: '{items} and others, {n} codes in all',
    unknownKeep: 'Keep these ratings (they are not shown)',
    unknownSkip: 'Leave these ratings out',
    refusedTitle: 'These added standards cannot be used and will not be restored',
    refusedItem: '{standard}: {problem}',
    standard: '“{title}” ({code})',
    standardNoCode: '“{title}”',
    standardId: 'the standard {id}',
    confirmAdd: 'Add',
    confirmReplace: 'Replace everything',
    cancel: 'Cancel',
    progress: 'Restoring: {written} of {total} records',
    progressLabel: 'Restore progress',
    keepOpen: 'Keep this page open until it is done; closing it midway changes nothing.',
  },
}
