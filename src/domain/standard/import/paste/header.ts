/**
 * The header of a pasted standard, the lines above its table: the heading, the labelled fields
 * (職能基準代碼, 職業, 職類別, 職業別, 行業別 and their codes, 工作描述, 基準級別) and the version
 * table. Fields are found by their labels wherever the extraction put them on a line.
 */
import type { Standard } from '../../schema'
import { collapse, joinAcross } from '../text'

/** The header's fields as read (null where missing), each with the line it stands on. */
export interface Header {
  heading: string | null
  code: string | null
  codeLine: number
  title: string | null
  level: string | null
  levelLine: number
  description: string | null
  descriptionLine: number
  field: { name: string; code: string } | null
  occupation: { name: string; code: string } | null
  /** 行業別: every industry named, in order; empty when none is. */
  industries: { name: string; code: string }[]
  industriesLine: number
  /** Names and codes that could not be paired (their counts differ). */
  industriesUnpaired: { names: number; codes: number } | null
  versions: Standard['versions']
}

/** The labels of the header's fields, as the published standards print them. */
export const LABELS = new Set([
  '職能基準代碼',
  '職能基準名稱',
  '職類',
  '職業',
  '所屬類別',
  '職類別',
  '職類別代碼',
  '職業別',
  '職業別代碼',
  '行業別',
  '行業別代碼',
  '工作描述',
  '基準級別',
])
/** The label a cell holds (spaces and a bracketed note aside), or null. */
export const label = (cell: string) => {
  const c = cell.replace(/\s+/g, '').replace(/[(（].*[)）]$/, '')
  return LABELS.has(c) ? c : null
}

/** The header of the lines above the table. */
export function readHeader(lines: string[]): Header {
  const h: Header = {
    heading: null,
    code: null,
    codeLine: 1,
    title: null,
    level: null,
    levelLine: 1,
    description: null,
    descriptionLine: 1,
    field: null,
    occupation: null,
    industries: [],
    industriesLine: 1,
    industriesUnpaired: null,
    versions: [],
  }
  const values = new Map<string, { value: string; line: number }>()
  // Every 行業別 and 行業別代碼 value met, not only the first: a standard may name several.
  const industry = { names: [] as string[], codes: [] as string[] }
  // The columns of the 行業別 values on the line above, while lines go on from it.
  let industryColumns: Map<number, 'names' | 'codes'> | null = null
  let inVersions = false
  lines.forEach((line, i) => {
    const trimmed = line.trim()
    if (trimmed === '') {
      inVersions = false
      industryColumns = null
      return
    }
    if (h.heading === null && /職能基準$/.test(trimmed) && !line.includes('\t'))
      h.heading = collapse(trimmed).text
    const cells = line.split('\t').map((c) => c.trim())
    if (cells[0] === '版本') {
      inVersions = true
      return
    }
    if (inVersions && /^V\d+(?:\s|$)/i.test(cells[0] ?? '')) {
      h.versions.push(versionRow(line))
      return
    }
    const labelled = cells.findIndex((c) => label(c) !== null)
    if (industryColumns !== null) {
      // A line that goes on from a 行業別 line, before a blank line: a further row of a merged
      // 行業別 cell (each cell continues the value in its column above), or the rest of a cell
      // a line break split (the cells before the line's first label continue the last value).
      const above: Map<number, 'names' | 'codes'> = industryColumns
      const last = [...above.values()].at(-1)
      ;(labelled < 0 ? cells : cells.slice(0, labelled)).forEach((cell, j) => {
        const list = labelled < 0 ? (above.get(j) ?? last) : last
        if (cell !== '' && list) industry[list].push(cell)
      })
      if (labelled < 0) return
      industryColumns = null
    }
    cells.forEach((cell, j) => {
      const l = label(cell)
      if (l === null) return
      if (!values.has(l)) values.set(l, { value: '', line: i + 1 })
      const at = cells.findIndex((c, k) => k > j && c !== '')
      const value = cells[at]
      if (value === undefined || label(value) !== null) return
      if (l === '行業別' || l === '行業別代碼') {
        const list = l === '行業別' ? 'names' : 'codes'
        industry[list].push(value)
        industryColumns ??= new Map()
        industryColumns.set(at, list)
        h.industriesLine = i + 1
      }
      if (values.get(l)?.value === '') values.set(l, { value: collapse(value).text, line: i + 1 })
    })
  })
  const get = (l: string) => {
    const v = values.get(l)?.value
    return v === undefined || v === '' ? null : v
  }
  h.code = get('職能基準代碼')
  h.codeLine = values.get('職能基準代碼')?.line ?? 1
  h.title = get('職業') ?? get('職類') ?? (h.heading ? h.heading.replace(/職能基準$/, '') : null)
  h.level = get('基準級別')
  h.levelLine = values.get('基準級別')?.line ?? 1
  h.description = get('工作描述')
  h.descriptionLine = values.get('工作描述')?.line ?? 1
  const pair = (name: string) => {
    const n = get(name)
    const c = get(`${name}代碼`)
    return n !== null && c !== null ? { name: n, code: c } : null
  }
  h.field = pair('職類別')
  h.occupation = pair('職業別')
  const paired = pairIndustries(industry.names, industry.codes)
  if (paired.ok) h.industries = paired.industries
  else h.industriesUnpaired = { names: paired.names, codes: paired.codes }
  return h
}

/**
 * Pairs the 行業別 names with their codes. The codes decide how many industries there are: a
 * code has no spaces or punctuation inside, so the 代碼 cells split cleanly at 、，；/ or white
 * space, while a name may hold all of these (支援服務業 / 旅行及相關服務業, 農、林、漁、牧業).
 * The names are then split the first way that gives as many names as codes: one per 行業別
 * row or cell line as written; then at line breaks and ；; then at 、 and ，; then at white
 * space that is not around a slash. One code takes the whole name, however it is written.
 */
export function pairIndustries(
  names: string[],
  codes: string[],
):
  | { ok: true; industries: { name: string; code: string }[] }
  | { ok: false; names: number; codes: number } {
  const codeList = codes.flatMap((c) => c.split(/[、，,；;/\s]+/)).filter((c) => c !== '')
  const nameList = names.map((n) => n.trim()).filter((n) => n !== '')
  if (codeList.length === 0 || nameList.length === 0) return { ok: true, industries: [] }
  const pieces = (split: (name: string) => string[]) =>
    nameList
      .flatMap(split)
      .map((n) => n.trim())
      .filter((n) => n !== '')
  // Split at white space only where every piece reads 大類 / 細類, as iCAP industries do: the
  // extraction also breaks words with spaces, and a broken word must not pass for two names.
  const bySpace = pieces((n) => n.split(/(?<![/\s])\s+(?![/\s])/))
  const candidates = [
    codeList.length === 1 ? [nameList.reduce(joinAcross)] : nameList,
    pieces((n) => n.split(/[\n；;]+/)),
    pieces((n) => n.split(/[、，,\n；;]+/)),
    bySpace.every((n) => n.includes('/')) ? bySpace : [],
  ]
  const fit = candidates.find((list) => list.length === codeList.length)
  if (!fit) return { ok: false, names: nameList.length, codes: codeList.length }
  return {
    ok: true,
    industries: fit.map((name, i) => ({ name: collapse(name).text, code: codeList[i] ?? '' })),
  }
}

/**
 * One row of the version table: version, code, name, status, update note, date. A published
 * row may leave the note or the date empty; an empty cell is left out, not refused. Where the
 * tabs became spaces, the note is what stands between the status and a trailing date.
 */
export function versionRow(line: string): Standard['versions'][number] {
  let cells = line.split('\t').map((c) => c.trim())
  if (cells.length === 1) {
    const words = cells[0]?.split(/\s+/) ?? []
    const hasDate = words.length > 4 && readDate(words.at(-1) ?? '') !== null
    cells = [
      ...words.slice(0, 4),
      words.slice(4, hasDate ? -1 : undefined).join(' '),
      hasDate ? (words.at(-1) ?? '') : '',
    ]
  }
  // A row of five cells whose last reads as a date lost its empty note cell, not its date.
  while (cells.length > 0 && cells.at(-1) === '') cells.pop()
  if (cells.length === 5 && readDate(cells[4] ?? '') !== null) cells.splice(4, 0, '')
  const [version = '', code = '', title = '', status = '', note = '', date = ''] = cells
  return {
    version,
    code,
    title,
    status,
    ...(note !== '' ? { note } : {}),
    ...(date !== '' ? { date: readDate(date) ?? date } : {}),
  }
}

/** A date as the version table writes it (2024/12/15, 2024.12.15, 2024年12月15日, 民國 113/12/15). */
function readDate(cell: string): string | null {
  const d = /^(?:民國\s*)?(\d{2,4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?$/.exec(cell)
  if (!d) return null
  const year = Number(d[1])
  // A year of two or three digits is a year of the Republic (民國), as 民國 113 = 2024.
  const y = year < 1000 ? year + 1911 : year
  return `${y}-${(d[2] ?? '').padStart(2, '0')}-${(d[3] ?? '').padStart(2, '0')}`
}
