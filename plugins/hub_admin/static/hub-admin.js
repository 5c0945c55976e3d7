/* The hub's additions to Decap CMS (loaded after decap-cms.js by admin/index.html).
 *
 * 1. Empty optional fields are left out of the file: the hub refuses "field:" with nothing after
 *    it (a blank left by mistake), and Decap writes "" once a field was typed in and cleared.
 * 2. A translation's preview shows its original's published page above it, so that the
 *    translator works next to the text being translated.
 */
(function () {
  "use strict";
  var pages = JSON.parse(document.getElementById("hub-translation-pages").textContent);

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
  Object.keys(pages).forEach(function (collection) {
    var TranslationPreview = createClass({
      render: function () {
        var data = this.props.entry.get("data");
        var original = data.get("translation_key");
        var children = [];
        if (original) {
          children.push(h("p", { className: "hub-original-label" }, "Original:"));
          children.push(h("iframe", {
            src: pages[collection].replace("{slug}", encodeURIComponent(original)),
            title: "The original",
            style: { width: "100%", height: "45vh", border: "1px solid #ccc" },
          }));
        } else {
          children.push(h("p", {}, "Choose the original above to see it here."));
        }
        children.push(h("hr", {}));
        children.push(h("h1", { lang: collection.split("-").pop() }, data.get("title") || ""));
        children.push(h("p", {}, data.get("summary") || ""));
        children.push(h("div", {}, this.props.widgetFor("body")));
        return h("div", { className: "hub-translation-preview" }, children);
      },
    });
    CMS.registerPreviewTemplate(collection, TranslationPreview);
  });
})();
