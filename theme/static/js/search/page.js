/*
 * The search page: queries the language's index (search.js) as the reader types, shows the results
 * with the matched words marked, and keeps the query and filters in the address (?q=...) so that a
 * search can be shared, bookmarked and reached from the search box in every page's header.
 *
 * Everything from the index is inserted as text (textContent, text nodes): never as HTML.
 * Translated strings come from the form's data attributes, written by templates/search.html.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form || !window.fetch || !window.HubSearch || !window.HubSearchPipeline || !window.Intl) { return; }
  var PAGE = 10;
  var TYPING_PAUSE = 150;  // ms without a keystroke before a query runs
  var SLOW = 400;  // ms before "Searching…" is announced
  var data = form.dataset;
  var input = form.querySelector("input[name=q]");
  var filterBox = form.querySelector(".search-filters");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var suggestions = document.querySelector(".search-suggestions");
  var more = document.querySelector(".search-more");
  var browse = document.querySelector(".search-browse");
  var languages = JSON.parse(data.languages || "{}");
  var sections = {};
  form.querySelectorAll("select[name=section] option[data-label]").forEach(function (option) {
    sections[option.value] = option.dataset.label;
  });
  var plural = new Intl.PluralRules(data.lang);
  var dates = new Intl.DateTimeFormat(data.lang, { dateStyle: "long", timeZone: "UTC" });
  var engine = HubSearch.open(data.index);
  var code = null;  // the index's language code, for the pipeline (known once the manifest is read)
  var ticket = 0;  // the latest query: answers to older ones are dropped
  var shown = 0;
  var timer = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  function countText(total, query) {
    var key = "results" + plural.select(total).replace(/^./, function (c) { return c.toUpperCase(); });
    return fill(data[key] || data.resultsOther || data.resultsMany, { n: total.toLocaleString(data.lang), query: query });
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) { if (select.value) { filters[select.name] = [select.value]; } });
    return filters;
  }

  // Appends `text` to `parent`, each word the query matched inside a <mark>.
  function marked(parent, text, terms) {
    var words = /[\p{L}\p{N}\p{M}'’ʼ]+/gu, last = 0, match;
    while ((match = words.exec(text))) {
      var hit = HubSearchPipeline.tokens(match[0], code).some(function (token) { return terms.has(token); });
      if (!hit) { continue; }
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      parent.appendChild(mark);
      last = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // The filter values (topics, types, countries) whose label holds every word of the query, the last
  // one perhaps only begun: [{ select, option }], when no filter is chosen yet. Applying one keeps the
  // query, so its results are exactly the items of that value (their labels are indexed): the count
  // shown is theirs.
  var labelTerms = new Map();  // option -> its label's index terms (computed once)
  var SUGGESTIONS = 3;

  function suggested(query, prefix) {
    // A filter already chosen narrows the results: a value's count would no longer be theirs.
    if (selects.some(function (select) { return select.value; })) { return []; }
    var terms = HubSearchPipeline.tokens(query, code);
    var last = prefix ? HubSearchPipeline.lastWord(query, code) : null;
    if (!terms.length && !last) { return []; }
    var found = [];
    selects.forEach(function (select) {
      if (!select.dataset.name) { return; }
      select.querySelectorAll("option[data-label]").forEach(function (option) {
        if (!labelTerms.has(option)) { labelTerms.set(option, HubSearchPipeline.tokens(option.dataset.label, code)); }
        var own = labelTerms.get(option);
        var whole = terms.length > 0 && terms.every(function (term) { return own.indexOf(term) !== -1; });
        var begun = last && terms.slice(0, -1).every(function (term) { return own.indexOf(term) !== -1; }) &&
          own.some(function (term) { return term.slice(0, last.folded.length) === last.folded; });
        if (whole || begun) { found.push({ select: select, option: option }); }
      });
    });
    return found.slice(0, SUGGESTIONS);
  }

  function showSuggestions(query, prefix) {
    suggestions.replaceChildren();
    suggested(query, prefix).forEach(function (found) {
      var li = element("li"), link = element("a");
      var params = new URLSearchParams(location.search);
      params.set(found.select.name, found.option.value);
      link.href = location.pathname + "?" + params.toString();
      link.textContent = found.select.dataset.name + ": " + found.option.dataset.label + " (" + found.option.dataset.count + ")";
      link.addEventListener("click", function (event) {
        event.preventDefault();
        found.select.value = found.option.value;
        run(false);
      });
      li.appendChild(link);
      suggestions.appendChild(li);
    });
    suggestions.hidden = !suggestions.childElementCount;
  }

  // A result whose summary has none of the query's words shows the passage of its text that has them.
  function passage(li, result, terms) {
    var summary = result.summary || "";
    var hit = (summary.match(/[\p{L}\p{N}\p{M}'’ʼ]+/gu) || []).some(function (word) {
      return HubSearchPipeline.tokens(word, code).some(function (token) { return terms.has(token); });
    });
    if (hit || !result.passage) { return; }
    engine.passage(result).then(function (text) {
      var cut = HubSearch.excerpt(text, terms, code);
      if (!cut || !li.isConnected) { return; }
      var snippet = li.querySelector("p.snippet") || li.appendChild(element("p", "snippet"));
      snippet.replaceChildren();
      marked(snippet, (cut.before ? "… " : "") + cut.text + (cut.after ? " …" : ""), terms);
    }, function () {});  // the summary stays
  }

  function element(name, className) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    return node;
  }

  function entry(result, terms) {
    var li = element("li");
    if (result.lang) { li.lang = result.lang; }
    var heading = element("h2"), link = element("a");
    link.href = data.site + result.url;
    marked(link, result.title, terms);
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = element("p", "meta");
    meta.lang = data.lang;
    meta.appendChild(document.createTextNode(sections[result.section] || result.section));
    if (result.date) {
      var time = element("time");
      time.dateTime = result.date;
      time.textContent = dates.format(new Date(result.date.slice(0, 10) + "T00:00:00Z"));
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(time);
    }
    if (result.lang && languages[result.lang]) {
      var badge = element("span", "badge");
      badge.textContent = languages[result.lang];
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(badge);
    }
    li.appendChild(meta);
    if (result.summary) {
      var snippet = element("p", "snippet");
      marked(snippet, result.summary, terms);
      li.appendChild(snippet);
    }
    return li;
  }

  function remember(query) {
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    selects.forEach(function (select) { if (select.value) { params.set(select.name, select.value); } });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  }

  function show(results, query, append) {
    var terms = new Set(results.terms);
    if (!append) { list.replaceChildren(); }
    var first = null;
    results.forEach(function (result) {
      var li = entry(result, terms);
      first = first || li;
      list.appendChild(li);
      passage(li, result, terms);
    });
    shown = (append ? shown : 0) + results.length;
    list.hidden = shown === 0;
    browse.hidden = true;
    var text = results.total ? countText(results.total, query) : fill(data.none, { query: query });
    status.textContent = results.mode === "any" && results.total ? text + " " + data.some : text;
    more.hidden = !(shown < results.total || (!results.complete && results.length === PAGE));
    if (append && first) { first.querySelector("a").focus(); }
  }

  function failed() {
    status.textContent = data.failed;
    list.hidden = true;
    more.hidden = true;
    browse.hidden = false;
  }

  function run(append) {
    clearTimeout(timer);
    var query = input.value.trim(), mine = ++ticket;
    remember(query);
    var prefix = !/\s$/.test(input.value);  // the last word is still being typed
    if (!query) {
      suggestions.replaceChildren();
      suggestions.hidden = true;
      list.replaceChildren();
      list.hidden = more.hidden = true;
      status.textContent = "";
      shown = 0;
      return;
    }
    var slow = setTimeout(function () { if (mine === ticket) { status.textContent = data.searching; } }, SLOW);
    engine.manifest.then(function (manifest) {
      code = manifest.profile.lang;
      if (!append && mine === ticket) { showSuggestions(query, prefix); }
      return engine.query(query, { filters: chosenFilters(), limit: PAGE, offset: append ? shown : 0, prefix: prefix });
    }).then(function (results) {
      clearTimeout(slow);
      if (mine === ticket) { show(results, query, append); }
    }, function (error) {
      clearTimeout(slow);
      if (mine === ticket) { failed(); }
      if (window.console) { console.error(error); }
    });
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) { select.value = wanted; }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(false);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(false); }, TYPING_PAUSE);
  });
  selects.forEach(function (select) { select.addEventListener("change", function () { run(false); }); });
  more.addEventListener("click", function () { run(true); });
  filterBox.hidden = false;
  browse.hidden = true;
  document.documentElement.classList.add("search-ready");
  if (input.value) { run(false); } else { input.focus(); }
}());
