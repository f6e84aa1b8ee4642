// DocGen site search (issue 15): full text over names, signatures and summaries, tokenised on word and camel-case
// boundaries, ranked exact name > name prefix > words of the name > part of the name > qualified name > signature or
// summary. The index is prebuilt (search-index.js, a script: fetch is blocked on file://) and loaded on first use.
// No dependencies. Everything shown is set with textContent, so index text never becomes markup.
(function () {
  "use strict";
  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  var pageBox = document.getElementById("search-page-box");
  var pageList = document.getElementById("search-page-results");
  if (!(box && list) && !(pageBox && pageList)) return;
  var base = document.body.getAttribute("data-root") || "";
  var DROPDOWN = 30, PAGE = 500;
  var entries = null, names, nameWords, qualified, text = "", textStarts = null, loading = false, waiting = [], active = -1;

  // "CamelCase", "XMLReader" → "camel case", "xml reader"; punctuation separates words, newlines separate entries.
  var lowerUpper = /([a-z0-9])([A-Z])/g, acronym = /([A-Z]+)([A-Z][a-z])/g, other = /[^a-z0-9\n]+/g;
  function words(s) { return s.replace(lowerUpper, "$1 $2").replace(acronym, "$1 $2").toLowerCase().replace(other, " "); }

  // Tokenising entry by entry cost seconds of regex calls on a large site: every name, and every signature and
  // summary, is tokenised as one string (entries joined by newlines). Signatures and summaries stay one string that
  // a query scans with indexOf; textStarts maps a position back to its entry.
  function prepare(all) {
    entries = all;
    var n = all.length, rawNames = new Array(n), rawTexts = new Array(n);
    names = new Array(n); qualified = new Array(n);
    for (var i = 0; i < n; i++) {
      var e = all[i];
      names[i] = e[0].toLowerCase();
      qualified[i] = ((e[2] ? e[2] + "." : "") + e[0]).toLowerCase();
      rawNames[i] = e[0];
      rawTexts[i] = (e[5] || "") + " " + (e[4] || ""); // the index has no newlines in its strings (SearchIndex.cs)
    }
    nameWords = words(rawNames.join("\n")).split("\n");
    for (var j = 0; j < n; j++) nameWords[j] = " " + nameWords[j];
    text = ("\n" + words(rawTexts.join("\n"))).replace(/\n/g, "\n ");
    textStarts = new Int32Array(n);
    for (var k = 0, at = -1; k < n; k++) { at = text.indexOf("\n", at + 1); textStarts[k] = at; }
  }

  // Marks, per term, the entries whose signature or summary has a word starting with it.
  function textMatches(term) {
    var marks = new Uint8Array(entries.length), needle = " " + term, at = text.indexOf(needle);
    while (at >= 0) {
      var lo = 0, hi = textStarts.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (textStarts[mid] < at) lo = mid; else hi = mid - 1; }
      marks[lo] = 1;
      at = text.indexOf(needle, at + needle.length);
    }
    return marks;
  }

  function load(then) {
    if (entries) { then(); return; }
    waiting.push(then);
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = base + "search-index.js";
    s.onload = function () {
      prepare(window.DOCGEN_SEARCH || []);
      var run = waiting; waiting = [];
      for (var i = 0; i < run.length; i++) run[i]();
    };
    document.head.appendChild(s);
  }

  function parse(query) {
    var raw = query.trim().toLowerCase();
    var terms = words(query.trim()).split(" ").filter(function (w) { return w.length > 0; });
    return { raw: raw, joined: terms.join(""), terms: terms };
  }

  function every(terms, test) {
    for (var t = 0; t < terms.length; t++) if (!test(terms[t], t)) return false;
    return true;
  }

  // Name ranks: 0 exact, 1 prefix, 2 every term starts a word of the name, 3 every term is in the name, 4 in the
  // qualified name; -1 when the name alone does not match.
  function nameScore(i, q) {
    var name = names[i];
    if (name === q.raw || name === q.joined) return 0;
    if (name.lastIndexOf(q.raw, 0) === 0 || (q.joined && name.lastIndexOf(q.joined, 0) === 0)) return 1;
    if (!q.terms.length) return -1;
    var w = nameWords[i];
    if (every(q.terms, function (t) { return w.indexOf(" " + t) >= 0; })) return 2;
    if (every(q.terms, function (t) { return name.indexOf(t) >= 0; })) return 3;
    var full = qualified[i];
    if (full.indexOf(q.raw) >= 0 || every(q.terms, function (t) { return full.indexOf(t) >= 0; })) return 4;
    return -1;
  }

  function find(query) {
    var q = parse(query);
    var hits = [];
    if (!q.raw) return hits;
    var marks = null; // per term, made on first need: 5 = every term in the name, signature or summary
    for (var i = 0; i < entries.length; i++) {
      var s = nameScore(i, q);
      if (s < 0 && q.terms.length) {
        if (!marks) marks = q.terms.map(textMatches);
        var w = nameWords[i], full = qualified[i], all = true;
        for (var k = 0; k < q.terms.length && all; k++)
          all = marks[k][i] === 1 || w.indexOf(" " + q.terms[k]) >= 0 || full.indexOf(q.terms[k]) >= 0;
        if (all) s = 5;
      }
      if (s >= 0) hits.push([s, names[i].length, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits;
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }

  function item(e) {
    var li = el("li"), a = el("a");
    a.href = base + e[3];
    a.appendChild(el("span", "r-name", e[0]));
    a.appendChild(el("span", "r-kind", e[1]));
    if (e[2]) a.appendChild(el("span", "r-ctx", e[2]));
    if (e[4]) a.appendChild(el("span", "r-sum", e[4]));
    li.appendChild(a);
    return li;
  }

  function resultsUrl(text) { return base + "search.html?q=" + encodeURIComponent(text.trim()); }

  // ---- the dropdown under the header's box ----
  function showDropdown(text) {
    if (!text.trim()) { hide(); return; }
    load(function () {
      if (box.value !== text) return; // typed on meanwhile
      var hits = find(text);
      list.textContent = "";
      active = -1;
      if (!hits.length) list.appendChild(el("li", "r-empty", "No results"));
      for (var i = 0; i < hits.length && i < DROPDOWN; i++) list.appendChild(item(entries[hits[i][2]]));
      if (hits.length > DROPDOWN) {
        var more = el("li", "r-more"), a = el("a", null, "All " + hits.length + " results");
        a.href = resultsUrl(text);
        more.appendChild(a);
        list.appendChild(more);
      }
      list.setAttribute("data-total", String(hits.length));
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
    });
  }

  function hide() { list.hidden = true; list.textContent = ""; active = -1; box.setAttribute("aria-expanded", "false"); }

  function move(delta) {
    var items = list.querySelectorAll("li a");
    if (!items.length) return;
    if (active >= 0) items[active].parentNode.classList.remove("active");
    active = (active + delta + items.length) % items.length;
    items[active].parentNode.classList.add("active");
    if (items[active].scrollIntoView) items[active].scrollIntoView({ block: "nearest" });
  }

  if (box && list) {
    box.addEventListener("focus", function () { load(function () {}); });
    box.addEventListener("input", function () { showDropdown(box.value); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { move(1); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { move(-1); ev.preventDefault(); }
      else if (ev.key === "Enter") {
        var items = list.querySelectorAll("li a");
        var target = items[active >= 0 ? active : 0];
        window.location.href = target ? target.href : resultsUrl(box.value);
        ev.preventDefault();
      } else if (ev.key === "Escape") { hide(); box.blur(); }
    });
    document.addEventListener("click", function (ev) {
      if (!list.contains(ev.target) && ev.target !== box) hide();
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "/" && document.activeElement !== box && document.activeElement !== pageBox) { box.focus(); ev.preventDefault(); }
    });
  }

  // ---- the results page (search.html?q=…) ----
  if (pageBox && pageList) {
    var status = document.getElementById("search-page-status");
    var showPage = function (text) {
      load(function () {
        var hits = find(text);
        pageList.textContent = "";
        for (var i = 0; i < hits.length && i < PAGE; i++) pageList.appendChild(item(entries[hits[i][2]]));
        pageList.setAttribute("data-total", String(hits.length));
        if (status) status.textContent = !text.trim() ? "" : hits.length === 0 ? "No results." :
          hits.length > PAGE ? "The first " + PAGE + " of " + hits.length + " results." : hits.length + (hits.length === 1 ? " result." : " results.");
      });
    };
    var initial = "";
    try { initial = new URLSearchParams(window.location.search).get("q") || ""; } catch (e) { /* no query */ }
    pageBox.value = initial;
    if (initial) showPage(initial);
    pageBox.addEventListener("input", function () { showPage(pageBox.value); });
  }
})();
