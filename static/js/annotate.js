// The annotation view, enhanced: every action also works without this file (plain forms).
// - On a focused passage, keys 1–6 set its label, 0 clears it, A accepts a suggestion.
// - Selecting words inside a passage fills that passage's cue form with them.
// - The label filter applies as soon as it changes.
// - After an action the page comes back focused on the passage that was changed.
(function () {
  "use strict";
  var article = document.querySelector(".annotate-article");
  if (!article) { return; }

  function passageOf(node) {
    while (node && node !== article) {
      if (node.nodeType === 1 && node.classList.contains("annotated")) { return node; }
      node = node.parentNode;
    }
    return null;
  }

  article.addEventListener("keydown", function (event) {
    var passage = event.target;
    if (!passage.classList || !passage.classList.contains("annotated")) { return; }  // not while typing in a field
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if (key >= "0" && key <= "6") {
      var select = passage.querySelector(".label-form select");
      var option = select && select.options[Number(key)];
      if (!option) { return; }
      event.preventDefault();
      select.value = option.value;
      select.form.requestSubmit();
    } else if (key === "a" || key === "A") {
      var accept = passage.querySelector(".accept-form");
      if (accept) { event.preventDefault(); accept.requestSubmit(); }
    }
  });

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return; }
    var range = selection.getRangeAt(0);
    var passage = passageOf(range.commonAncestorContainer);
    var text = passage && passageOf(range.startContainer) === passage ? selection.toString().trim() : "";
    if (!text || !passage.querySelector(".passage-text").contains(range.commonAncestorContainer)) { return; }
    var phrase = passage.querySelector(".cue-form input[name=phrase]");
    if (phrase) {
      phrase.value = text;
      passage.querySelector("details.more").open = true;
    }
  });

  var filter = document.getElementById("label-filter");
  if (filter) {
    filter.addEventListener("change", function () { filter.form.requestSubmit(); });
  }

  var match = /^#p-(\d+)$/.exec(window.location.hash);
  var target = match && document.getElementById("p-" + match[1]);
  if (target) { target.focus(); }
})();
