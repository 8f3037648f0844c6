/**
 * The standards list drawn into index.html at build time (scripts/first-screen): the bundled
 * standards' titles as the app's own components write them, text escaped, no script of its own,
 * and the classic script that hides it on other pages reading the key the app keeps the language
 * under.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  bundledStandardTexts,
  placeFirstScreen,
  renderFirstScreen,
} from '../../scripts/first-screen/vite-plugin'
import { LOCALE_STORAGE_KEY } from '@/i18n'

const root = process.cwd()
const TITLE = '<script>alert(1)</script> 旅遊 & "顧問"'

/** A bundled standard under another id and no code, with a title that is markup if not escaped. */
function hostileStandard() {
  const [text] = bundledStandardTexts(root).filter((f) => f.file === 'TTM4221-002v4.json')
  const standard = JSON.parse(text!.body) as Record<string, unknown>
  standard.id = 'TEST-escape'
  standard.title = TITLE
  // Without a code it is a standard apart, not another version of the one copied.
  standard.code = null
  return { file: 'TEST-escape.json', body: JSON.stringify(standard) }
}

describe('the first screen drawn at build time', () => {
  it('lists every bundled standard, escaped, in a page with no inline script', async () => {
    const files = [...bundledStandardTexts(root), hostileStandard()]
    const markup = await renderFirstScreen(root, files)
    const html = placeFirstScreen(readFileSync('index.html', 'utf8'), markup)
    const app = /<div id="app" data-first-screen>([\s\S]*)<\/div>\s*<script/.exec(html)?.[1] ?? ''

    expect(app).toContain('<h1')
    expect(app).toContain('職能基準')
    for (const title of ['旅遊業營運主管', '旅宿電商運營人員']) expect(app).toContain(`>${title}<`)
    expect(app).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 旅遊 &amp; &quot;顧問&quot;')
    expect(app).not.toContain(TITLE)
    expect(app.match(/class="card standard-card"/g)).toHaveLength(3)
    // Links after the '#', as the app writes them, so they lead somewhere before it runs.
    expect(app).toContain('href="#/standards/TTM4221-002v4"')
    // The header's band is still there for the pages the list is not the first screen of.
    expect(app).toContain('class="app-shell"')
    expect(app).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i)
    // The page's one script is still the app's module, below #app.
    expect(html.match(/<script/g)).toHaveLength(1)
  })

  it('is hidden by a script that reads the language where the app keeps it', () => {
    const chooser = readFileSync('public/first-screen.js', 'utf8')
    expect(chooser).toContain(`var KEY = '${LOCALE_STORAGE_KEY}'`)
    expect(chooser).toContain('getItem(KEY)')
    // A language pressed before the app starts is kept where the app reads it as it mounts.
    expect(chooser).toContain('setItem(KEY, chosen)')
    expect(chooser).toContain("'data-chosen-locale'")
    expect(chooser).toContain("classList.add('no-first-screen')")
  })
})
