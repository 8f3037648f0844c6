/**
 * Making a judgement: the reader proposes a value and, for the editorial list, an entry worded
 * in English; the person's answer (another value, their own wording) takes its place. Every
 * judgement made is kept, in the order made, for the preview.
 */
import type { EditorialNote } from '../../schema'
import type { Judgement, JudgementAnswer, JudgementKind } from './judgements'

/** The language the parser writes its editorial entries in. */
const PARSER_LANG = 'en'

/**
 * The language of a decision the person wrote, when they do not say. An English decision quotes
 * Chinese text at length, so the count of characters says little: English where it is built of
 * English words (the, is, of …), else Traditional Chinese where it holds Han characters.
 */
export function langOf(text: string): string {
  const english = text.match(/\b(?:the|a|an|is|are|was|of|to|and|as|in|on|it|its|by|with)\b/gi)
  if ((english?.length ?? 0) >= 2) return 'en'
  return /\p{Script=Han}/u.test(text) ? 'zh-Hant-TW' : 'en'
}

/**
 * Makes a judgement of a kind about a subject (the two make its id), at a line: the person's
 * answer if there is one, else the proposed value. `note` words the editorial entry for the
 * value chosen; null for a judgement another one's entry speaks for.
 */
export type Judge = (
  kind: JudgementKind,
  subject: string,
  line: number,
  value: Judgement['value'],
  note: ((value: Judgement['value']) => Omit<EditorialNote, 'lang'>) | null,
) => Judgement['value']

/** A judge answering with these answers, and the judgements it has made. */
export function judgeWith(answers: Record<string, JudgementAnswer>): {
  judge: Judge
  judged: Judgement[]
} {
  const judged: Judgement[] = []
  const judge: Judge = (kind, subject, line, value, note) => {
    const id = `${kind}:${subject}`
    const answer = answers[id]
    const chosen = answer?.value ?? value
    // The parser writes its entries in English; a decision the person rewrote is in the
    // language they say, else the one its script shows.
    const made = note ? { ...note(chosen), lang: PARSER_LANG } : null
    judged.push({
      id,
      kind,
      line,
      value: chosen,
      note:
        made && answer?.decision !== undefined
          ? { ...made, decision: answer.decision, lang: answer.lang ?? langOf(answer.decision) }
          : made,
    })
    return chosen
  }
  return { judge, judged }
}
