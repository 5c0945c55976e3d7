// Remembers the reader's language on this device and goes there on the next visit.
// Without JavaScript the chooser is a plain list of links. Issue 13 (a): with no remembered
// choice, the first of the browser's languages (navigator.languages) the hub has is suggested at
// the top of the list; nothing redirects on a suggestion.
(function () {
  "use strict";
  var KEY = "childhub-language";
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-language]"));
  var saved = null;
  try { saved = window.localStorage.getItem(KEY); } catch (e) { /* storage may be off */ }
  var stay = window.location.search.indexOf("choose") !== -1;
  for (var i = 0; i < links.length; i++) {
    if (saved && !stay && links[i].getAttribute("data-language") === saved) {
      window.location.replace(links[i].href);
      return;
    }
    links[i].addEventListener("click", function (event) {
      try { window.localStorage.setItem(KEY, event.currentTarget.getAttribute("data-language")); } catch (e) { /* ignore */ }
    });
  }
  // The link whose tag matches a browser language best: the whole tag (sr-Latn), else its first
  // part (sr-Latn-RS -> sr-Latn, en-GB -> en).
  function suggested() {
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var w = 0; w < wanted.length; w++) {
      var tag = String(wanted[w]).toLowerCase();
      while (tag) {
        for (var j = 0; j < links.length; j++) {
          if (links[j].hreflang.toLowerCase() === tag) { return links[j]; }
        }
        tag = tag.lastIndexOf("-") > 0 ? tag.slice(0, tag.lastIndexOf("-")) : "";
      }
    }
    return null;
  }
  var link = suggested();
  if (!link) { return; }
  var item = link.closest("li");
  item.classList.add("suggested");
  var why = item.querySelector(".why");
  if (why) { why.hidden = false; }
  item.parentNode.insertBefore(item, item.parentNode.firstChild);
}());
