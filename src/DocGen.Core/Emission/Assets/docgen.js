// DocGen site script: navigation tree, its filter, the menu button of narrow screens and copy buttons on code (the theme
// toggle is the second part; search is docgen-search.js). No dependencies, works from file://. Without JavaScript every page still has its breadcrumbs and a
// written sidebar (namespaces, the current namespace's types, the current type's members).
(function () {
  "use strict";
  var doc = document, html = doc.documentElement, body = doc.body;
  var base = body.getAttribute("data-root") || "";
  var path = body.getAttribute("data-path") || "";
  var kind = body.getAttribute("data-page") || "";

  function el(tag, cls, text) {
    var n = doc.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text; // textContent: names never become markup
    return n;
  }

  // Menu button: on narrow screens the sidebar is a drawer.
  var menu = doc.getElementById("nav-toggle");
  function setOpen(open) {
    var header = doc.querySelector(".topbar"), side = doc.getElementById("sidebar");
    if (open && header && side) side.style.top = Math.max(0, header.getBoundingClientRect().bottom) + "px";
    html.classList.toggle("nav-open", open);
    menu.setAttribute("aria-expanded", String(open));
    menu.setAttribute("aria-label", open ? "Hide navigation" : "Show navigation");
    if (open) { var f = doc.getElementById("nav-filter"); if (f) f.focus(); }
  }
  if (menu) {
    menu.addEventListener("click", function () { setOpen(!html.classList.contains("nav-open")); });
    doc.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && html.classList.contains("nav-open")) { setOpen(false); menu.focus(); }
    });
  }

  // The tree: namespaces → types from assets/nav.js (one file for the whole site, cached by the browser); the current
  // namespace is open, the current type marked, and the current type's members (written in the page) sit under it.
  var data = window.DOCGEN_NAV, tree = doc.getElementById("nav-tree"), filter = doc.getElementById("nav-filter");
  var typePath = kind === "type" ? path : kind === "member" ? path.replace(/[^\/]*$/, "index.html") : null;
  var nodes = [];
  var kindIcons = { "class": "C", "record": "R", "struct": "S", "record struct": "R", "interface": "I", "enum": "E", "delegate": "D" };

  function typeItem(t) {
    var li = el("li"), row = el("div", "row"), a = el("a");
    a.href = base + t[2];
    var icon = el("span", "kind-icon", kindIcons[t[1]] || "T");
    icon.setAttribute("aria-hidden", "true");
    a.appendChild(icon);
    a.appendChild(doc.createTextNode(t[0]));
    a.title = t[1] + " " + t[0];
    if (t[2] === typePath) {
      a.className = kind === "type" ? "current" : "current-parent";
      if (kind === "type") a.setAttribute("aria-current", "page");
    }
    row.appendChild(el("span", "spacer"));
    row.appendChild(a);
    li.appendChild(row);
    if (t[2] === typePath) {
      var members = doc.getElementById("nav-members") || membersOfThisPage();
      if (members) li.appendChild(members);
    }
    return li;
  }

  // A type's page does not repeat its members in the written sidebar (its body lists them): the tree takes them from the
  // page's member tables, one entry per member name, grouped by kind.
  function membersOfThisPage() {
    var tables = doc.querySelectorAll("main table[data-group]");
    if (!tables.length) return null;
    var box = el("div", "nav-members");
    box.id = "nav-members";
    for (var i = 0; i < tables.length; i++) {
      box.appendChild(el("h3", "nav-group", tables[i].getAttribute("data-group")));
      var list = el("ul", "nav-list"), seen = {};
      var links = tables[i].querySelectorAll("td:first-child > a");
      for (var j = 0; j < links.length; j++) {
        var href = links[j].getAttribute("href").split("#")[0];
        if (seen[href]) continue;
        seen[href] = true;
        var item = el("li"), a = el("a", null, links[j].textContent.replace(/[(<].*$/, ""));
        a.href = href;
        item.appendChild(a);
        list.appendChild(item);
      }
      box.appendChild(list);
    }
    return box;
  }

  function expand(node, open) {
    node.button.setAttribute("aria-expanded", String(open));
    if (open && !node.list) {
      node.list = el("ul");
      node.items = [];
      for (var i = 0; i < node.data[2].length; i++) {
        var item = typeItem(node.data[2][i]);
        node.items.push(item);
        node.list.appendChild(item);
      }
      node.li.appendChild(node.list);
    }
    if (node.list) node.list.hidden = !open;
  }

  function build() {
    var list = el("ul", "tree");
    for (var i = 0; i < data.length; i++) {
      var ns = data[i], li = el("li", "ns"), row = el("div", "row");
      var button = el("button", "twisty");
      button.type = "button";
      button.setAttribute("aria-label", "Types of " + ns[0]);
      var a = el("a", null, ns[0]);
      a.href = base + ns[1];
      var current = ns[1] === path;
      var holds = false;
      for (var j = 0; typePath && j < ns[2].length; j++) if (ns[2][j][2] === typePath) { holds = true; break; }
      if (current) { a.className = "current"; a.setAttribute("aria-current", "page"); }
      else if (holds) a.className = "current-parent";
      if (!ns[2].length) { button = el("span", "spacer"); }
      row.appendChild(button);
      row.appendChild(a);
      li.appendChild(row);
      list.appendChild(li);
      var node = { data: ns, li: li, button: button, list: null, items: null, initiallyOpen: current || holds, name: ns[0].toLowerCase() };
      nodes.push(node);
      if (button.tagName === "BUTTON") {
        button.addEventListener("click", (function (n) { return function () { expand(n, n.button.getAttribute("aria-expanded") !== "true"); }; })(node));
        expand(node, node.initiallyOpen);
      }
    }
    var title = el("h2", "sidebar-title", "Namespaces");
    var empty = el("p", "tree-empty", "No namespace or type matches.");
    empty.hidden = true;
    tree.textContent = "";
    tree.appendChild(title);
    tree.appendChild(list);
    tree.appendChild(empty);
    tree.emptyNote = empty;
    // Bring the current item into the sidebar's view (the sidebar scrolls, not the page).
    var sidebar = doc.getElementById("sidebar");
    var marked = sidebar.querySelector(".nav-members a.current") || tree.querySelector("ul ul a.current, ul ul a.current-parent") || tree.querySelector("a.current, a.current-parent");
    if (marked) {
      var offset = marked.getBoundingClientRect().top - sidebar.getBoundingClientRect().top - sidebar.clientHeight / 3;
      if (offset > 0) sidebar.scrollTop += offset;
    }
  }

  // Filter: namespaces and types whose name contains the text; a namespace opens to show its matching types.
  function applyFilter(text) {
    var q = text.trim().toLowerCase(), any = false;
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i], nsMatch = !q || node.name.indexOf(q) >= 0, typeMatch = false;
      if (node.button.tagName !== "BUTTON") { node.li.hidden = !nsMatch; any = any || nsMatch; continue; }
      if (q) expand(node, node.button.getAttribute("aria-expanded") === "true");
      if (q && !node.items) { expand(node, true); expand(node, false); }
      for (var j = 0; node.items && j < node.items.length; j++) {
        var hit = !q || nsMatch || node.data[2][j][0].toLowerCase().indexOf(q) >= 0;
        node.items[j].hidden = !hit;
        if (q && !nsMatch && hit) typeMatch = true;
      }
      node.li.hidden = !(nsMatch || typeMatch);
      any = any || !node.li.hidden;
      expand(node, q ? typeMatch : node.initiallyOpen);
    }
    tree.emptyNote.hidden = any;
  }

  if (data && tree) {
    build();
    if (filter) {
      filter.addEventListener("input", function () { applyFilter(filter.value); });
      filter.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter") {
          // Enter opens the first type shown, else the first namespace.
          var link = tree.querySelector(".tree > li:not([hidden]) > ul:not([hidden]) > li:not([hidden]) > .row > a") || tree.querySelector(".tree > li:not([hidden]) > .row > a");
          if (link) window.location.href = link.href;
        } else if (ev.key === "Escape") { filter.value = ""; applyFilter(""); }
      });
    }
  } else if (filter) {
    filter.parentNode.hidden = true;
  }

  // Copy buttons on every code block; the text copied is the code as shown.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = el("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed"; area.style.opacity = "0";
      body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = doc.execCommand("copy"); } catch (e) { ok = false; }
      body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }
  var blocks = doc.querySelectorAll("main pre");
  for (var b = 0; b < blocks.length; b++) {
    var pre = blocks[b], wrap = el("div", "code-wrap"), button = el("button", "copy-button", "Copy");
    button.type = "button";
    button.setAttribute("aria-label", "Copy code");
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    wrap.appendChild(button);
    // A block that scrolls sideways must be reachable by keyboard.
    if (pre.scrollWidth > pre.clientWidth && !pre.hasAttribute("tabindex")) pre.tabIndex = 0;
    button.addEventListener("click", (function (p, btn) {
      return function () {
        copy(p.innerText.replace(/\n$/, "")).then(function () { btn.textContent = "Copied"; }, function () { btn.textContent = "Copy failed"; });
        setTimeout(function () { btn.textContent = "Copy"; }, 2000);
      };
    })(pre, button));
  }
})();

// DocGen site script: theme toggle (search: docgen-search.js). No dependencies, works from file://.
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

  // Search lives in docgen-search.js.
})();
