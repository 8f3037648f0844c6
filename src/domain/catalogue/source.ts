/**
 * The shape of one file of the catalogue's source: a published iCAP standard as the open-source
 * project oneghostzhang/CompetencyWizard parsed it from its PDF (`data/parsed_json_v2/`). Only
 * what the conversion reads is checked; the parser's own fields (`chunks_for_rag`,
 * `parse_success`, `parse_errors`, `metadata.source_file`) are ignored.
 */
import { z } from '../zod'

/** Where the source comes from, as its README asks to credit it wherever the data goes. */
export const CATALOGUE_SOURCE = {
  project: 'oneghostzhang/CompetencyWizard',
  path: 'data/parsed_json_v2',
  commit: 'c7fc425637516838e18c8d4aec0da754d88a24f2',
  licence: 'MIT',
  url: 'https://github.com/oneghostzhang/CompetencyWizard',
  publisher: '勞動部勞動力發展署 iCAP 職能發展應用平台',
} as const

/** A text the parser may leave null or out. */
const loose = z
  .string()
  .nullish()
  .transform((s) => s ?? '')
const codes = z
  .array(z.string())
  .nullish()
  .transform((list) => list ?? [])

const SourceTask = z.object({
  /** The duty, code and title run together: "T1製作與維護各項交易紀錄". */
  main_responsibility: loose,
  task_id: z.string(),
  task_name: loose,
  /** The outputs as one string, several separated by 、. */
  output: loose,
  /** The indicators' texts, without their P codes. */
  behaviors: z
    .array(z.string().nullable())
    .nullish()
    .transform((list) => (list ?? []).filter((b): b is string => b !== null)),
  knowledge: codes,
  skills: codes,
  /** One level per task; 0 where the parser found none, 34 where it ran two together. */
  level: z.number().nullish(),
})
export type SourceTask = z.infer<typeof SourceTask>

const SourceItem = z.object({ code: z.string(), name: loose })
const SourceAttitude = z.object({ code: z.string(), name: loose, description: loose })

export const SourceFile = z.object({
  metadata: z.object({
    code: loose,
    name: loose,
    update_date: loose,
    version: loose,
    status: loose,
  }),
  basic_info: z.object({
    category: loose,
    category_code: loose,
    occupation: loose,
    occupation_code: loose,
    industry: codes,
    industry_code: codes,
    job_description: loose,
    level: z.number().nullish(),
    requirements: loose,
  }),
  competency_tasks: z
    .array(SourceTask)
    .nullish()
    .transform((list) => list ?? []),
  competency_knowledge: z
    .array(SourceItem)
    .nullish()
    .transform((list) => list ?? []),
  competency_skills: z
    .array(SourceItem)
    .nullish()
    .transform((list) => list ?? []),
  competency_attitudes: z
    .array(SourceAttitude)
    .nullish()
    .transform((list) => list ?? []),
})
export type SourceFile = z.infer<typeof SourceFile>

/** One source file read: its content, or why it could not be read. */
export type SourceReading = { ok: true; source: SourceFile } | { ok: false; detail: string }

/** Reads one source file's text. Never throws. */
export function readSourceFile(text: string): SourceReading {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, detail: `not JSON: ${(e as Error).message}` }
  }
  const parsed = SourceFile.safeParse(raw)
  if (parsed.success) return { ok: true, source: parsed.data }
  const first = parsed.error.issues[0]
  return { ok: false, detail: `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}` }
}

/** Superseded versions carry this mark at the start of their file name and title. */
export const HISTORIC_MARK = '《歷史資料》'
