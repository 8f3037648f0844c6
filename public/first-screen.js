// Runs before the page is drawn (a classic script in the head; the policy allows the app's own
// files only, never an inline script). index.html carries the standards list in zh-TW, drawn at
// build time: on any other page (a deep link after the '#') or for a person who chose English,
// it is hidden and the header's band shows until the app starts, so nothing wrong flashes.
;(function () {
  var KEY = 'gaplens.locale'
  var root = document.documentElement
  var hash = location.hash
  var list = hash === '' || hash === '#' || hash === '#/'
  var english = false
  try {
    english = localStorage.getItem(KEY) === 'en'
  } catch {
    // Storage refused: the app starts in zh-TW as well.
  }
  if (!list || english) root.classList.add('no-first-screen')

  // The list drawn at build time carries the language switch before the app can answer it. A
  // choice made then is kept where the app reads it as it mounts (src/first-screen.ts), and a
  // choice of English hides the zh-TW list at once: the press is never lost.
  document.addEventListener(
    'click',
    function (event) {
      var target = event.target
      var button = target && target.closest ? target.closest('[data-locale]') : null
      if (!button || !button.closest('#app[data-first-screen]')) return
      var chosen = button.getAttribute('data-locale')
      try {
        localStorage.setItem(KEY, chosen)
      } catch {
        // Storage refused: the app still reads the choice from the page (data-chosen-locale).
      }
      root.setAttribute('data-chosen-locale', chosen)
      root.lang = button.getAttribute('lang') || chosen
      var all = document.querySelectorAll('#app[data-first-screen] [data-locale]')
      for (var i = 0; i < all.length; i++) {
        all[i].setAttribute('aria-pressed', String(all[i] === button))
      }
      if (chosen !== 'zh-TW') root.classList.add('no-first-screen')
    },
    true,
  )
})()
