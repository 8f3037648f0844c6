/**
 * Shortening a long name for a narrow place on screen (a table column, a heading): the whole
 * name stays available where it is shown (see ShortName.vue).
 */

/** A character's width in units of a Latin letter: CJK and other full-width ones count two. */
function width(char: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
    char,
  ) || char.codePointAt(0)! > 0x1ffff
    ? 2
    : 1
}

/**
 * The name cut to at most `max` units of width (a CJK character is two) with an ellipsis, or
 * undefined when it fits whole.
 */
export function shorten(text: string, max: number): string | undefined {
  const chars = [...text]
  let used = 0
  for (let i = 0; i < chars.length; i++) {
    used += width(chars[i]!)
    if (used > max) {
      // Room for the ellipsis: the characters before this one, less one.
      return `${chars
        .slice(0, Math.max(1, i - 1))
        .join('')
        .trimEnd()}…`
    }
  }
  return undefined
}
