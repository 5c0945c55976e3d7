// Issue 13 (a): choosing a language in the header's menu is remembered on this device, as on the
// root chooser (chooser.js), so the next visit to / opens that language.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("nav.languages a[data-language]");
    if (!link) { return; }
    try { window.localStorage.setItem("childhub-language", link.getAttribute("data-language")); } catch (e) { /* storage may be off */ }
  });
}());
