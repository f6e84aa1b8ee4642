// DocGen site script: theme toggle and client-side search. No dependencies, works from file://.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme: an explicit choice is stored; otherwise the system preference applies (see docgen.css).
  var toggle = document.getElementById("theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var current = root.getAttribute("data-theme") ||
        (window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      var next = current === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("docgen-theme", next); } catch (e) { /* storage may be disabled */ }
    });
  }

  var box = document.getElementById("search-box");
  var list = document.getElementById("search-results");
  if (!box || !list) return;
  var base = document.body.getAttribute("data-root") || "";
  var entries = null, keys = null, loading = false, active = -1, pending = null;

  // The index is a script (fetch is blocked on file://), loaded on first focus so pages open fast.
  function load() {
    if (entries || loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = box.getAttribute("data-index");
    s.onload = function () {
      entries = window.DOCGEN_SEARCH || [];
      keys = new Array(entries.length);
      for (var i = 0; i < entries.length; i++) {
        var e = entries[i];
        keys[i] = [e[0].toLowerCase(), ((e[2] ? e[2] + "." : "") + e[0]).toLowerCase()];
      }
      if (pending !== null) { search(pending); pending = null; }
    };
    document.head.appendChild(s);
  }

  // Rank: exact name, name prefix, word start inside the name, substring, then qualified-name matches.
  function score(k, q) {
    var name = k[0], full = k[1];
    if (name === q) return 0;
    if (name.lastIndexOf(q, 0) === 0) return 1;
    var i = name.indexOf(q);
    if (i > 0) return /[._<]/.test(name.charAt(i - 1)) ? 2 : 3;
    var j = full.indexOf(q);
    if (j >= 0) return j === 0 || full.charAt(j - 1) === "." ? 4 : 5;
    return -1;
  }

  function search(text) {
    var q = text.trim().toLowerCase();
    if (!q) { hide(); return; }
    if (!entries) { pending = text; load(); return; }
    var hits = [];
    for (var i = 0; i < keys.length; i++) {
      var s = score(keys[i], q);
      if (s >= 0) hits.push([s, keys[i][0].length, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    render(hits.slice(0, 30), hits.length);
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text; // textContent: names and summaries never become markup
    return n;
  }

  function render(hits, total) {
    list.textContent = "";
    active = -1;
    if (!hits.length) {
      list.appendChild(el("li", "r-empty", "No results"));
    }
    for (var i = 0; i < hits.length; i++) {
      var e = entries[hits[i][2]];
      var li = el("li"), a = el("a");
      a.href = base + e[3];
      a.appendChild(el("span", "r-name", e[0]));
      a.appendChild(el("span", "r-kind", e[1]));
      if (e[2]) a.appendChild(el("span", "r-ctx", e[2]));
      if (e[4]) a.appendChild(el("span", "r-sum", e[4]));
      li.appendChild(a);
      list.appendChild(li);
    }
    list.setAttribute("data-total", String(total));
    list.hidden = false;
  }

  function hide() { list.hidden = true; list.textContent = ""; active = -1; }

  function move(delta) {
    var items = list.querySelectorAll("li a");
    if (!items.length) return;
    if (active >= 0) items[active].parentNode.classList.remove("active");
    active = (active + delta + items.length) % items.length;
    items[active].parentNode.classList.add("active");
    items[active].scrollIntoView({ block: "nearest" });
  }

  box.addEventListener("focus", load);
  box.addEventListener("input", function () { search(box.value); });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { move(1); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { move(-1); ev.preventDefault(); }
    else if (ev.key === "Enter") {
      var items = list.querySelectorAll("li a");
      var target = items[active >= 0 ? active : 0];
      if (target) window.location.href = target.href;
    } else if (ev.key === "Escape") { hide(); box.blur(); }
  });
  document.addEventListener("click", function (ev) {
    if (!list.contains(ev.target) && ev.target !== box) hide();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== box) { box.focus(); ev.preventDefault(); }
  });
})();
