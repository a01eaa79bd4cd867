// The language switcher keeps the reader's place: its links to the same page
// in the other languages (data-twin) carry the current #section and ?query
// (the search page's ?q=). The twin page has the same section ids; where one
// is missing, the browser simply opens the twin page at its top. A link to a
// language's home page, for a page that language lacks, carries nothing.
// Kept up to date as the reader moves through the page, so that a copied or
// middle-clicked link carries the place too; works whatever the link's href
// (relative or absolute).
(function () {
  "use strict";

  function carryPlace() {
    document.querySelectorAll(".language-switcher a[data-twin]").forEach(function (link) {
      var twin = new URL(link.getAttribute("href"), window.location.href);
      twin.search = window.location.search;
      twin.hash = window.location.hash;
      link.href = twin.href;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", carryPlace);
  } else {
    carryPlace();
  }
  window.addEventListener("hashchange", carryPlace);
  window.addEventListener("popstate", carryPlace);
  // Before a switcher link is followed, in case the address changed without
  // an event (history.replaceState, as the search page does).
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".language-switcher a[data-twin]")) {
      carryPlace();
    }
  }, true);
})();
