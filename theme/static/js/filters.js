/* The filter form of a section's listings. The chosen filters live in the address
   (?topics=violence&languages=sq, by the browse pages' own words), so that they can be shared and
   survive a reload and Back; they select from the whole listing (the section's filter.json), on
   every page of it, and the count above the list is the count of what it shows. Text from content
   is only ever set with textContent, never as HTML. */
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) { return; }
  if (!window.fetch || !window.URLSearchParams || !window.history.pushState) { form.hidden = true; return; }
  var results = document.querySelector(".filter-results");
  var found = results.querySelector("ul");
  var empty = results.querySelector(".filter-empty");
  var listing = document.getElementById("entries");
  var count = document.querySelector("p.count");
  var total = count.textContent;
  var chosenBox = form.querySelector(".filter-chosen");
  var chips = form.querySelector(".filter-chips");
  var reset = form.querySelector(".filter-reset");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var items = [];

  function active() {
    return selects.filter(function (select) { return select.value; });
  }

  // Whether an item passes every chosen filter but `except` (to count what an option would leave).
  function matches(item, except) {
    return selects.every(function (select) {
      return select === except || !select.value ||
        (item.terms[select.dataset.field] || []).indexOf(select.value) !== -1;
    });
  }

  function number(n) {
    return n.toLocaleString(form.dataset.lang);
  }

  function countText(n) {
    // The page holds the count translated for each plural category of the language (few, many...).
    var category = window.Intl ? new Intl.PluralRules(form.dataset.lang).select(n) : (n === 1 ? "one" : "other");
    var key = "count" + category.charAt(0).toUpperCase() + category.slice(1);
    var template = form.dataset[key] || form.dataset.countOther || form.dataset.countMany;
    return template.replace("{n}", number(n));
  }

  function entry(item) {
    var li = document.createElement("li");
    if (item.lang) { li.lang = item.lang; }
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    heading.appendChild(link);
    li.appendChild(heading);
    if (item.summary) {
      var summary = document.createElement("p");
      summary.textContent = item.summary;
      li.appendChild(summary);
    }
    return li;
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
      select.value = known ? wanted : "";
    });
  }

  function address() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      if (select.value) { params.set(select.name, select.value); } else { params.delete(select.name); }
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  // Each option counts the items of this listing it would leave, with the other filters as they are.
  function recount() {
    selects.forEach(function (select) {
      var counts = {};
      items.forEach(function (item) {
        if (!matches(item, select)) { return; }
        (item.terms[select.dataset.field] || []).forEach(function (term) { counts[term] = (counts[term] || 0) + 1; });
      });
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) { return; }
        var n = counts[option.value] || 0;
        option.textContent = option.dataset.label + " (" + number(n) + ")";
        option.disabled = n === 0 && option.value !== select.value;
      });
    });
  }

  function chip(select) {
    var li = document.createElement("li");
    var button = document.createElement("button");
    var text = select.dataset.heading + ": " + select.options[select.selectedIndex].dataset.label;
    button.type = "button";
    button.textContent = text;
    button.setAttribute("aria-label", form.dataset.remove.replace("{filter}", text));
    button.addEventListener("click", function () {
      select.value = "";
      changed();
      var next = chips.querySelector("button") || select;
      next.focus();
    });
    li.appendChild(button);
    return li;
  }

  function show() {
    var chosen = active();
    recount();
    chips.replaceChildren.apply(chips, chosen.map(chip));
    chosenBox.hidden = !chosen.length;
    if (!chosen.length) {
      results.hidden = true;
      listing.hidden = false;
      count.textContent = total;
      return;
    }
    var shown = items.filter(function (item) { return matches(item, null); });
    found.replaceChildren.apply(found, shown.map(entry));
    empty.hidden = shown.length > 0;
    results.hidden = false;
    listing.hidden = true;
    count.textContent = countText(shown.length);
  }

  // A change of filters is a step in the history: Back returns to the filters before it.
  function changed() {
    var next = address();
    if (next !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState(null, "", next);
    }
    show();
  }

  fetch(form.dataset.index).then(function (response) {
    if (!response.ok) { throw new Error(response.status); }
    return response.json();
  }).then(function (json) {
    // filter.json holds every listing of the section (upcoming and past events): keep this one's.
    items = json.items.filter(function (item) { return !item.state || item.state === form.dataset.listing; });
    form.dataset.ready = "true";  // for tests and styles: the filters now work
    fromAddress();
    selects.forEach(function (select) { select.addEventListener("change", changed); });
    reset.addEventListener("click", function (event) {
      event.preventDefault();
      selects.forEach(function (select) { select.value = ""; });
      changed();
      selects[0].focus();
    });
    window.addEventListener("popstate", function () { fromAddress(); show(); });
    show();
  }).catch(function () { form.hidden = true; /* the browse pages still work */ });
}());
