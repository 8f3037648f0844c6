/**
 * The supplementary notes (其他補充說明) linked to the K, S or A items they explain: a note names
 * its item by code, else its term reads most like the item's text (an attitude's name). One
 * judgement per note (the link), and one that sums them up for the editorial list.
 */
import type { Judge } from './judge'
import type { Notes } from './notes'
import { numberWord, similarity } from '../text'

/** An item a note may explain: its code and the words its term is matched with. */
export interface Explainable {
  code: string
  text: string
}

/** Each supplementary note with the codes it explains (none where no item matches). */
export function linkNotes(notes: Notes, explainable: Explainable[], judge: Judge) {
  const supplementary = notes.supplementary.map((s) => {
    const term = /^([^：:]{1,40})[：:]/.exec(s.text)?.[1]?.trim() ?? s.text.slice(0, 20)
    const named = [...s.text.matchAll(/(?<![A-Za-z0-9])[KSA]\d{2,}(?!\d)/g)]
      .map((m) => m[0])
      .filter((c, i, all) => all.indexOf(c) === i && explainable.some((k) => k.code === c))
    const best = explainable
      .map((k) => ({ k, score: similarity(term, k.text) }))
      .sort((a, b) => b.score - a.score)[0]
    const proposed =
      named.length > 0 ? named.join(', ') : best && best.score >= 0.6 ? best.k.code : ''
    const chosen = String(judge('note-link', term, s.line, proposed, null))
    const codes = chosen.split(/[,\s]+/).filter((c) => /^[KSA]\d{2,}$/.test(c))
    return { s, term, codes }
  })
  if (supplementary.length > 0) {
    const linked = supplementary.filter((x) => x.codes.length > 0)
    const textOf = (code: string) => explainable.find((k) => k.code === code)?.text ?? ''
    const letters = new Set(linked.flatMap((x) => x.codes.map((c) => c[0])))
    const itemWord = !letters.has('A')
      ? letters.has('S')
        ? 'knowledge or skill item'
        : 'knowledge item'
      : letters.size === 1
        ? 'attitude'
        : `${[letters.has('K') ? 'knowledge' : null, letters.has('S') ? 'skill' : null]
            .filter((x) => x !== null)
            .join(', ')} or attitude item`
    judge('notes-linked', 'all', supplementary[0]?.s.line ?? 1, true, () => ({
      where: '說明與補充事項 / 其他補充說明',
      source: `${supplementary[0]?.term ?? ''}：… (${numberWord(supplementary.length)} line${supplementary.length > 1 ? 's' : ''})`,
      decision: `Each line of 其他補充說明 expands on a${itemWord.startsWith('a') ? 'n' : ''} ${itemWord}; it is linked to that item (${linked
        .map(
          (x) =>
            `${x.term} → ${x.codes.map((c) => (textOf(c).includes(x.term) || x.term.includes(textOf(c)) ? c : `${c} ${textOf(c)}`)).join(', ')}`,
        )
        .join(
          ', ',
        )})${linked.length < supplementary.length ? '; lines that match no item are kept without a link' : ''}.`,
    }))
  }
  return supplementary.map(({ s, codes }) => ({
    text: s.text,
    ...(codes.length > 0 ? { explains: codes } : {}),
  }))
}
