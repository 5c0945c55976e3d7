// Offline reading (hub_offline): registers the hub's service worker and runs "Save for offline".
// Without service workers nothing happens and the button stays hidden.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches) return;
  navigator.serviceWorker.register(document.currentScript.getAttribute("data-worker")).catch(function () {});
  var box = document.querySelector(".save-offline");
  if (!box) return;
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  var page = location.origin + location.pathname;
  var urls = [page].concat(box.getAttribute("data-files").split(" ").filter(Boolean).map(function (file) {
    return new URL(file, page).href;
  }));

  navigator.serviceWorker.ready.then(function (registration) {
    var name = "hub-saved:" + registration.scope; // the worker's name for it (sw.js)
    function show(saved, message) {
      button.textContent = box.getAttribute(saved ? "data-remove" : "data-save");
      button.setAttribute("data-saved", saved ? "yes" : "no");
      status.textContent = message ? box.getAttribute(message) : "";
    }
    caches.open(name).then(function (cache) { return cache.match(page); }).then(function (found) {
      show(Boolean(found), found ? "data-saved" : "");
      box.removeAttribute("data-pending");
    });
    button.addEventListener("click", function () {
      button.disabled = true;
      caches.open(name).then(function (cache) {
        if (button.getAttribute("data-saved") === "yes") {
          return Promise.all(urls.map(function (url) { return cache.delete(url); }))
            .then(function () { show(false, "data-removed"); });
        }
        return cache.addAll(urls).then(function () { show(true, "data-saved"); },
                                       function () { show(false, "data-failed"); });
      }).then(function () { button.disabled = false; });
    });
  });
})();
