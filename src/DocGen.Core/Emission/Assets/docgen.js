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
