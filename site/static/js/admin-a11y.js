// Names for two admin controls Wagtail renders without one (found by axe-core):
// - the tag field (jQuery tag-it) types into an input it creates without a
//   label, next to the hidden field input that has one: point it at that <label>;
// - the sidebar's page search is a second role="search" landmark beside a
//   listing's own search: give it a name of its own (from data-page-search-label).
(function () {
  "use strict";
  var script = document.currentScript;
  var TAG_INPUT = "ul.tagit input.ui-autocomplete-input:not([aria-labelledby])";
  var PAGE_SEARCH = 'form[role="search"][action$="/pages/search/"]:not([aria-label])';

  function labelTagInput(input) {
    var field = input.closest("ul.tagit").previousElementSibling;
    var label = field && field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    if (label) {
      if (!label.id) label.id = field.id + "-label";
      input.setAttribute("aria-labelledby", label.id);
    }
  }

  function namePageSearch(form) {
    form.setAttribute("aria-label", script.dataset.pageSearchLabel);
  }

  function scan(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    [[TAG_INPUT, labelTagInput], [PAGE_SEARCH, namePageSearch]].forEach(function (pair) {
      if (node.matches(pair[0])) pair[1](node);
      node.querySelectorAll(pair[0]).forEach(pair[1]);
    });
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(scan); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { scan(document.body); });
})();
