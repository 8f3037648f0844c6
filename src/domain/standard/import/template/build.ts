/**
 * The third step of reading a template: from its lines to a standard, every cross-reference
 * checked with its line before the schema sees it: footnotes first (the marks of every other
 * row refer to them), the standard's own rows (standard, field, occupation, industries, source),
 * duties and tasks, items, notes, versions and editorial notes; ./read checks the result with
 * the schema.
 *
 * An id for a standard without a code: the field code and occupation code, a hyphen, and eight
 * hex digits of a hash (FNV-1a) of the title, e.g. THM3514-1a2b3c4d; the paste parser derives
 * the same. It depends on nothing but those, so reading the same template twice gives the same
 * id, and an editorial note records that the id is GapLens's own.
 *
 * Without a `source` row, the source is the title (and code) as the document and the file's
 * name (`sourceName`, default "CSV template") as the extraction.
 */
import { Refusal } from '../refusal'
import { STANDARD_FORMAT_VERSION, type EditorialNote, type FootnoteRef } from '../../schema'
import { shortHash } from '../text'
import { dateOf, ID, ITEM_CODE, LANG, listOf, type Cells } from './cells'
import { readFootnotes, withMarks } from './footnotes'
import { NONE } from './format'
import { readItems } from './items'
import type { Line } from './lines'
import { templateProblem } from './problems'
import { readTasks } from './tasks'

/** What the standard is built with besides its rows. */
export interface BuildOptions {
  /** The file's name, for `source.extraction` when the template has no source row. */
  sourceName?: string
  /** A `$schema` reference to write into the standard. */
  schemaRef?: string
}

/** What the standard's own row gives: its code, id, title, level and description. */
interface StandardRow {
  title: string
  code: string | null
  id: string
  level: number
  description: string
  descriptionFootnotes: FootnoteRef[] | undefined
  /** The note that the id is GapLens's own, for a standard without a code. */
  editorial: EditorialNote[]
}

/** The standard's own row read, its id checked or derived (see above). */
function readStandardRow(
  cells: Cells,
  row: Line | null,
  classes: { field: string; occupation: string },
  marksOf: (l: Line) => FootnoteRef[] | undefined,
): StandardRow {
  const { need, levelOf, problems } = cells
  if (!row)
    return {
      title: '',
      code: null,
      id: '',
      level: 0,
      description: '',
      descriptionFootnotes: undefined,
      editorial: [],
    }
  const title = need(row, 'title')
  const code = row.get('code') || null
  const level = levelOf(row, code ?? title)
  const description = need(row, 'text')
  const descriptionFootnotes = marksOf(row)
  const editorial: EditorialNote[] = []
  const badId = (value: string) =>
    problems.add(templateProblem('template-bad-code', { kind: 'standard', value }, row.line))
  let id = ''
  const ownId = row.get('id')
  if (ownId !== '') {
    if (ID.test(ownId)) id = ownId
    else badId(ownId)
  } else if (code !== null) {
    if (ID.test(code)) id = code
    else badId(code)
  } else {
    id = `${classes.field}${classes.occupation}-${shortHash(title)}`.replace(/[^A-Za-z0-9._-]/g, '')
    if (!ID.test(id)) id = `standard-${shortHash(title)}`
    editorial.push({
      where: 'id, code',
      source: 'code (empty)',
      decision: `The standard has no code yet: code is null, and the file id ${id} is GapLens’s own, built from its field (${classes.field}) and occupation (${classes.occupation}) codes and a hash of its title. It is not an iCAP code.`,
      lang: 'en',
    })
  }
  return { title, code, id, level, description, descriptionFootnotes, editorial }
}

/**
 * The standard the lines describe, not yet checked by the schema; a Refusal thrown with every
 * problem found, in the order of the file's lines.
 */
export function buildStandard(cells: Cells, options: BuildOptions): Record<string, unknown> {
  const { of, need, at, problems, headerLine } = cells
  const add = problems.add
  const { footnotes, marksOf } = readFootnotes(cells)

  const standardRow = cells.once('standard', true)
  const classification = (l: Line | null) =>
    l ? { name: need(l, 'title'), code: need(l, 'code') } : { name: '', code: '' }
  const field = classification(cells.once('field', true))
  const occupation = classification(cells.once('occupation', true))
  const industryRows = of('industry')
  if (industryRows.length === 0)
    add(templateProblem('template-missing-row', { kind: 'industry' }, headerLine))
  const industries = industryRows.map((l) => classification(l))
  const sourceRow = cells.once('source', false)
  const { title, code, id, level, description, descriptionFootnotes, editorial } = readStandardRow(
    cells,
    standardRow,
    { field: field.code, occupation: occupation.code },
    marksOf,
  )

  const { duties, tasks } = readTasks(cells, marksOf)
  const { knowledge, skills, attitudes } = readItems(cells, marksOf, tasks)

  const itemCodes = new Set([...knowledge, ...skills, ...attitudes].map((i) => i.code))
  const general = of('note').map((l) => need(l, 'text'))
  const qualifications = of('qualification').map((l) => need(l, 'text'))
  const supplementary = of('supplement').map((l) => {
    const text = need(l, 'text')
    const raw = l.get('explains')
    if (raw === '') return at({ text }, l)
    const explains = raw.toLowerCase() === NONE ? [] : listOf(raw).map((c) => c.toUpperCase())
    for (const c of explains)
      if (!ITEM_CODE.test(c) || !itemCodes.has(c))
        add(templateProblem('template-unknown-item', { item: c }, l.line))
    return at({ text, explains }, l)
  })
  const versions = of('version').map((l) => {
    const entry = {
      version: need(l, 'version'),
      code: need(l, 'code'),
      title: need(l, 'title'),
      status: need(l, 'status'),
    }
    const note = l.get('text')
    const date = dateOf(l.get('date'))
    if (date === null) add(templateProblem('template-bad-date', { value: l.get('date') }, l.line))
    return at({ ...entry, ...(note ? { note } : {}), ...(date ? { date } : {}) }, l)
  })
  const source = sourceRow
    ? { document: need(sourceRow, 'title'), extraction: need(sourceRow, 'text') }
    : {
        document: code ? `${title} ${code}` : title,
        extraction: options.sourceName ?? 'CSV template',
      }
  for (const l of of('editorial')) {
    const lang = need(l, 'lang')
    if (lang !== '' && !LANG.test(lang))
      add(templateProblem('template-bad-lang', { value: lang }, l.line))
    editorial.push(
      at({ where: need(l, 'title'), source: l.get('source'), decision: need(l, 'text'), lang }, l),
    )
  }

  if (problems.list.length > 0)
    throw new Refusal([...problems.list].sort((a, b) => a.line - b.line))

  const candidate = {
    ...(options.schemaRef !== undefined ? { $schema: options.schemaRef } : {}),
    formatVersion: STANDARD_FORMAT_VERSION,
    id,
    code,
    title,
    level,
    field,
    occupation,
    industries,
    description,
    ...withMarks('descriptionFootnotes', descriptionFootnotes),
    duties: [...duties.values()],
    knowledge,
    skills,
    attitudes,
    footnotes,
    notes: { general, qualifications, supplementary },
    versions,
    source,
    editorial,
  }
  if (standardRow) cells.lineOf.set(candidate, standardRow.line)
  return candidate
}
