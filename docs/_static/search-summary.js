// The search page's snippets, in every language: Sphinx's search finds pages
// by stems (its language's stemmer, which also drops accents: "pérdida" and
// "perdida" both become "perd"), but looks for that stem, letter for letter,
// in the page's text to choose and mark a snippet, so that "perd" never
// matches "pérdida" and the snippet falls back to the page's first words, its
// breadcrumbs and title. And it takes the text of the whole main block:
// breadcrumbs, the copies of rounded numbers meant for screen readers, and
// the formulas' TeX source.
//
// Loaded after searchtools.js on the search page only, this gives Sphinx's
// Search two replacements: htmlToText reads only what the article shows, and
// makeSearchSummary finds the reader's own words, or else a word that starts
// with one of the stems, comparing letters without their accents and case,
// and marks every such word in the snippet as Sphinx marks its matches.
(function () {
  "use strict";

  // Not part of a snippet: hidden copies for screen readers, formulas' source,
  // the page's navigation and the permalinks.
  var LEFT_OUT = [".headerlink", "script", "style", ".visually-hidden", ".math",
    ".sphx-glr-download-link-note",
    "mjx-container", "nav", ".bd-breadcrumbs", ".sphx-glr-script-out"];
  var SNIPPET = 240;
  var CONTEXT = 100;

  // A text's letters without accents, in lower case, and where each came from.
  function folded(text) {
    var letters = [];
    var from = [];
    Array.from(text).forEach(function (character, index) {
      var plain = character.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      Array.from(plain).forEach(function (letter) {
        letters.push(letter);
        from.push(index);
      });
    });
    return {text: letters.join(""), from: from, characters: Array.from(text)};
  }

  function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The reader's words, as the search page's address has them.
  function queryWords() {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    return query.split(/\s+/).map(function (word) {
      return folded(word.replace(/^-/, "")).text;
    }).filter(function (word) {
      return word && !(typeof stopwords !== "undefined" && stopwords.has(word));
    });
  }

  // Every word of the folded text that is one of the words, or starts with
  // one of the stems: [start, end) in the folded text.
  function matches(text, words, stems) {
    var found = [];
    var patterns = words.map(function (word) {
      return new RegExp("(^|[^\\p{L}\\p{N}])(" + escaped(word) + ")(?![\\p{L}\\p{N}])", "gu");
    }).concat(stems.map(function (stem) {
      return new RegExp("(^|[^\\p{L}\\p{N}])(" + escaped(stem) + "[\\p{L}\\p{N}]*)", "gu");
    }));
    patterns.forEach(function (pattern, rank) {
      var match;
      while ((match = pattern.exec(text)) !== null) {
        var start = match.index + match[1].length;
        found.push({start: start, end: start + match[2].length, rank: rank});
      }
    });
    return found;
  }

  Search.htmlToText = function (htmlString, anchor) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    LEFT_OUT.forEach(function (selector) {
      page.querySelectorAll(selector).forEach(function (element) {
        element.remove();
      });
    });
    var article = page.querySelector("article") || page.querySelector('[role="main"]');
    var part = article && anchor ? article.querySelector(anchor) : null;
    var root = part || article;
    return root ? root.textContent.replace(/\s+/g, " ").trim() : "";
  };

  Search.makeSearchSummary = function (htmlText, keywords, anchor) {
    var text = Search.htmlToText(htmlText, anchor);
    if (text === "") {
      return null;
    }
    var plain = folded(text);
    var stems = Array.from(keywords).map(function (stem) {
      return folded(stem).text;
    });
    var found = matches(plain.text, queryWords(), stems);
    // The snippet is around the first of the reader's own words, else the
    // first word a stem starts.
    var first = found.slice().sort(function (a, b) {
      return (a.rank < stems.length ? 0 : 1) - (b.rank < stems.length ? 0 : 1) || a.start - b.start;
    })[0];
    var start = first ? Math.max(plain.from[first.start] - CONTEXT, 0) : 0;
    var end = Math.min(start + SNIPPET, plain.characters.length);
    var summary = document.createElement("p");
    summary.classList.add("context");
    summary.appendChild(document.createTextNode(start > 0 ? "…" : ""));
    var position = start;
    found.map(function (match) {
      return {start: plain.from[match.start], end: plain.from[match.end - 1] + 1};
    }).filter(function (match) {
      return match.start >= start && match.end <= end;
    }).sort(function (a, b) {
      return a.start - b.start;
    }).forEach(function (match) {
      if (match.start < position) {
        return;  // inside a word already marked
      }
      summary.appendChild(document.createTextNode(
        plain.characters.slice(position, match.start).join("")));
      var mark = document.createElement("span");
      mark.className = "highlighted";
      mark.textContent = plain.characters.slice(match.start, match.end).join("");
      summary.appendChild(mark);
      position = match.end;
    });
    summary.appendChild(document.createTextNode(
      plain.characters.slice(position, end).join("") + (end < plain.characters.length ? "…" : "")));
    return summary;
  };
})();
