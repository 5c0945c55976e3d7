/* The hub's additions to Decap CMS (loaded after decap-cms.js by admin/index.html).
 *
 * 1. Empty optional fields are left out of the file: the hub refuses "field:" with nothing after
 *    it (a blank left by mistake), and Decap writes "" once a field was typed in and cleared.
 * 2. A translation's preview shows its original beside it (title, summary and text, as the
 *    editor loaded them when the original was chosen), with a link to its published page, so that
 *    the translator works next to the text being translated.
 */
(function () {
  "use strict";
  var translations = window.HUB_TRANSLATIONS;  // written above this file by the build (hub_admin.glue)

  function isBlank(value) {
    return value === "" || value === null || value === undefined;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      return event.entry.get("data").filter(function (value) { return !isBlank(value); });
    },
  });

  var h = window.h;

  function column(heading, lang, title, summary, body) {
    return h("section", { lang: lang, style: { flex: "1 1 0", minWidth: 0, padding: "0 1em" } },
      h("p", { style: { color: "#555", textTransform: "uppercase", fontSize: "0.8em" } }, heading),
      h("h1", {}, title || ""),
      h("p", { style: { fontStyle: "italic" } }, summary || ""),
      body);
  }

  Object.keys(translations).forEach(function (name) {
    var about = translations[name];
    var TranslationPreview = createClass({
      render: function () {
        var data = this.props.entry.get("data");
        var slug = data.get("translation_key");
        var original = slug && this.props.fieldsMetaData &&
          this.props.fieldsMetaData.getIn(["translation_key", about.original, slug]);
        var left;
        if (!slug) {
          left = h("p", {}, "Choose the original at the top of the form to see it here.");
        } else {
          var page = about.page.replace("{slug}", encodeURIComponent(slug));
          left = column("Original", null,
            original ? original.get("title") : slug,
            original ? original.get("summary") : "",
            h("div", {},
              original ? h("div", { style: { whiteSpace: "pre-wrap" } }, original.get("body") || "") : null,
              h("p", {}, h("a", { href: page, target: "_blank", rel: "noopener" }, "The original's published page"))));
        }
        var right = column("Translation", about.lang, data.get("title"), data.get("summary"),
          this.props.widgetFor("body"));
        return h("div", { className: "hub-translation-preview", style: { display: "flex", gap: "1em" } },
          h("div", { style: { flex: "1 1 0", minWidth: 0, borderRight: "1px solid #ccc" } }, left), right);
      },
    });
    CMS.registerPreviewTemplate(name, TranslationPreview);
  });
})();
