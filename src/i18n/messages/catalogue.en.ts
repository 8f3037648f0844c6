import type { LazyMessages } from './zh-TW'

/** Messages of the iCAP catalogue (English). */
export const catalogueEn: LazyMessages['catalogue'] = {
  heading: 'iCAP catalogue of standards',
  intro:
    '{total} of the standards published on the Ministry of Labor’s iCAP platform can be searched, opened and rated here. They are transcriptions of the published PDFs by a parser, not the published text.',
  loading: 'Loading the catalogue…',
  failed: 'The catalogue could not be loaded. If you are offline, connect and try again.',
  retry: 'Try again',
  empty:
    'This build comes without the catalogue (its source files were not found when it was built).',
  search: 'Search the catalogue',
  searchHint:
    'Type a title, a code, a field, an occupation or an industry, or part of one: 會計, FAC, 3313, M7010',
  field: 'Field',
  allFields: 'All fields',
  level: 'Standard level',
  allLevels: 'All levels',
  levelOption: 'Level {level}',
  fieldOption: '{code} {name} ({n})',
  found: '{n} found',
  all: '{n} in all',
  noMatch: 'No standard matches. Try another word, or clear the field and level filters.',
  more: 'Show {n} more',
  counts:
    '{duties} duties · {tasks} tasks · {indicators} indicators · knowledge {knowledge} · skills {skills} · attitudes {attitudes}',
  tasksLeftOut: '{n} task(s) missing from the transcription',
  historic: 'Historic (superseded)',
  older: 'Older versions:',
  bundled: 'Bundled (published text)',
  onDevice: 'Published text on this device',
  kept: 'Kept on this device',
  updated: 'Updated {date}',
  leftOutMatches:
    '{n} more match but could not be transcribed from the parser’s files; add them by pasting the published text:',
  leftOutSummary: '{n} published standards could not be transcribed and are not in the catalogue',
  reasons: {
    unreadable: 'the parsed file cannot be read',
    'no-tasks': 'the parser found no tasks',
    'no-level': 'the parser found no standard level',
    'bad-task-code': 'a task code cannot be read',
    'repeated-task': 'one task code heads different indicators',
    'tasks-without-indicators': 'most tasks have no indicator text',
    'same-id': 'another takes the same id',
    schema: 'the transcription fails the standard check',
  },
  addPublished: 'Add the published text',
  source:
    'Data: the standards published by {publisher}, parsed from their PDFs by the open-source project {project} ({licence} licence); transcribed and checked by GapLens.',
  offline: {
    heading: 'Offline use',
    status:
      '{cached} of {total} open offline. A standard you open is kept for offline use on its own.',
    all: 'Make all available offline (about {size})',
    confirmTitle: 'Download all {n} standards?',
    confirmBody:
      'They take about {size}. You can go on using the app meanwhile, and stop at any time.',
    lowSpace: 'About {free} is left for GapLens on this device, which may not be enough.',
    confirm: 'Download',
    cancel: 'Cancel',
    progress: 'Downloading: {done} of {total}',
    stop: 'Stop',
    done: 'All {n} open offline.',
    stopped: 'Stopped: {cached} of {total} open offline.',
    failed:
      '{n} could not be downloaded ({detail}). Those downloaded open offline; try again later.',
    unsupported: 'This browser cannot keep the catalogue for offline use.',
  },
  notice: {
    tag: 'A transcription by a parser, not the published text: what it lacks',
    heading: 'A transcription by a parser, not the published text',
    body: 'This standard was transcribed from its published iCAP PDF by the parser of the open-source project {project}. It lacks:',
    lacksCodes:
      'the codes of indicators and outputs: rebuilt in the published order (P1.1.1, P1.1.2 …)',
    lacksLevels: 'indicators of different levels within a task: each task has one level',
    lacksNotes:
      'footnotes (【註n】), the attitude-to-task matrix, the notes and the version history',
    tasksLeftOut: 'The source has no indicators for {tasks}; these tasks are left out.',
    judgements: 'Judgements made in transcribing it ({n}) are listed under Transcription notes.',
    source: 'Source: {publisher}; parsed by {project} ({licence} licence).',
    replace: 'Replace with the published text',
    replaceHint:
      'Open this standard’s PDF on the iCAP platform, select all, copy and paste it: assessments made on this transcription carry over to the published text, as to a new version.',
    historic: 'This is a superseded version (《歷史資料》).',
    published: 'The published text of this standard is on this device.',
    openPublished: 'Open the published text',
    opening: 'Reading this standard from the catalogue…',
    unreachable:
      'This standard of the catalogue cannot be read: you are offline and it has not been downloaded to this device yet. Open it once while online and it will open offline too.',
    invalid: 'This standard of the catalogue fails the check: {problem}',
  },
  badge: 'Catalogue transcription',
  badgeHint:
    'Opened from the iCAP catalogue and kept on this device: a transcription by a parser, not the published text',
  replace: {
    banner:
      'Replacing the transcription of “{title}” ({code}) with the published text: open this standard’s PDF on the iCAP platform, select all, copy, and paste it below.',
    codeDiffers:
      'The pasted standard’s code is {pasted}, not {code} as the transcription’s. If it is the same standard, correct the code below, so that assessments can carry over to the published text.',
    saved:
      'The transcription of “{title}” has {n} assessment(s): under My assessments, choose “Reassess on the new version” and the ratings carry over to the published text, changed items marked.',
    toAssessments: 'Go to My assessments',
  },
}
