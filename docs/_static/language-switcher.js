// The language switcher keeps the reader's place: its links to the same page
// in the other languages (data-twin) carry the ?query (the search page's ?q=)
// and the section the reader is in, as #section: the one in the address, or,
// when the reader has scrolled since, the last section whose heading is above
// the line the reader reads at, just below the header. Twin pages have the same section ids (Sphinx makes
// them from the English titles); where one is missing, the browser opens the
// twin page at its top. A link to a language's home page, for a page that
// language lacks, carries nothing.
//
// Within the section, the position travels too: when a link is followed, the
// share of the section's part (its heading to the next heading) already
// scrolled past goes into sessionStorage, and the
// twin page, opened at that #section, scrolls as far into its own section.
// Translated sections differ in length, so a share, not pixels. A link opened
// in a new tab has no such share: it opens at the section's heading.
//
// Kept up to date as the reader moves through the page, so that a copied or
// middle-clicked link carries the place too; works whatever the link's href
// (relative or absolute).
(function () {
  "use strict";

  var PLACE_KEY = "language-switcher-place";

  // Where the page's content starts below the theme's sticky header.
  function contentTop() {
    var header = document.querySelector(".bd-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  // The line the reader reads at: a little below the header, where a heading
  // the browser scrolled to (with the theme's scroll padding) stands.
  function readingLine() {
    return contentTop() + 32;
  }

  // The page's sections in document order (parents before their children).
  function sections() {
    return Array.prototype.slice.call(
      document.querySelectorAll("article.bd-article section[id]"));
  }

  // Where a section's own part of the page starts and ends: from its heading
  // to the next section's heading (its first subsection's, or the next one's),
  // so that every line of the page, gaps between sections included, belongs
  // to one section.
  function span(all, index) {
    var top = all[index].getBoundingClientRect().top;
    var end = index + 1 < all.length ? all[index + 1].getBoundingClientRect().top
      : all[index].getBoundingClientRect().bottom;
    return {top: top, height: Math.max(1, end - top)};
  }

  // The section the reader is in, the last whose heading is above the line
  // the reader reads at, and how far into its part (0 at its heading, 1 at
  // the next heading).
  function readersPlace() {
    var line = readingLine();
    var all = sections();
    var index = -1;
    all.forEach(function (section, at) {
      if (section.getBoundingClientRect().top <= line) {
        index = at;
      }
    });
    if (index < 0) {
      return null;
    }
    var part = span(all, index);
    return {id: all[index].id, share: Math.min(1, (line - part.top) / part.height)};
  }

  // The section as the address names it, if the window still shows it; else the one read.
  function placeToCarry() {
    var read = readersPlace();
    var named = window.location.hash && document.getElementById(
      decodeURIComponent(window.location.hash.slice(1)));
    if (named) {
      var box = named.getBoundingClientRect();
      if (!read || (box.top <= window.innerHeight && box.bottom >= contentTop())) {
        return {hash: window.location.hash, place: read && read.id === named.id ? read : null};
      }
    }
    if (read) {
      return {hash: "#" + read.id, place: read};
    }
    // At the top of the page: the section the address names, which the twin
    // page may have though this one does not.
    return {hash: window.location.hash, place: null};
  }

  function carryPlace() {
    var carried = placeToCarry();
    document.querySelectorAll(".language-switcher a[data-twin]").forEach(function (link) {
      var twin = new URL(link.getAttribute("href"), window.location.href);
      twin.search = window.location.search;
      twin.hash = carried.hash;
      link.href = twin.href;
    });
    return carried;
  }

  // On the twin page: scroll as far into the section as the reader was.
  function restorePlace() {
    var stored;
    try {
      stored = JSON.parse(window.sessionStorage.getItem(PLACE_KEY));
      window.sessionStorage.removeItem(PLACE_KEY);
    } catch (error) {
      return;  // no storage (a private window may refuse it): the #section is enough
    }
    if (!stored || window.location.hash !== "#" + stored.id) {
      return;
    }
    var all = sections();
    var index = all.indexOf(document.getElementById(stored.id));
    if (index >= 0) {
      var part = span(all, index);
      window.scrollBy(0, part.top + stored.share * part.height - readingLine());
    }
  }

  function start() {
    carryPlace();
    // Once the page has its final layout (images, fonts, formulas).
    if (document.readyState === "complete") {
      restorePlace();
    } else {
      window.addEventListener("load", restorePlace);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  window.addEventListener("hashchange", carryPlace);
  window.addEventListener("popstate", carryPlace);
  // The place is read when the reader reaches for the switcher, before its
  // menu opens: opening it may move the page (focus), which is not the reader
  // moving on.
  var reached = null;
  function reachSwitcher(event) {
    var switcher = event.target.closest && event.target.closest(".language-switcher");
    if (switcher && !switcher.querySelector(".show")) {
      reached = carryPlace();
    }
  }
  document.addEventListener("pointerdown", reachSwitcher, true);
  document.addEventListener("keydown", reachSwitcher, true);
  var moved;
  window.addEventListener("scroll", function () {
    window.clearTimeout(moved);
    moved = window.setTimeout(function () {
      if (!document.querySelector(".language-switcher .show")) {
        reached = null;
        carryPlace();
      }
    }, 150);
  }, {passive: true});
  // When a switcher link is followed: how far into its section the reader is,
  // for the twin page (the address may also have changed without an event,
  // as the search page's does).
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".language-switcher a[data-twin]")) {
      var carried = reached || carryPlace();
      reached = null;
      if (carried.place) {
        try {
          window.sessionStorage.setItem(PLACE_KEY, JSON.stringify(carried.place));
        } catch (error) {
          // no storage: the #section alone
        }
      }
    }
  }, true);
})();
