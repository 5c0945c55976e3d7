/* Combine a section's filters on one page, without a reload: read the small
   filter.json of this section and show the items matching every chosen term.
   Text from content is only ever set with textContent, never as HTML. */
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form || !window.fetch) { return; }
  var results = document.querySelector(".filter-results");
  var listing = document.getElementById("entries");
  var status = form.querySelector(".filter-status");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var data = null;

  function chosen() {
    var wanted = {};
    selects.forEach(function (select) { if (select.value) { wanted[select.name] = select.value; } });
    return wanted;
  }

  function matches(item, wanted) {
    return Object.keys(wanted).every(function (field) {
      return (item.terms[field] || []).indexOf(wanted[field]) !== -1;
    });
  }

  function countText(n) {
    // The page holds the count translated for each plural category of the language (few, many...).
    var category = window.Intl ? new Intl.PluralRules(form.dataset.lang).select(n) : (n === 1 ? "one" : "other");
    var key = "count" + category.charAt(0).toUpperCase() + category.slice(1);
    var template = form.dataset[key] || form.dataset.countOther || form.dataset.countMany;
    return template.replace("{n}", n.toLocaleString(form.dataset.lang));
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

  function update() {
    var wanted = chosen();
    if (!Object.keys(wanted).length) {
      results.hidden = true;
      listing.hidden = false;
      status.textContent = "";
      return;
    }
    var found = data.items.filter(function (item) { return matches(item, wanted); });
    results.replaceChildren.apply(results, found.map(entry));
    results.hidden = false;
    listing.hidden = true;
    status.textContent = found.length ? countText(found.length) : form.dataset.empty;
  }

  fetch(form.dataset.index).then(function (response) {
    if (!response.ok) { throw new Error(response.status); }
    return response.json();
  }).then(function (json) {
    data = json;
    form.hidden = false;
    selects.forEach(function (select) { select.addEventListener("change", update); });
    update();
  }).catch(function () { /* the browse pages still work */ });
}());
