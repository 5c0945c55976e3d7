// Issue 13 (a): the 404 page is one file for every missing address. Open the block of the language
// the address was under (/sq/... -> Shqip) and put it first; without JavaScript the default
// language's block is open and the others open with a click.
(function () {
  "use strict";
  var prefix = window.location.pathname.split("/")[1] || "";
  var items = document.querySelectorAll("ul.not-found > li[data-prefix]");
  for (var i = 0; i < items.length; i++) {
    if (items[i].getAttribute("data-prefix") === prefix) {
      var list = items[i].parentNode;
      var first = list.firstElementChild;
      if (first !== items[i]) {
        first.querySelector("details").open = false;
        list.insertBefore(items[i], first);
      }
      items[i].querySelector("details").open = true;
      return;
    }
  }
}());
