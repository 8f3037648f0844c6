import type { Messages } from './zh-TW'

/** Messages of the standards library: the CSV template of a standard (English). */
export const templateEn: Messages['template'] = {
  title: 'Standard template (CSV)',
  fileName: 'GapLens-standard-template.csv',
  fileNameOf: '{name}-template.csv',
  columns: {
    kind: 'The kind of row: standard, field, occupation, industry (one row each; several industries allowed), duty, task, output, indicator, knowledge, skill, attitude, footnote, note, qualification, supplement, version, editorial, source. A row whose first cell begins with # is a note or an example and is skipped; delete the # to make it a row.',
    code: 'The code: the standard code (standard row; leave it empty if there is none yet), T1, T1.1, O1.1.1, P1.1.1, K01, S01, A01; a footnote’s number; the code of a field, occupation or industry; a version’s standard code.',
    duty: 'The duty’s code, e.g. T1 (task, output and indicator rows); on a task row it may stay empty, as the task’s code says it.',
    task: 'The task’s code, e.g. T1.1 (output and indicator rows); on knowledge, skill and attitude rows the tasks the item serves, separated by spaces or commas. Leave it empty for an attitude mapped to no task; none says an empty √ list.',
    outputs:
      'Indicator rows: the task’s output codes, for reading the row; outputs belong to the task, so they are checked, not stored.',
    level:
      'The standard level (standard row) or the competency level (indicator row): a whole number 1 to 6.',
    title:
      'The name: the occupation title (standard), a field, occupation or industry name, a duty, a task, an attitude’s name, a version’s title, where an editorial note applies, a source document.',
    text: 'The words: the work description (standard), an output, an indicator, a knowledge or skill item, an attitude’s description, a footnote, a note, a qualification, a supplementary note, a version’s note, an editorial decision, how a source was extracted.',
    footnotes:
      'Footnote marks on the row’s words: the footnote’s number, e.g. 1; for a mark that follows certain words, “1: those words”; one mark a line (or separated by |).',
    explains:
      'Supplement rows: the knowledge, skill or attitude codes the note explains, e.g. K01 K02.',
    id: 'Standard row (optional): the file id. Empty: the standard code; without a code, the field code, occupation code and a hash of the title (e.g. TST4222-1a2b3c4d), always the same for the same title.',
    version: 'Version rows: the version, e.g. V4.',
    status: 'Version rows: the status, e.g. current, superseded.',
    date: 'Version rows: the date published, YYYY-MM-DD.',
    source: 'Editorial rows: what the source document shows.',
    lang: 'Editorial rows: the language of the note, e.g. en, zh-Hant-TW.',
  },
  comments: {
    examples:
      'Below, an example of every kind of row (its kind begins with #, so it is not read). Save as “CSV UTF-8 (Comma delimited)”.',
  },
  examples: {
    title: 'Online customer service agent',
    description:
      'Answers customers’ questions online and by phone, resolves order problems and records each case.',
    field: 'Marketing and sales / Customer service',
    occupation: 'Customer service clerk',
    industry: 'Wholesale and retail trade / Retail trade',
    duty: 'Handle customer enquiries',
    task: 'Answer online enquiries',
    output: 'Record of replies',
    indicator: 'Answers each enquiry within the time the service rules set.',
    indicatorAnchor: 'service rules',
    knowledge: 'Products and services',
    skill: 'Written communication',
    attitude: 'Customer focus',
    attitudeDescription: 'Puts the customer’s needs first and offers help unasked.',
    footnote: 'Service rules: reply times, wording and the protection of personal data.',
    note: 'This is our company’s own standard.',
    qualification: 'Secondary school, one year of customer service experience.',
    supplement:
      'Products and services: the specifications and after-sales service of our products.',
    versionStatus: 'current',
    versionNote: 'First version',
    sourceDocument: 'Job description of customer service agents',
    sourceExtraction: 'Compiled by HR',
    editorialWhere: 'P1.1.1',
    editorialSource: 'Job description, page 3',
    editorialDecision: 'The time is 24 hours, as the customer service department sets it today.',
  },
  kinds: {
    standard: 'standard',
    field: 'field',
    occupation: 'occupation',
    industry: 'industry',
    duty: 'duty',
    task: 'task',
    output: 'output',
    indicator: 'indicator',
    knowledge: 'knowledge item',
    skill: 'skill item',
    attitude: 'attitude',
    footnote: 'footnote',
    note: 'note',
    qualification: 'qualification',
    supplement: 'supplementary note',
    version: 'version',
    editorial: 'editorial note',
    source: 'source',
  },
  named: '{kind} {code}',
  line: 'Line {line}: {what}',
  badStandardLevel: 'the standard level “{value}” is not between 1 and 6.',
  emptyKind: 'the row has text but no kind (the kind column is empty).',
  problems: {
    'template-empty': 'the file is empty.',
    'template-too-large':
      'the file has {length} characters, more than the {limit} a standard’s template can have.',
    'template-too-many-rows': 'more than {limit} rows: this is not a standard’s template.',
    'template-cell-too-long': 'a cell of {length} characters, more than the limit of {limit}.',
    'template-not-text':
      'this is not a text file (perhaps an Excel workbook, .xlsx). In Excel, choose Save As › “CSV UTF-8 (Comma delimited)”.',
    'template-not-utf8':
      'the file is not in UTF-8, so Chinese would be garbled. In Excel, choose Save As › “CSV UTF-8 (Comma delimited)” and read it again.',
    'template-unclosed-quote':
      'a quote (") opened on this line is never closed, so the rest of the file would be one cell.',
    'template-no-header':
      'no header row: the first row must name the columns kind, code, duty, task, level, title, text…',
    'template-missing-column': 'the header row has no “{column}” column.',
    'template-unknown-column':
      'the header “{column}” is not a column of the template (begin a column of your own notes with #).',
    'template-duplicate-column': 'the header row has two “{column}” columns.',
    'template-extra-cells': 'column {column} has no header but holds text.',
    'template-no-rows':
      'only the header and examples, nothing of a standard. Delete the # before the kinds of the example rows, or add rows of your own.',
    'template-unknown-kind': '“{kind}” is not a kind of row of the template.',
    'template-missing-row': 'there is no {kind} row.',
    'template-repeated-row': 'only one {kind} row is allowed, and line {first} has one.',
    'template-missing-value': 'the “{column}” cell of {thing} is empty.',
    'template-bad-level': 'the competency level “{value}” of {thing} is not between 1 and 6.',
    'template-bad-code': '“{value}” is not the form of a {kind} code.',
    'template-duplicate-code': 'the code {code} is used twice; line {first} has it already.',
    'template-unknown-duty': 'the duty {duty} of {thing} has no duty row.',
    'template-unknown-task': 'the task {task} of {thing} has no task row.',
    'template-unknown-output':
      'indicator {code} lists output {output}, which is not an output of task {task}.',
    'template-task-outside-duty': 'task {task} is not in duty {duty}.',
    'template-duty-without-tasks': 'duty {duty} has no task.',
    'template-task-without-indicators': 'task {task} has no behaviour indicator.',
    'template-unknown-item':
      'the supplementary note explains {item}, which is no knowledge, skill or attitude item of the standard.',
    'template-bad-footnote-mark':
      'the footnote mark “{value}” cannot be read: write “1” or “1: the words it follows”.',
    'template-unknown-footnote': 'footnote {n} is marked but has no footnote row.',
    'template-bad-date': '“{value}” is not a date: write YYYY-MM-DD.',
    'template-bad-lang': '“{value}” is not a language tag: write en, zh-Hant-TW or the like.',
    'template-invalid': 'the standard read does not pass the check ({path}: {message}).',
    'template-unreadable': 'reading failed, and nothing was read ({message}).',
  },
}
