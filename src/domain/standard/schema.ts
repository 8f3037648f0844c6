/**
 * The schema of a competency standard (職能基準) file in data/standards/.
 *
 * It is the single source of the TypeScript types (z.infer) and of the runtime check, and
 * data/schema/standard.schema.json is generated from it for other tools.
 */
import { z } from '../zod'
import { problemParams } from '../io/issues'
import type { ProblemCode, ProblemParams } from '../io/problems'

/**
 * Version 2 holds what published standards hold and version 1 refused: several industries, a
 * version entry without a date or a note, footnotes on an output, a task or duty title, an
 * attitude and the work description, notes that explain an attitude, and the language of each
 * editorial note. `upStandardV1` lifts a version 1 file.
 */
export const STANDARD_FORMAT_VERSION = 2

const text = z.string().trim().min(1)

/** Competency level (職能級別) 1–6, as in the official level table. */
export const CompetencyLevel = z.number().int().min(1).max(6)
export type CompetencyLevel = z.infer<typeof CompetencyLevel>

/** A named classification with its code, e.g. 職類別 休閒與觀光旅遊 / 旅遊管理, TTM. */
export const Classification = z.object({
  name: text,
  code: text,
})

/**
 * Where a footnote mark 【註n】 hangs. `after` names the words the mark follows in the text;
 * without it the mark stands at the end.
 */
export const FootnoteRef = z.object({
  n: z.number().int().positive(),
  after: text.optional(),
})
export type FootnoteRef = z.infer<typeof FootnoteRef>

export const Output = z.object({
  code: z.string().regex(/^O\d+\.\d+\.\d+$/),
  text,
  footnotes: z.array(FootnoteRef).optional(),
})
export type Output = z.infer<typeof Output>

/** A behaviour indicator. The level sits here: one task may have indicators at two levels. */
export const Indicator = z.object({
  code: z.string().regex(/^P\d+\.\d+\.\d+$/),
  text,
  level: CompetencyLevel,
  footnotes: z.array(FootnoteRef).optional(),
})
export type Indicator = z.infer<typeof Indicator>

const KCode = z.string().regex(/^K\d{2,}$/)
const SCode = z.string().regex(/^S\d{2,}$/)
const ACode = z.string().regex(/^A\d{2,}$/)
const TaskCode = z.string().regex(/^T\d+\.\d+$/)

export const Task = z.object({
  code: TaskCode,
  title: text,
  /** Footnote marks in the task's title. */
  titleFootnotes: z.array(FootnoteRef).optional(),
  outputs: z.array(Output),
  indicators: z.array(Indicator).min(1),
  knowledge: z.array(KCode),
  skills: z.array(SCode),
})
export type Task = z.infer<typeof Task>

export const Duty = z.object({
  code: z.string().regex(/^T\d+$/),
  title: text,
  /** Footnote marks in the duty's title. */
  titleFootnotes: z.array(FootnoteRef).optional(),
  tasks: z.array(Task).min(1),
})
export type Duty = z.infer<typeof Duty>

export const KnowledgeItem = z.object({
  code: KCode,
  text,
  footnotes: z.array(FootnoteRef).optional(),
})
export const SkillItem = z.object({
  code: SCode,
  text,
  footnotes: z.array(FootnoteRef).optional(),
})
/** An attitude. `tasks` holds the standard's √ matrix; absent where it maps attitudes to none. */
export const AttitudeItem = z.object({
  code: ACode,
  name: text,
  description: text,
  footnotes: z.array(FootnoteRef).optional(),
  tasks: z.array(TaskCode).optional(),
})
export type KnowledgeItem = z.infer<typeof KnowledgeItem>
export type SkillItem = z.infer<typeof SkillItem>
export type AttitudeItem = z.infer<typeof AttitudeItem>

export const Footnote = z.object({
  n: z.number().int().positive(),
  text,
})
export type Footnote = z.infer<typeof Footnote>

/** One line of 其他補充說明; `explains` names the K, S or A items it expands on. */
export const SupplementaryNote = z.object({
  text,
  explains: z.array(z.union([KCode, SCode, ACode])).optional(),
})
export type SupplementaryNote = z.infer<typeof SupplementaryNote>

export const VersionEntry = z.object({
  version: text,
  code: text,
  title: text,
  status: text,
  /** Published standards leave the note or the date of an entry empty at times. */
  note: text.optional(),
  date: z.iso.date().optional(),
})
export type VersionEntry = z.infer<typeof VersionEntry>

/** A judgement made while transcribing the source, so a reader can check it against it. */
export const EditorialNote = z.object({
  where: text,
  source: z.string(),
  decision: text,
  /** The language the note is written in (BCP 47: en, zh-Hant-TW), never assumed. */
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
})
export type EditorialNote = z.infer<typeof EditorialNote>

const StandardShape = z.object({
  $schema: z.string().optional(),
  formatVersion: z.literal(STANDARD_FORMAT_VERSION),
  /** Stable id: the iCAP code where there is one, otherwise one of ours (see `code`). */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  /** The published 職能基準代碼, or null where the standard has none yet. */
  code: text.nullable(),
  title: text,
  /** 基準級別 */
  level: CompetencyLevel,
  field: Classification,
  occupation: Classification,
  /** 行業別: a standard may serve several industries. */
  industries: z.array(Classification).min(1),
  description: text,
  /** Footnote marks in the work description. */
  descriptionFootnotes: z.array(FootnoteRef).optional(),
  duties: z.array(Duty).min(1),
  knowledge: z.array(KnowledgeItem),
  skills: z.array(SkillItem),
  attitudes: z.array(AttitudeItem),
  footnotes: z.array(Footnote),
  notes: z.object({
    general: z.array(text),
    qualifications: z.array(text),
    supplementary: z.array(SupplementaryNote),
  }),
  versions: z.array(VersionEntry),
  source: z.object({ document: text, extraction: text }),
  editorial: z.array(EditorialNote),
})

/**
 * Cross-references a shape check cannot see: codes that must exist, be unique and be used. Each
 * issue carries its problem and params (see domain/io), so the interface can say it in the
 * person's language and name the place from the file's own codes.
 */
function checkReferences(s: z.infer<typeof StandardShape>, ctx: z.RefinementCtx): void {
  const issue = <C extends ProblemCode>(
    path: (string | number)[],
    code: C,
    params: ProblemParams[C],
  ) => ctx.addIssue({ code: 'custom', path, params: problemParams(code, params) })

  const kCodes = new Set(s.knowledge.map((k) => k.code))
  const sCodes = new Set(s.skills.map((k) => k.code))
  const aCodes = new Set(s.attitudes.map((a) => a.code))
  const noteNumbers = new Set(s.footnotes.map((f) => f.n))
  const taskCodes = new Set<string>()
  const seen = new Set<string>()
  const unique = (code: string, path: (string | number)[]) => {
    if (seen.has(code)) issue(path, 'duplicate', { name: code })
    seen.add(code)
  }
  const hung = new Set<number>()
  const checkNotes = (refs: FootnoteRef[] | undefined, body: string, path: (string | number)[]) => {
    refs?.forEach((ref, i) => {
      hung.add(ref.n)
      if (!noteNumbers.has(ref.n)) issue([...path, i], 'footnote-missing', { n: ref.n })
      if (ref.after !== undefined && !body.includes(ref.after))
        issue([...path, i], 'footnote-anchor-missing', { n: ref.n, anchor: ref.after })
    })
  }

  checkNotes(s.descriptionFootnotes, s.description, ['descriptionFootnotes'])
  s.duties.forEach((duty, d) => {
    unique(duty.code, ['duties', d])
    checkNotes(duty.titleFootnotes, duty.title, ['duties', d, 'titleFootnotes'])
    duty.tasks.forEach((task, t) => {
      const at = ['duties', d, 'tasks', t]
      unique(task.code, at)
      checkNotes(task.titleFootnotes, task.title, [...at, 'titleFootnotes'])
      taskCodes.add(task.code)
      if (!task.code.startsWith(`${duty.code}.`))
        issue(at, 'task-outside-duty', { task: task.code, duty: duty.code })
      task.outputs.forEach((o, i) => {
        unique(o.code, [...at, 'outputs', i])
        checkNotes(o.footnotes, o.text, [...at, 'outputs', i, 'footnotes'])
      })
      task.indicators.forEach((p, i) => {
        unique(p.code, [...at, 'indicators', i])
        checkNotes(p.footnotes, p.text, [...at, 'indicators', i, 'footnotes'])
      })
      task.knowledge.forEach((k) => {
        if (!kCodes.has(k)) issue(at, 'unknown-reference', { target: 'knowledge', name: k })
      })
      task.skills.forEach((k) => {
        if (!sCodes.has(k)) issue(at, 'unknown-reference', { target: 'skill', name: k })
      })
    })
  })

  const usedK = new Set(s.duties.flatMap((d) => d.tasks.flatMap((t) => t.knowledge)))
  const usedS = new Set(s.duties.flatMap((d) => d.tasks.flatMap((t) => t.skills)))
  s.knowledge.forEach((k, i) => {
    unique(k.code, ['knowledge', i])
    if (!usedK.has(k.code)) issue(['knowledge', i], 'unused-item', { name: k.code })
    checkNotes(k.footnotes, k.text, ['knowledge', i, 'footnotes'])
  })
  s.skills.forEach((k, i) => {
    unique(k.code, ['skills', i])
    if (!usedS.has(k.code)) issue(['skills', i], 'unused-item', { name: k.code })
    checkNotes(k.footnotes, k.text, ['skills', i, 'footnotes'])
  })
  s.attitudes.forEach((a, i) => {
    unique(a.code, ['attitudes', i])
    checkNotes(a.footnotes, a.description, ['attitudes', i, 'footnotes'])
    a.tasks?.forEach((t) => {
      if (!taskCodes.has(t))
        issue(['attitudes', i], 'unknown-reference', { target: 'task', name: t })
    })
  })
  s.footnotes.forEach((f, i) => {
    if (!hung.has(f.n)) issue(['footnotes', i], 'footnote-unused', { n: f.n })
  })
  s.notes.supplementary.forEach((note, i) =>
    note.explains?.forEach((code) => {
      if (!kCodes.has(code) && !sCodes.has(code) && !aCodes.has(code))
        issue(['notes', 'supplementary', i], 'unknown-reference', { target: 'item', name: code })
    }),
  )
}

export const Standard = StandardShape.superRefine(checkReferences)
export type Standard = z.infer<typeof Standard>

/**
 * Lifts a version 1 standard (already a JSON object) to version 2: its one industry becomes the
 * list, and its editorial notes, all written in English in version 1 files, say so.
 */
export function upStandardV1(v1: Record<string, unknown>): Record<string, unknown> {
  const { industry, editorial, ...rest } = v1
  return {
    ...rest,
    formatVersion: STANDARD_FORMAT_VERSION,
    industries: industry === undefined ? [] : [industry],
    editorial: Array.isArray(editorial)
      ? editorial.map((note: unknown) =>
          note !== null && typeof note === 'object' ? { lang: 'en', ...note } : note,
        )
      : editorial,
  }
}
