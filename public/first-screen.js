// Runs before the page is drawn (a classic script in the head; the policy allows the app's own
// files only, never an inline script). index.html carries the standards list in zh-TW, drawn at
// build time: on any other page (a deep link after the '#') or for a person who chose English,
// it is hidden and the header's band shows until the app starts, so nothing wrong flashes.
;(function () {
  var hash = location.hash
  var list = hash === '' || hash === '#' || hash === '#/'
  var english = false
  try {
    english = localStorage.getItem('gaplens.locale') === 'en'
  } catch {
    // Storage refused: the app starts in zh-TW as well.
  }
  if (!list || english) document.documentElement.classList.add('no-first-screen')
})()
