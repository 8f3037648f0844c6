/**
 * The words of the CSV template that its writer (./write, which says what each column holds)
 * and its reader (./read) share: the columns, the kinds of row, and the cell of an empty list.
 */

/** The columns in the order the app writes them. */
export const TEMPLATE_COLUMNS = [
  'kind',
  'code',
  'duty',
  'task',
  'outputs',
  'level',
  'title',
  'text',
  'footnotes',
  'explains',
  'id',
  'version',
  'status',
  'date',
  'source',
  'lang',
] as const
/** A column of the template, by its stable header name. */
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number]

/** The kinds of row, as the `kind` column names them. */
export const TEMPLATE_KINDS = [
  'standard',
  'field',
  'occupation',
  'industry',
  'duty',
  'task',
  'output',
  'indicator',
  'knowledge',
  'skill',
  'attitude',
  'footnote',
  'note',
  'qualification',
  'supplement',
  'version',
  'editorial',
  'source',
] as const
/** A kind of row of the template. */
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]

/** A list cell meaning "an empty list", as apart from an empty cell (no list). */
export const NONE = 'none'
