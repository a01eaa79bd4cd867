// pydata-sphinx-theme shows each expandable entry of the sidebar's navigation
// as a link and a <summary> holding only a chevron icon, so assistive
// technology announces a control without a name (axe: summary-name). Name each
// one after the section it opens, with text only screen readers read.
(function () {
  "use strict";

  function nameToggles() {
    document.querySelectorAll("nav.bd-docs-nav li > details > summary").forEach(function (summary) {
      if (summary.textContent.trim()) {
        return;
      }
      var link = summary.closest("li").querySelector(":scope > a");
      if (!link) {
        return;
      }
      var name = document.createElement("span");
      name.className = "visually-hidden";
      name.textContent = link.textContent.trim();
      summary.appendChild(name);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameToggles);
  } else {
    nameToggles();
  }
})();
