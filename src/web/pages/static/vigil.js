// Starts the GOV.UK and MOJ components on browsers that support them. Pages
// work without this file: it only improves them.
(function () {
  if (!document.body.classList.contains('govuk-frontend-supported')) return
  if (window.GOVUKFrontend) window.GOVUKFrontend.initAll()
  if (window.MOJFrontend) window.MOJFrontend.initAll()
})()
