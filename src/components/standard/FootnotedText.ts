/**
 * A standard's text with its footnote marks (【註n】) where they hang, each a link to the note.
 * A functional component: a standard's page shows a few hundred of these, most without a mark,
 * and a plain text needs no component instance of its own (a phone draws the page sooner).
 */
import { h, type FunctionalComponent } from 'vue'
import { RouterLink } from 'vue-router'
import { footnoteSegments } from '@/domain/standard/model'
import type { FootnoteRef } from '@/domain/standard/schema'
import { locale, translate } from '@/i18n'

interface Props {
  text: string
  footnotes?: FootnoteRef[]
  /** Footnote texts by number, for the mark's tooltip. */
  notes?: Map<number, string>
}

const FootnotedText: FunctionalComponent<Props> = (props) => {
  if (!props.footnotes?.length) return props.text
  return h(
    'span',
    { class: 'footnoted' },
    footnoteSegments(props.text, props.footnotes).flatMap((segment) =>
      segment.note === undefined
        ? [segment.text]
        : [
            segment.text,
            h('sup', { class: 'footnote-mark' }, [
              h(
                RouterLink,
                { to: { hash: `#fn-${segment.note}` }, title: props.notes?.get(segment.note) },
                () => translate(locale.value, 'standard.footnote', { n: segment.note! }),
              ),
            ]),
          ],
    ),
  )
}
FootnotedText.props = ['text', 'footnotes', 'notes']

export default FootnotedText
