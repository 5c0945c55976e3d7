// Remembers the reader's language on this device and goes there on the next visit.
// Without JavaScript the chooser is a plain list of links.
(function () {
  var KEY = "childhub-language";
  var links = document.querySelectorAll("a[data-language]");
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
})();
