/* Show an event's time also in the reader's own time zone, when it differs. */
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  var reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll("time[data-local-time]").forEach(function (time) {
    if (!reader || reader === time.dataset.zone) { return; }
    var lang = time.closest("[lang]").lang;
    var start = new Date(time.getAttribute("datetime"));
    var end = new Date(time.dataset.end);
    var format = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short", timeZone: reader });
    var text = format.formatRange ? format.formatRange(start, end) : format.format(start);
    var holder = time.parentNode.querySelector(".reader-time");
    holder.textContent = holder.dataset.label.replace("{time}", text + " (" + reader + ")");
    holder.hidden = false;
  });
}());
