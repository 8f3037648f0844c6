import { onScopeDispose, watch } from 'vue'

/**
 * A text as a CSS string: quoted, with the characters that would end it or the line escaped
 * (a quote, a backslash, a line break and other control characters), so a person's name can
 * never close the string or the rule it stands in.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\\' || c === '"' ? `\\${c}` : `\\${c.charCodeAt(0).toString(16)} `,
  )
  return `"${escaped}"`
}

/**
 * A message with `{page}` and `{pages}` in it ("第 {page} 頁，共 {pages} 頁") as the value of
 * a CSS `content`: the words as strings, the placeholders as the page counters.
 */
export function pageContent(template: string): string {
  const parts = template.split(/(\{pages?\})/)
  return parts
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ')
}

/** Longer than a page's top margin holds on two lines: the whole text is on the first page. */
export const RUNNING_HEAD_MAX = 110

/** The running head cut to what the margin holds, with an ellipsis where it was cut. */
export function runningHead(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length > RUNNING_HEAD_MAX
    ? `${chars.slice(0, RUNNING_HEAD_MAX - 1).join('')}…`
    : chars.join('')
}

/** The page rules: the running head at the top left, the page's number of all at the bottom. */
export function runningHeaderCss(head: string, pageTemplate: string): string {
  return [
    '@page {',
    `  @top-left { content: ${cssString(runningHead(head))}; font-size: 8pt; color: #5b6776; vertical-align: bottom; padding-bottom: 2mm; }`,
    `  @bottom-right { content: ${pageContent(pageTemplate)}; font-size: 8pt; color: #5b6776; }`,
    '}',
  ].join('\n')
}

/**
 * Puts a running head (who, which standard, the date) and "page n of m" in the margins of every
 * printed page while the calling component is shown. The text is the page's own data, and the
 * page's Content-Security-Policy allows no inline style: the rules go in a stylesheet made in
 * script (CSSOM), which the policy does not govern, adopted by the document and dropped after.
 */
export function useRunningHeader(text: () => { head: string; page: string }): void {
  if (typeof CSSStyleSheet !== 'function' || typeof document === 'undefined') return
  let sheet: CSSStyleSheet
  try {
    sheet = new CSSStyleSheet()
  } catch {
    return // a browser without constructed stylesheets prints the plain page numbers
  }
  const adopted = () => document.adoptedStyleSheets ?? []
  document.adoptedStyleSheets = [...adopted(), sheet]
  watch(
    text,
    ({ head, page }) => {
      try {
        sheet.replaceSync(runningHeaderCss(head, page))
      } catch {
        // Rules the browser cannot parse leave the page's own numbers in place.
      }
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    document.adoptedStyleSheets = adopted().filter((s) => s !== sheet)
  })
}
