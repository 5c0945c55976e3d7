// Development only (invoke livereload): reload when a rebuild finishes, show build errors.
(function () {
  var build = null;
  var box = null;
  function show(error) {
    if (!error) { if (box) { box.remove(); box = null; } return; }
    if (!box) { box = document.createElement("pre"); box.className = "hub-error"; document.body.appendChild(box); }
    box.textContent = error;  // text, never HTML: errors quote content
  }
  function poll() {
    fetch("/__livereload?since=" + (build === null ? -1 : build), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (build !== null && state.build !== build && !state.error) { window.location.reload(); return; }
        build = state.build;
        show(state.error);
        poll();
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
