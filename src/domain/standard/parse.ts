import { Standard, STANDARD_FORMAT_VERSION, upStandardV1 } from './schema'
import { checkAgainst } from '../io/issues'
import { isJsonObject, readJson } from '../io/json'
import { byField, bySelf, type Layout } from '../io/place'
import { failure, problem, versionProblem, type ParseResult } from '../io/problems'

export type { ParseResult } from '../io/problems'

const footnoteMarks: Layout = {
  field: 'footnotes',
  each: {
    record: 'footnoteMark',
    name: byField('footnoteMark', 'n'),
    layout: { keys: { n: { field: 'footnoteNumber' }, after: { field: 'anchor' } } },
  },
}
/**
 * Marks in a title or in the work description: the place says where the mark stands (… › footnote
 * marks in the title › footnote mark 2), as a mark there is told apart from no other by its
 * record alone.
 */
const marksIn = (field: 'titleFootnotes' | 'descriptionFootnotes'): Layout => ({
  field,
  each: {
    ...footnoteMarks.each,
    record: 'footnoteMark',
    name: (value, key, root) => [
      { kind: 'field', field },
      ...(byField('footnoteMark', 'n')?.(value, key, root) ?? [
        {
          kind: 'record',
          record: 'footnoteMark',
          label: { position: typeof key === 'number' ? key + 1 : 1 },
        },
      ]),
    ],
  },
})
const classification: Layout = { keys: { name: { field: 'name' }, code: { field: 'code' } } }
const lines = (field: 'general' | 'qualifications'): Layout => ({
  field,
  each: { record: 'entry' },
})
const item = (record: 'knowledge' | 'skill'): Layout['each'] => ({
  record,
  name: byField(record, 'code'),
  layout: { keys: { code: { field: 'code' }, text: { field: 'text' }, footnotes: footnoteMarks } },
})

/** The records of a standard file and how a person names them: duty T1, indicator P1.3.2 … */
export const STANDARD_LAYOUT: Layout = {
  keys: {
    formatVersion: { field: 'formatVersion' },
    id: { field: 'id' },
    code: { field: 'standardCode' },
    title: { field: 'occupationTitle' },
    level: { field: 'standardLevel' },
    field: { ...classification, field: 'field' },
    occupation: { ...classification, field: 'occupation' },
    industries: {
      field: 'industries',
      each: { record: 'entry', layout: classification },
    },
    description: { field: 'workDescription' },
    descriptionFootnotes: marksIn('descriptionFootnotes'),
    duties: {
      field: 'duties',
      each: {
        record: 'duty',
        name: byField('duty', 'code'),
        layout: {
          keys: {
            code: { field: 'code' },
            title: { field: 'title' },
            titleFootnotes: marksIn('titleFootnotes'),
            tasks: {
              field: 'tasks',
              each: {
                record: 'task',
                name: byField('task', 'code'),
                layout: {
                  keys: {
                    code: { field: 'code' },
                    title: { field: 'title' },
                    titleFootnotes: marksIn('titleFootnotes'),
                    outputs: {
                      field: 'outputs',
                      each: {
                        record: 'output',
                        name: byField('output', 'code'),
                        layout: {
                          keys: {
                            code: { field: 'code' },
                            text: { field: 'text' },
                            footnotes: footnoteMarks,
                          },
                        },
                      },
                    },
                    indicators: {
                      field: 'indicators',
                      each: {
                        record: 'indicator',
                        name: byField('indicator', 'code'),
                        layout: {
                          keys: {
                            code: { field: 'code' },
                            text: { field: 'text' },
                            level: { field: 'competencyLevel' },
                            footnotes: footnoteMarks,
                          },
                        },
                      },
                    },
                    knowledge: {
                      field: 'knowledge',
                      each: { record: 'knowledge', name: bySelf('knowledge') },
                    },
                    skills: { field: 'skills', each: { record: 'skill', name: bySelf('skill') } },
                  },
                },
              },
            },
          },
        },
      },
    },
    knowledge: { field: 'knowledge', each: item('knowledge') },
    skills: { field: 'skills', each: item('skill') },
    attitudes: {
      field: 'attitudes',
      each: {
        record: 'attitude',
        name: byField('attitude', 'code'),
        layout: {
          keys: {
            code: { field: 'code' },
            name: { field: 'name' },
            description: { field: 'description' },
            footnotes: footnoteMarks,
            tasks: { field: 'tasks', each: { record: 'task', name: bySelf('task') } },
          },
        },
      },
    },
    footnotes: {
      field: 'footnotes',
      each: {
        record: 'footnote',
        name: byField('footnote', 'n'),
        layout: { keys: { n: { field: 'footnoteNumber' }, text: { field: 'text' } } },
      },
    },
    notes: {
      field: 'notes',
      keys: {
        general: lines('general'),
        qualifications: lines('qualifications'),
        supplementary: {
          field: 'supplementary',
          each: {
            record: 'supplementaryNote',
            layout: {
              keys: {
                text: { field: 'text' },
                explains: { field: 'explains', each: { record: 'item', name: bySelf('item') } },
              },
            },
          },
        },
      },
    },
    versions: {
      field: 'versions',
      each: {
        record: 'version',
        name: byField('version', 'version'),
        layout: {
          keys: {
            version: { field: 'version' },
            code: { field: 'standardCode' },
            title: { field: 'title' },
            status: { field: 'status' },
            note: { field: 'versionNote' },
            date: { field: 'date' },
          },
        },
      },
    },
    source: {
      field: 'source',
      keys: { document: { field: 'document' }, extraction: { field: 'extraction' } },
    },
    editorial: {
      field: 'editorial',
      each: {
        record: 'editorialNote',
        layout: {
          keys: {
            where: { field: 'where' },
            source: { field: 'extraction' },
            decision: { field: 'decision' },
            lang: { field: 'language' },
          },
        },
      },
    },
  },
}

/**
 * Parses and checks one standard file. Never throws: a bad file yields a result naming the
 * file and its problems, each placed in the standard's own terms, so the caller can report it
 * and still offer the others.
 *
 * A version 1 file (saved before standards held several industries) is lifted to version 2
 * first and then checked as one, so its problems are named as in a current file; a newer
 * version is refused, as the app cannot know what it holds.
 */
export function parseStandardFile(file: string, body: string): ParseResult<Standard> {
  const json = readJson(file, body)
  if (!json.ok) return json
  const raw = json.raw
  if (!isJsonObject(raw)) return failure(file, [problem('not-an-object', {})])
  if (raw.formatVersion === 1)
    return checkAgainst(file, upStandardV1(raw), Standard, STANDARD_LAYOUT)
  if (raw.formatVersion !== STANDARD_FORMAT_VERSION)
    return failure(file, [versionProblem('standard', raw.formatVersion, STANDARD_FORMAT_VERSION)])
  return checkAgainst(file, raw, Standard, STANDARD_LAYOUT)
}
